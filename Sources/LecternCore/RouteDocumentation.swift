/// What a route's table says about it, for the API catalog and the OpenAPI documents it serves:
/// a summary, the parameters its handler reads, the body it takes and what it answers.
///
/// Path parameters need no entry: they are the route's `{name}` segments; ``path`` only gives
/// them descriptions.
public struct RouteDocumentation: Sendable, Hashable {
    /// One line: what the operation does (`Retrieve users`).
    public var summary: String
    /// Descriptions of the `{name}` segments of the path.
    public var path: [RouteParameter]
    /// The query parameters the handler (or the HTTP edge) reads.
    public var query: [RouteParameter]
    /// The request headers the handler reads.
    public var headers: [RouteParameter]
    /// The formats of the body it takes; empty when it takes none.
    public var body: [BodyFormat]
    /// What it answers on success.
    public var answer: RouteAnswer
    /// The object its body holds, when it takes one.
    public var request: DocumentedObject?
    /// The object it answers, when it answers one.
    public var response: DocumentedObject?
    /// The logical errors its handler answers (besides the gateway's, common to all).
    public var errors: [DocumentedError]

    /// Creates the documentation.
    public init(
        summary: String,
        path: [RouteParameter] = [],
        query: [RouteParameter] = [],
        headers: [RouteParameter] = [],
        body: [BodyFormat] = [],
        answer: RouteAnswer = .object([.xml, .json]),
        request: DocumentedObject? = nil,
        response: DocumentedObject? = nil,
        errors: [DocumentedError] = []
    ) {
        self.summary = summary
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.answer = answer
        self.request = request
        self.response = response
        self.errors = errors
    }
}
