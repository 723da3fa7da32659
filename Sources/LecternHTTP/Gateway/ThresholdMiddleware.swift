import HTTPTypes
import Hummingbird
import LecternCore
import LecternGateway

/// Counts the call against the institution's thresholds, refuses it with 429 when one is reached
/// (or when the key's fault plan injects one, ``FaultInjector``), and puts `X-Exl-Api-Remaining`
/// on the answer (a logical error is an answer too).
struct ThresholdMiddleware: RouterMiddleware {
    typealias Context = LecternRequestContext
    let gateway: Gateway

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let caller = try context.requireCaller()
        guard let product = context.area?.product else { throw GatewayError.unauthorized }
        // An injected refusal is not counted, like a real one.
        if gateway.faults.draws(.perSecondThreshold, keyID: caller.keyID) { throw GatewayError.perSecondThreshold }
        if gateway.faults.draws(.dailyThreshold, keyID: caller.keyID) { throw GatewayError.dailyThreshold }
        let institution = try await gateway.institution(caller.institution)
        let remaining =
            caller.unthrottled
            ? gateway.counters.remaining(institution: institution, product: product)
            : try gateway.counters.admit(institution: institution, product: product)
        var response = try await next(request, context)
        response.headers[.exlAPIRemaining] = String(remaining)
        return response
    }
}

extension HTTPField.Name {
    /// The governance header on every answered call.
    static let exlAPIRemaining = Self("X-Exl-Api-Remaining")!
    /// The password header of `POST /users/{id}?op=auth`.
    static let exlUserPassword = Self("Exl-User-Pw")!
}
