import Hummingbird
import LecternCore
import LecternGateway
import Logging

extension Router<LecternRequestContext> {
    /// The gateway in front of the API: a request passes the stages in this order (outermost first); the first that refuses
    /// answers, and the stages after it never run:
    ///
    /// ```
    ///  request ─▶ RequestLogMiddleware      method, path (key redacted), status, latency: to the log, and,
    ///                                       once the key is known, to its usage counts and request log
    ///          ─▶ CORSStep                  Primo: OPTIONS preflight, CORS headers on every answer
    ///          ─▶ ErrorRenderer             GatewayError / APIError / anything else -> documented body
    ///          ─▶ RequestSizeStep           REQUEST_TOO_LARGE; collects the body
    ///          ─▶ APIKeyStep                GENERAL_ERROR (no key), INVALID_REQUEST, UNAUTHORIZED; console tokens
    ///          ─▶ IPRestrictionStep         FORBIDDEN
    ///          ─▶ AccessPolicyStep          plan, method and area: UNAUTHORIZED
    ///          ─▶ MaintenanceStep           503 ROUTING_ERROR (also when a fault plan injects it)
    ///          ─▶ BodyStep                  XML without XML content type, malformed XML: GENERAL_ERROR
    ///          ─▶ ThresholdStep             429 PER_SECOND_THRESHOLD / DAILY_THRESHOLD, real or injected;
    ///                                       X-Exl-Api-Remaining on the answer
    ///          ─▶ ErrorRenderer             a handler's APIError becomes its 400 here, so it is counted
    ///          ─▶ route adapter -> family handler
    /// ```
    ///
    /// `RequestLogMiddleware` is outside both error renderers, so it sees every answer as the client
    /// gets it, with the key, the area and the rendered error code the stages noted in the context.
    ///
    /// One `GatewayMiddleware` runs them all, in this order.
    ///
    /// Each area's routes get a gateway that knows their area (``addAreas(_:gateway:logLevel:)``);
    /// this one, added after every route, wraps only the calls no route matched, and finds their
    /// area from the path.
    @discardableResult
    func addGatewayForUnmatchedCalls(_ gateway: Gateway, areas: AreaDirectory, logLevel: Logger.Level) -> Self {
        add(middleware: GatewayMiddleware(gateway: gateway, logLevel: logLevel, area: .path(areas)))
    }
}
