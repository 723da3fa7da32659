import HTTPTypes
import Hummingbird
import LecternCore

/// Refuses bodies over the limit with REQUEST_TOO_LARGE, and collects the body for the stages after it.
struct RequestSizeStep {
    let limit: Int

    func apply(to request: inout Request, context: inout LecternRequestContext) async throws {
        let length = request.headers.value(of: .contentLength).flatMap { Int($0) }
        if let length, length > limit {
            throw GatewayError.requestTooLarge
        }
        // Most calls are GETs without a body: do not touch the body stream then.
        if length == 0 || (length == nil && !request.headers.contains(.transferEncoding)) { return }
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw GatewayError.requestTooLarge
        }
        if buffer.readableBytes > 0 { context.bodyBytes = buffer }
    }
}
