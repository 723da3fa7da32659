import Hummingbird
import Logging
import NIOCore

extension LecternRequestContext {
    /// The context of a call made in process, as the API console makes them: there is no
    /// channel, only the logger and the address the call is made for.
    init(logger: Logger, remoteAddress: SocketAddress?) {
        self.coreContext = CoreRequestContextStorage(source: InProcessCallSource(logger: logger))
        self.remoteAddress = remoteAddress
    }
}

/// What a context of a call made in process is created from: a logger.
private struct InProcessCallSource: RequestContextSource {
    let logger: Logger
}
