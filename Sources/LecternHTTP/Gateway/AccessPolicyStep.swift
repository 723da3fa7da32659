import Hummingbird
import LecternCore
import LecternGateway

/// Applies the plan, method and area rules (``AccessPolicy``).
struct AccessPolicyStep: GatewayStep {
    func apply(to request: Request, context: inout LecternRequestContext) throws {
        let caller = try context.requireCaller()
        guard let area = AccessPolicy.area(forPath: request.uri.path) else { throw GatewayError.unauthorized }
        // Noted before the check: a refused call still belongs to the area, in the usage counts.
        context.area = area
        try AccessPolicy.check(caller, method: Method(request.method), area: area)
    }
}
