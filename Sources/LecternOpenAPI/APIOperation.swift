public import LecternCore

/// One operation of an API area: a route with its documentation, as the console and the OpenAPI
/// documents show it.
public struct APIOperation: Sendable, Hashable {
    /// A stable, unique id: the method and the path's segments (`get_almaws_v1_users_user_id`).
    public var id: String
    /// The API area the path belongs to (the gateway's area map).
    public var area: Area
    /// The method.
    public var method: Method
    /// The path in OpenAPI form, with `{name}` segments.
    public var path: String
    /// One line: what it does.
    public var summary: String
    /// Path parameters in path order, then query parameters, then headers.
    public var parameters: [APIParameter]
    /// The formats of the body it takes; empty when it takes none.
    public var body: [BodyFormat]
    /// What it answers on success.
    public var answer: RouteAnswer
    /// The object its body holds, when it takes one.
    public var request: DocumentedObject?
    /// The object it answers, when it answers one.
    public var response: DocumentedObject?
    /// The logical errors its handler answers.
    public var errors: [DocumentedError]

    /// Creates an operation.
    public init(
        id: String,
        area: Area,
        method: Method,
        path: String,
        summary: String,
        parameters: [APIParameter],
        body: [BodyFormat],
        answer: RouteAnswer,
        request: DocumentedObject? = nil,
        response: DocumentedObject? = nil,
        errors: [DocumentedError] = []
    ) {
        self.id = id
        self.area = area
        self.method = method
        self.path = path
        self.summary = summary
        self.parameters = parameters
        self.body = body
        self.answer = answer
        self.request = request
        self.response = response
        self.errors = errors
    }
}

extension APIOperation {
    /// The operation `route` documents, in `area`. A `{name}` segment the documentation does not
    /// describe still becomes a (required) path parameter; an undocumented route is summarized
    /// by its method and path.
    init(_ route: Route, area: Area) {
        let documentation = route.documentation ?? RouteDocumentation(summary: "\(route.method.rawValue) \(route.path)")
        let pathParameters = Self.pathParameterNames(route.path).map { name in
            APIParameter(
                documentation.path.first { $0.name == name } ?? RouteParameter(name, "The \(name) of the resource"),
                location: .path
            )
        }
        self.init(
            id: Self.id(method: route.method, path: route.path),
            area: area,
            method: route.method,
            path: route.path,
            summary: documentation.summary,
            parameters: pathParameters + documentation.query.map { APIParameter($0, location: .query) }
                + documentation.headers.map { APIParameter($0, location: .header) },
            body: documentation.body,
            answer: documentation.answer,
            request: documentation.request,
            response: documentation.response,
            errors: documentation.errors
        )
    }

    /// The names of the `{name}` segments of `path`, in order.
    static func pathParameterNames(_ path: String) -> [String] {
        path.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? String(segment.dropFirst().dropLast()) : nil
        }
    }

    /// `get_almaws_v1_users_user_id`: the method, then the path's segments without braces.
    static func id(method: Method, path: String) -> String {
        let segments = path.split(separator: "/").map { segment in
            String(segment.compactMap { character -> Character? in character == "{" || character == "}" ? nil : character == "-" ? "_" : character })
        }
        return ([method.rawValue.lowercased()] + segments).joined(separator: "_")
    }
}
