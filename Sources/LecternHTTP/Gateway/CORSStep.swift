import HTTPTypes
import Hummingbird

/// Primo answers browsers: a preflight `OPTIONS` is answered at once, and every Primo answer,
/// refusals included, carries the CORS headers recorded from the real gateway
/// (samples/primo/primo_pnxs_get.yml).
struct CORSStep {
    /// The answer to a Primo preflight, or `nil` when the request is not one.
    func preflight(for request: Request) -> Response? {
        guard request.method == .options, Self.applies(to: request) else { return nil }
        var response = Response(status: .ok)
        Self.addHeaders(to: &response)
        return response
    }

    /// Puts the CORS headers on a Primo answer.
    func annotate(_ response: inout Response, for request: Request) {
        if Self.applies(to: request) { Self.addHeaders(to: &response) }
    }

    private static func applies(to request: Request) -> Bool {
        request.uri.path.hasPrefix("/primo/")
    }

    private static func addHeaders(to response: inout Response) {
        response.headers[.accessControlAllowOrigin] = "*"
        response.headers[.accessControlAllowMethods] = "GET,POST,DELETE,PUT,OPTIONS"
        response.headers[.accessControlAllowHeaders] = "Origin, X-Requested-With, Content-Type, Accept, Authorization"
    }
}
