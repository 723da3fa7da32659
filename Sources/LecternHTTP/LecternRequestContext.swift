public import Hummingbird
public import LecternCore
public import NIOCore

/// Per-request state. The gateway fills it in, stage by stage; the route adapter reads it.
public struct LecternRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer, for IP restriction profiles (`nil` under `.router` tests).
    public internal(set) var remoteAddress: SocketAddress?
    /// The authenticated key; set by `APIKeyMiddleware`.
    public var caller: Caller?
    /// The API area of the path; set by `AccessPolicyMiddleware`.
    public var area: Area?
    /// The request body as collected by `RequestSizeMiddleware` (within the size limit).
    public var bodyBytes: ByteBuffer?
    /// The body as read by `BodyMiddleware`.
    public var body: Call.Body?
    /// What the stages learn for `RequestLogMiddleware`: one object shared by every copy.
    let outcome: CallOutcome

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
        self.outcome = CallOutcome()
    }

    /// The gateway enforces its own limit (REQUEST_TOO_LARGE); this only bounds collection.
    public var maxUploadSize: Int { .max }
}
