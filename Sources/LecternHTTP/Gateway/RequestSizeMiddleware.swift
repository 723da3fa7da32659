import HTTPTypes
import Hummingbird
import LecternCore

/// Refuses bodies over the limit with REQUEST_TOO_LARGE, and collects the body for the stages after it.
struct RequestSizeMiddleware: RouterMiddleware {
    typealias Context = LecternRequestContext
    let limit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let length = request.headers[.contentLength].flatMap { Int($0) }
        if let length, length > limit {
            throw GatewayError.requestTooLarge
        }
        // Most calls are GETs without a body: do not touch the body stream then.
        if length == 0 || (length == nil && request.headers[.transferEncoding] == nil) {
            return try await next(request, context)
        }
        var request = request
        var context = context
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw GatewayError.requestTooLarge
        }
        if buffer.readableBytes > 0 { context.bodyBytes = buffer }
        return try await next(request, context)
    }
}
