public import LecternRepresentation

/// An object a route takes or answers, for its documentation: the name of its root element (and
/// of its schema in the OpenAPI documents), its ``Shape``, and where the demo data has one to
/// show as an example.
public struct DocumentedObject: Sendable, Hashable {
    /// The root element (`user`, `users`): the object's name in the documents and pages.
    public var name: String
    /// One line on what it is.
    public var summary: String
    /// The JSON form's shape (the XML form is the ``Node`` tree itself).
    public var shape: Shape
    /// The stored kind an example is read from (`user`), or `nil` when the demo data has none.
    public var exampleKind: String?
    /// For a list (`users`), the element of one item (`user`): its example is a list of one.
    public var listItem: String?

    /// Describes an object.
    public init(_ name: String, _ summary: String, shape: Shape, exampleKind: String? = nil, listItem: String? = nil) {
        self.name = name
        self.summary = summary
        self.shape = shape
        self.exampleKind = exampleKind
        self.listItem = listItem
    }

    /// A list of `item` (`users` of `user`): `<users total_record_count="N"><user>…`.
    public static func list(_ name: String, of item: DocumentedObject, shape: Shape) -> DocumentedObject {
        DocumentedObject(name, "A page of \(item.name) objects and the total count", shape: shape, exampleKind: item.exampleKind, listItem: item.name)
    }

    // Shapes are data without identity: an object is known by its name.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// An error an operation answers, for its documentation: the code and the message.
public struct DocumentedError: Sendable, Hashable {
    /// The Alma error code (`401861`).
    public var code: String
    /// What the message says (with placeholders such as `{user_id}`).
    public var message: String

    /// The error `error` stands for.
    public init(_ error: APIError) {
        code = error.code.rawValue
        message = error.message
    }
}
