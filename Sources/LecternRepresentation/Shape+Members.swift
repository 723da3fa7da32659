extension Shape {
    /// The root of a list response: `<users total_record_count="N"><user>…` is
    /// `{"user":[…],"total_record_count":N}`, and `{"total_record_count":0}` when empty.
    public static func listRoot(item: String, of shape: Shape) -> Shape {
        .object([
            Shape.Member(item, shape, repeats: true),
            .attribute("total_record_count", .number),
        ])
    }
}

/// The members the shape tables are written with, one call each.
extension Shape.Member {
    /// A text element.
    public static func text(_ name: String, nullWhenAbsent: Bool = false) -> Self {
        Self(name, .text, nullWhenAbsent: nullWhenAbsent)
    }

    /// A code-table element (`<x desc="…">code</x>`).
    public static func code(_ name: String, nullWhenAbsent: Bool = false) -> Self {
        Self(name, .code, nullWhenAbsent: nullWhenAbsent)
    }

    /// A boolean element.
    public static func boolean(_ name: String) -> Self {
        Self(name, .boolean)
    }

    /// A wrapper element (`<user_roles>`) around repeated `item` elements (`<user_role>`).
    public static func list(_ name: String, item: String, of shape: Shape) -> Self {
        Self(name, .list(item: item, of: shape))
    }
}

extension Node {
    /// The root of a list answer (``Shape/listRoot(item:of:)``): `<users total_record_count="N">`
    /// with its items, `total` counting every match and not only this page.
    public static func listRoot(_ name: String, total: Int, items: [Node] = []) -> Node {
        Node(name, attributes: [Attribute("total_record_count", String(total))], children: items)
    }
}
