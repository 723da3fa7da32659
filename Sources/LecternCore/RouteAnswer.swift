/// What a route answers when it succeeds, as its documentation states it (the ``Reply`` cases
/// its handler returns).
public enum RouteAnswer: Sendable, Hashable {
    /// 200 with an object in one of these formats.
    case object([BodyFormat])
    /// 204 without a body.
    case noContent
    /// 302 to another URL of the same API, in `Location`.
    case redirect
}
