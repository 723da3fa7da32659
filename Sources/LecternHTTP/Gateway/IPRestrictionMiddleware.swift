import Hummingbird
import LecternCore
import LecternGateway

/// Refuses callers outside the key's IP restriction profile with FORBIDDEN.
struct IPRestrictionMiddleware: RouterMiddleware {
    typealias Context = LecternRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let networks = try context.requireCaller().allowedNetworks
        guard !networks.isEmpty else { return try await next(request, context) }
        let address = context.remoteAddress?.ipAddress ?? "unknown"
        guard networks.contains(where: { NetworkRule($0)?.contains(address) == true }) else {
            throw GatewayError.forbidden(remoteIP: address)
        }
        return try await next(request, context)
    }
}

extension LecternRequestContext {
    /// The caller; only stages after `APIKeyMiddleware` may ask.
    func requireCaller() throws -> Caller {
        guard let caller else { throw GatewayError.unauthorized }
        return caller
    }
}
