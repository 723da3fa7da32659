import HTTPTypes
import Hummingbird
import LecternCore
import LecternGateway

/// Counts the call against the institution's thresholds, refuses it with 429 when one is reached
/// (or when the key's fault plan injects one, ``FaultInjector``), and puts `X-Exl-Api-Remaining`
/// on the answer (a logical error is an answer too).
struct ThresholdStep {
    let gateway: Gateway

    /// Counts the call, or refuses it.
    ///
    /// - returns: the calls remaining today, for ``annotate(_:remaining:)``.
    func count(_ request: Request, context: LecternRequestContext) async throws -> Int {
        let caller = try context.requireCaller()
        guard let product = context.area?.product else { throw GatewayError.unauthorized }
        // An injected refusal is not counted, like a real one.
        if gateway.faults.draws(.perSecondThreshold, keyID: caller.keyID) { throw GatewayError.perSecondThreshold }
        if gateway.faults.draws(.dailyThreshold, keyID: caller.keyID) { throw GatewayError.dailyThreshold }
        // Asking the cache first spares the call an async function call on every call.
        let cached = gateway.cachedInstitution(caller.institution)
        let institution = if let cached { cached } else { try await gateway.institution(caller.institution) }
        return caller.unthrottled
            ? gateway.counters.remaining(institution: institution, product: product)
            : try gateway.counters.admit(institution: institution, product: product)
    }

    /// Puts the calls remaining today on the answer.
    func annotate(_ response: inout Response, remaining: Int) {
        let field = HTTPField(name: .exlAPIRemaining, value: String(remaining))
        // No handler sets it: appending skips the setter's generic search-and-replace.
        if response.headers.contains(.exlAPIRemaining) {
            response.headers[.exlAPIRemaining] = field.value
        } else {
            response.headers.append(field)
        }
    }
}

extension HTTPField.Name {
    /// The governance header on every answered call.
    static let exlAPIRemaining = Self("X-Exl-Api-Remaining")!
}
