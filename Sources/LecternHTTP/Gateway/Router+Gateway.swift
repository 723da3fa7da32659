public import Hummingbird
public import LecternGateway
public import Logging

extension Router<LecternRequestContext> {
    /// Installs the gateway in front of every route added after it.
    ///
    /// A request passes the stages in this order (outermost first); the first that refuses
    /// answers, and the stages after it never run:
    ///
    /// ```
    ///  request ─▶ RequestLogMiddleware      method, path (key redacted), status, latency: to the log, and,
    ///                                       once the key is known, to its usage counts and request log
    ///          ─▶ CORSMiddleware            Primo: OPTIONS preflight, CORS headers on every answer
    ///          ─▶ ErrorRenderingMiddleware  GatewayError / APIError / anything else -> documented body
    ///          ─▶ RequestSizeMiddleware     REQUEST_TOO_LARGE; collects the body
    ///          ─▶ APIKeyMiddleware          GENERAL_ERROR (no key), INVALID_REQUEST, UNAUTHORIZED; console tokens
    ///          ─▶ IPRestrictionMiddleware   FORBIDDEN
    ///          ─▶ AccessPolicyMiddleware    plan, method and area: UNAUTHORIZED
    ///          ─▶ MaintenanceMiddleware     503 ROUTING_ERROR (also when a fault plan injects it)
    ///          ─▶ BodyMiddleware            XML without XML content type, malformed XML: GENERAL_ERROR
    ///          ─▶ ThresholdMiddleware       429 PER_SECOND_THRESHOLD / DAILY_THRESHOLD, real or injected;
    ///                                       X-Exl-Api-Remaining
    ///          ─▶ ErrorRenderingMiddleware  a handler's APIError becomes its 400 here, so it is counted
    ///          ─▶ route adapter -> family handler
    /// ```
    ///
    /// `RequestLogMiddleware` is outside both error renderers, so it sees every answer as the client
    /// gets it; the stages tell it the key, the area and the rendered error code through the
    /// context's shared `CallOutcome`.
    ///
    /// Call it before adding any route: middleware wraps only the routes added after it.
    @discardableResult
    public func addGateway(_ gateway: Gateway, logLevel: Logger.Level = .debug) -> Self {
        addMiddleware {
            RequestLogMiddleware(level: logLevel, gateway: gateway)
            CORSMiddleware()
            ErrorRenderingMiddleware()
            RequestSizeMiddleware(limit: gateway.maxBodyBytes)
            APIKeyMiddleware(gateway: gateway)
            IPRestrictionMiddleware()
            AccessPolicyMiddleware()
            MaintenanceMiddleware(gateway: gateway)
            BodyMiddleware()
            ThresholdMiddleware(gateway: gateway)
            ErrorRenderingMiddleware()
        }
    }
}
