import HTTPTypes
import Hummingbird
import LecternCore
import LecternRepresentation
import LecternStore
import Logging

/// The one place where an error becomes bytes on the wire.
///
/// Gateway refusals are always XML (WIRE.md §5) and, as recorded, carry no tracking id; logical errors are 400 in the form the call's
/// area declares (``AreaDescriptor/errors``); anything else is logged and answered with a 500
/// `web_service_result`, never an empty 500 from the framework. The error code it renders is
/// also noted in the context, for the usage counts and the request log.
struct ErrorRenderer {
    /// The answer to `error`; notes its code in `context.errorCode`.
    func response(for error: any Error, request: Request, context: inout LecternRequestContext) -> Response {
        switch error {
        case let error as GatewayError:
            return Self.response(
                code: error.code,
                message: error.message,
                status: error.status,
                format: .xml,
                tracked: false,
                request: request,
                context: &context
            )
        case let error as APIError:
            let format = context.area?.errors == .json ? .json : WireFormat(for: request)
            return Self.response(code: error.code.rawValue, message: error.message, status: 400, format: format, request: request, context: &context)
        case StoreError.timeLimitExceeded:
            let error = APIError(.generalError, "General Error: the request needed more time than one query may take. Narrow the query.")
            return response(for: error, request: request, context: &context)
        case let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed:
            let refusal = GatewayError.unauthorized
            return Self.response(
                code: refusal.code,
                message: refusal.message,
                status: refusal.status,
                format: .xml,
                tracked: false,
                request: request,
                context: &context
            )
        default:
            context.logger.error("unanswered error", metadata: ["error": "\(String(reflecting: error))"])
            return Self.response(
                code: "INTERNAL_SERVER_ERROR",
                message: "Internal server error: the request could not be completed.",
                status: 500,
                format: WireFormat(for: request),
                request: request,
                context: &context
            )
        }
    }

    private static func response(
        code: String,
        message: String,
        status: Int,
        format: WireFormat,
        tracked: Bool = true,
        request: Request,
        context: inout LecternRequestContext
    ) -> Response {
        context.errorCode = code
        let text = MessageCatalog.message(code: code, english: message, language: request.queryParameter("lang"))
        let body = ErrorBody.node(code: code, message: text, trackingID: tracked ? ErrorBody.trackingID() : nil)
        return .wire(body, as: ErrorBody.shape, format: format, status: HTTPResponse.Status(code: status))
    }
}
