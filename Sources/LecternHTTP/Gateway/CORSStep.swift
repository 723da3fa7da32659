import HTTPTypes
import Hummingbird
import LecternCore

/// An area that answers browsers (Primo, ``AreaDescriptor/answersBrowsers``): a preflight
/// `OPTIONS` is answered at once, and every answer, refusals included, carries the CORS headers
/// recorded from the real gateway (samples/primo/primo_pnxs_get.yml).
struct CORSStep {
    /// The answer to a preflight in such an area, or `nil` when the request is not one.
    func preflight(for request: Request, area: AreaDescriptor?) -> Response? {
        guard request.method == .options, area?.answersBrowsers == true else { return nil }
        var response = Response(status: .ok)
        Self.addHeaders(to: &response)
        return response
    }

    /// Puts the CORS headers on an answer of such an area.
    func annotate(_ response: inout Response, area: AreaDescriptor?) {
        if area?.answersBrowsers == true { Self.addHeaders(to: &response) }
    }

    private static func addHeaders(to response: inout Response) {
        response.headers[.accessControlAllowOrigin] = "*"
        response.headers[.accessControlAllowMethods] = "GET,POST,DELETE,PUT,OPTIONS"
        response.headers[.accessControlAllowHeaders] = "Origin, X-Requested-With, Content-Type, Accept, Authorization"
    }
}
