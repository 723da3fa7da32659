import Hummingbird
import LecternCore
import LecternGateway

/// Answers 503 ROUTING_ERROR while the product behind the path is switched to maintenance, or
/// when the key's fault plan injects a routing error (``FaultInjector``).
struct MaintenanceStep: GatewayStep {
    let gateway: Gateway

    func apply(to request: Request, context: inout LecternRequestContext) throws {
        guard let product = context.area?.product else { return }
        guard let keyID = context.caller?.keyID else { throw GatewayError.unauthorized }
        if gateway.isInMaintenance(product) || gateway.faults.draws(.routingError, keyID: keyID) {
            throw GatewayError.maintenance(product: product, server: request.head.authority ?? "localhost")
        }
    }
}
