import Hummingbird
import LecternCore
import LecternGateway
import LecternPortalWeb
import Logging

/// The gateway: its stages, in the order `Router+Gateway.swift` documents, in one middleware.
///
/// Each stage is a type of its own with one job; this runs them in order. They are not
/// middlewares nested in one another: each level of middleware cost every call an async frame,
/// a closure and a copy of the request and its context, and eleven levels cost more than most
/// of the stages' own work. A stage that refuses throws; its refusal, like a handler's error, is
/// rendered here by ``ErrorRenderer``. What the stages learn (the caller, the area, the error
/// code) is in the context they fill in, which the request log reads at the end, even when a
/// stage threw: an `inout` argument keeps what was written before the throw.
///
/// Each area's routes have a gateway of their own, which knows the area; the gateway in front of
/// the calls that no route matched finds their area from the path (``AreaDirectory``).
struct GatewayMiddleware: RouterMiddleware {
    typealias Context = LecternRequestContext

    /// Where the call's area comes from.
    enum AreaSource {
        /// The routes behind this gateway are all in this area.
        case route(AreaDescriptor)
        /// No route matched: the area whose paths the call's path belongs to, if any.
        case path(AreaDirectory)
    }

    let areaSource: AreaSource
    let requestLog: RequestLogMiddleware
    let cors = CORSStep()
    let errors = ErrorRenderer()
    let requestSize: RequestSizeStep
    let apiKey: APIKeyStep
    let ipRestriction = IPRestrictionStep()
    let accessPolicy = AccessPolicyStep()
    let maintenance: MaintenanceStep
    let body = BodyStep()
    let threshold: ThresholdStep

    init(gateway: Gateway, logLevel: Logger.Level, area: AreaSource) {
        areaSource = area
        requestLog = RequestLogMiddleware(level: logLevel, gateway: gateway)
        requestSize = RequestSizeStep(limit: gateway.maxBodyBytes)
        apiKey = APIKeyStep(gateway: gateway)
        maintenance = MaintenanceStep(gateway: gateway)
        threshold = ThresholdStep(gateway: gateway)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let arrival: RequestLogMiddleware.Arrival
        var context = context
        switch areaSource {
        case .route(let area):
            arrival = requestLog.arrival()
            context.area = area
        case .path(let directory):
            // The portal's pages are outside the gateway: a portal path that reached it matched no
            // page, and the portal answers that itself (`PortalFallbackMiddleware`).
            if PortalFallbackMiddleware<Context>.isPortalPath(request.uri.path) { return try await next(request, context) }
            arrival = requestLog.arrival()
            context.area = directory.descriptor(forPath: request.uri.path)
        }
        var response: Response
        if let preflight = cors.preflight(for: request, area: context.area) {
            response = preflight
        } else {
            do {
                response = try await admit(request, context: &context, next: next)
            } catch {
                response = errors.response(for: error, request: request, context: &context)
            }
            cors.annotate(&response, area: context.area)
        }
        requestLog.finish(request, response, context: context, arrival: arrival)
        return response
    }

    /// The stages that admit or refuse the call, then the handler, whose errors are rendered
    /// inside the thresholds so that they are counted.
    private func admit(_ request: Request, context: inout Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var request = request
        try await requestSize.apply(to: &request, context: &context)
        try await apiKey.apply(to: request, context: &context)
        try ipRestriction.apply(to: request, context: &context)
        try accessPolicy.apply(to: request, context: &context)
        try maintenance.apply(to: request, context: &context)
        try body.apply(to: request, context: &context)
        let remaining = try await threshold.count(request, context: context)
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = errors.response(for: error, request: request, context: &context)
        }
        threshold.annotate(&response, remaining: remaining)
        return response
    }
}
