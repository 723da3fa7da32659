import Hummingbird
import LecternCore
import LecternGateway

/// Refuses callers outside the key's IP restriction profile with FORBIDDEN.
struct IPRestrictionStep: GatewayStep {
    func apply(to request: Request, context: inout LecternRequestContext) throws {
        let networks = try context.requireCaller().allowedNetworks
        guard !networks.isEmpty else { return }
        let address = context.remoteAddress?.ipAddress ?? "unknown"
        guard networks.contains(where: { NetworkRule($0)?.contains(address) == true }) else {
            throw GatewayError.forbidden(remoteIP: address)
        }
    }
}

extension LecternRequestContext {
    /// The caller; only stages after `APIKeyStep` may ask.
    func requireCaller() throws -> Caller {
        guard let caller else { throw GatewayError.unauthorized }
        return caller
    }
}
