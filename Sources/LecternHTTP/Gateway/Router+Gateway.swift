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
    /// Call it before adding any route: middleware wraps only the routes added after it.
    @discardableResult
    public func addGateway(_ gateway: Gateway, logLevel: Logger.Level = .debug) -> Self {
        add(middleware: GatewayMiddleware(gateway: gateway, logLevel: logLevel))
    }
}
