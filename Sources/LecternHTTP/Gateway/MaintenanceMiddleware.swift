import Hummingbird
import LecternCore
import LecternGateway

/// Answers 503 ROUTING_ERROR while the product behind the path is switched to maintenance, or
/// when the key's fault plan injects a routing error (``FaultInjector``).
struct MaintenanceMiddleware: RouterMiddleware {
    typealias Context = LecternRequestContext
    let gateway: Gateway

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let product = context.area?.product {
            guard let keyID = context.caller?.keyID else { throw GatewayError.unauthorized }
            if gateway.isInMaintenance(product) || gateway.faults.draws(.routingError, keyID: keyID) {
                throw GatewayError.maintenance(product: product, server: request.head.authority ?? "localhost")
            }
        }
        return try await next(request, context)
    }
}
