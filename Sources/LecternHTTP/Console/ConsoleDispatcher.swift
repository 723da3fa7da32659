import HTTPTypes
import Hummingbird
import LecternPortalWeb
import Logging
import NIOCore
import Synchronization

/// The API console's transport: hands the call to the same router the server uses, in process,
/// so that it passes the whole gateway exactly as a call from outside does.
///
/// The router is built after the portal's routes are installed, so the responder is set last.
final class ConsoleDispatcher: ConsoleTransport {
    private let responder = Mutex<RouterResponder<LecternRequestContext>?>(nil)
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    /// Connects the dispatcher to the finished router.
    func connect(_ router: Router<LecternRequestContext>) {
        let built = router.buildResponder()
        responder.withLock { $0 = built }
    }

    func execute(_ call: ConsoleCall) async throws -> ConsoleResult {
        guard let responder = responder.withLock({ $0 }) else { return ConsoleResult(status: .serviceUnavailable, headers: [:], body: []) }
        var headers = call.headers
        if let body = call.body { headers[.contentLength] = String(body.utf8.count) }
        let request = Request(
            head: HTTPRequest(method: call.method, scheme: "http", authority: call.authority, path: call.path, headerFields: headers),
            body: RequestBody(buffer: ByteBuffer(string: call.body ?? ""))
        )
        let context = LecternRequestContext(logger: logger, remoteAddress: call.remoteAddress)
        let response = try await responder.respond(to: request, context: context)
        let collector = Collector()
        try await response.body.write(collector)
        var answerHeaders = response.headers
        let body = collector.bytes.withLock { $0 }
        answerHeaders[.contentLength] = String(body.count)
        return ConsoleResult(status: response.status, headers: answerHeaders, body: body)
    }

    /// Collects a response body.
    private final class Collector: ResponseBodyWriter {
        let bytes = Mutex<[UInt8]>([])

        func write(_ buffer: ByteBuffer) async throws {
            bytes.withLock { $0.append(contentsOf: buffer.readableBytesView) }
        }

        func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}
