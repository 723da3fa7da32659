/// A list's paging, declared once: `limit` (`0...maximum`, `default` by default) and `offset`,
/// both checked by the router; the handler reads them with ``Call/page(_:)``.
///
/// ```swift
/// static let paging = Paging(default: 10, maximum: 100)
/// Route(.get, "/almaws/v1/users", list).documented("Retrieve users", query: paging.parameters + [.format, .lang])
/// let (limit, offset) = call.page(Self.paging)
/// ```
public struct Paging: Sendable, Hashable {
    /// `limit`.
    public let limit: RouteParameter
    /// `offset`.
    public let offset: RouteParameter

    /// Paging of at most `maximum` results a page, `value` by default.
    public init(default value: Int, maximum: Int) {
        limit = .limit(default: value, maximum: maximum)
        offset = .offset
    }

    /// Paging with its own `limit` and `offset` declarations (their descriptions, ranges, refusals).
    public init(limit: RouteParameter, offset: RouteParameter) {
        self.limit = limit
        self.offset = offset
    }

    /// Both parameters, for a route's documentation.
    public var parameters: [RouteParameter] { [limit, offset] }
}
