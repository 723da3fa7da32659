import Hummingbird
import LecternCore
import LecternGateway

/// Applies the plan, method and area rules (``AccessPolicy``) for the call's area, which the
/// gateway noted in the context: the matched route's, or for a call no route matched, the area
/// whose paths it belongs to.
struct AccessPolicyStep: GatewayStep {
    func apply(to request: Request, context: inout LecternRequestContext) throws {
        let caller = try context.requireCaller()
        guard let area = context.area else { throw GatewayError.unauthorized }
        try AccessPolicy.check(caller, method: Method(request.method), area: area)
    }
}
