import HTTPTypes
import Hummingbird
import LecternCore

/// Refuses bodies over the limit with REQUEST_TOO_LARGE, and collects the body for the stages after it.
struct RequestSizeMiddleware: RouterMiddleware {
    typealias Context = LecternRequestContext
    let limit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw GatewayError.requestTooLarge
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
