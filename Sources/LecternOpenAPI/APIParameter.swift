import LecternCore

/// One parameter of an ``APIOperation``, ready for a console form or an OpenAPI document.
public struct APIParameter: Sendable, Hashable {
    /// Where a parameter goes in the request.
    public enum Location: String, Sendable, Hashable {
        /// A `{name}` segment of the path; always required.
        case path
        /// A query parameter.
        case query
        /// A request header.
        case header
    }

    /// The wire name (`user_id`, `limit`, `Exl-User-Pw`).
    public var name: String
    /// Where it goes.
    public var location: Location
    /// What it does.
    public var description: String
    /// Whether a call without it is refused (path parameters always are).
    public var required: Bool
    /// The value used when it is absent, if any.
    public var defaultValue: String?
    /// The accepted values when they are a closed list; empty when any value goes.
    public var allowedValues: [String]
    /// The range of a whole-number parameter the router holds to it.
    public var range: ClosedRange<Int>?

    /// Creates a parameter.
    public init(
        name: String,
        location: Location,
        description: String,
        required: Bool,
        defaultValue: String? = nil,
        allowedValues: [String] = [],
        range: ClosedRange<Int>? = nil
    ) {
        self.name = name
        self.location = location
        self.description = description
        self.required = required
        self.defaultValue = defaultValue
        self.allowedValues = allowedValues
        self.range = range
    }

    /// The parameter a route table documents, at `location`.
    init(_ parameter: RouteParameter, location: Location) {
        self.init(
            name: parameter.name,
            location: location,
            description: parameter.description,
            required: location == .path || parameter.required,
            defaultValue: parameter.defaultValue,
            allowedValues: parameter.allowedValues,
            range: parameter.range
        )
    }
}
