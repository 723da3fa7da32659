public import LecternRepresentation

/// The shapes of Alma's objects: the hints the JSON form needs that the XML form does not
/// carry (see ``Shape`` and WIRE.md section 3), one small table per object family.
///
/// Each shape is derived from the object's XSD where one is vendored
/// (`reference/exlibris/alma/xsd`) and from recorded JSON otherwise; the files say which.
public enum AlmaShapes {
    /// The root of a list response: `<users total_record_count="N"><user>…` is
    /// `{"user":[…],"total_record_count":N}`, and `{"total_record_count":0}` when empty.
    public static func listRoot(item: String, of shape: Shape) -> Shape {
        .object([
            Shape.Member(item, shape, repeats: true),
            .attribute("total_record_count", .number),
        ])
    }
}

extension Shape.Member {
    /// A text element.
    static func text(_ name: String, nullWhenAbsent: Bool = false) -> Self {
        Self(name, .text, nullWhenAbsent: nullWhenAbsent)
    }

    /// A code-table element (`<x desc="…">code</x>`).
    static func code(_ name: String, nullWhenAbsent: Bool = false) -> Self {
        Self(name, .code, nullWhenAbsent: nullWhenAbsent)
    }

    /// A boolean element.
    static func boolean(_ name: String) -> Self {
        Self(name, .boolean)
    }

    /// A wrapper element (`<user_roles>`) around repeated `item` elements (`<user_role>`).
    static func list(_ name: String, item: String, of shape: Shape) -> Self {
        Self(name, .list(item: item, of: shape))
    }
}
