public import LecternRepresentation

/// What a handler answers, before representation: the object and its shape, or no content.
public enum Reply: Sendable {
    /// 200 with an object, rendered as XML or JSON by the HTTP edge.
    case object(Node, Shape)
    /// 200 with an object exactly as stored; `version` names this content and no other (for
    /// example the tenant, kind and store-wide revision), so the edge may reuse its rendering.
    case stored(Node, Shape, version: String)
    /// 204, no body (DELETE, `op=auth`).
    case noContent
    /// 302 to another path of this API (`/items?item_barcode=`).
    case redirect(String)
}

/// One entry of a family's route table: `Route(.get, "/almaws/v1/users/{user_id}", get)`.
///
/// The area whose permission a route needs follows from its path (the gateway's area map); what it
/// reads and answers is its ``documentation`` (``Route/documented(_:path:query:headers:body:answer:)``).
public struct Route: Sendable {
    /// The method.
    public var method: Method
    /// The path in OpenAPI form, with `{param}` segments.
    public var path: String
    /// The handler.
    public var handler: @Sendable (Call) async throws -> Reply
    /// What the route reads and answers, for the OpenAPI documents; `nil` until documented.
    public var documentation: RouteDocumentation?

    /// Creates a route.
    public init(_ method: Method, _ path: String, _ handler: @escaping @Sendable (Call) async throws -> Reply) {
        self.method = method
        self.path = path
        self.handler = handler
        self.documentation = nil
    }
}
