public import Hummingbird
public import LecternCore
public import NIOCore

/// Per-request state. The gateway fills it in, stage by stage; the route adapter reads it.
public struct LecternRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer, for IP restriction profiles (`nil` under `.router` tests).
    public internal(set) var remoteAddress: SocketAddress?
    /// The authenticated key; set by `APIKeyStep`.
    public var caller: Caller?
    /// The API area of the call: the matched route's, or the one whose paths an unmatched call
    /// belongs to; set by the gateway as the call arrives.
    public var area: AreaDescriptor?
    /// The request body as collected by `RequestSizeStep` (within the size limit).
    public var bodyBytes: ByteBuffer?
    /// The body as read by `BodyStep`.
    public var body: Call.Body?
    /// The error code of the answer, once `ErrorRenderer` has rendered one; empty otherwise.
    var errorCode = ""

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// The gateway enforces its own limit (REQUEST_TOO_LARGE); this only bounds collection.
    public var maxUploadSize: Int { .max }
}
