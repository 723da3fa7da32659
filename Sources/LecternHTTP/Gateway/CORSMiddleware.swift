import HTTPTypes
import Hummingbird

/// Primo answers browsers: a preflight `OPTIONS` is answered at once, and every Primo answer,
/// refusals included, carries the CORS headers recorded from the real gateway
/// (samples/primo/primo_pnxs_get.yml).
struct CORSMiddleware: RouterMiddleware {
    typealias Context = LecternRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/primo/") else { return try await next(request, context) }
        if request.method == .options {
            var response = Response(status: .ok)
            Self.addHeaders(to: &response)
            return response
        }
        var response = try await next(request, context)
        Self.addHeaders(to: &response)
        return response
    }

    static func addHeaders(to response: inout Response) {
        response.headers[.accessControlAllowOrigin] = "*"
        response.headers[.accessControlAllowMethods] = "GET,POST,DELETE,PUT,OPTIONS"
        response.headers[.accessControlAllowHeaders] = "Origin, X-Requested-With, Content-Type, Accept, Authorization"
    }
}
