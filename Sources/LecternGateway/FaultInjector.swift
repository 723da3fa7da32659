import LecternCore
public import LecternStore
import Synchronization

/// The fault plans of sandbox keys (``FaultPlan``), consulted by the gateway's stages.
///
/// Plans live in memory only: a restart clears them (they are a testing aid, set from the
/// developer portal for a while, not configuration). Only Sandbox and Guest Sandbox keys may have
/// one; a production key is refused. With no plan set, a call pays one atomic load.
public final class FaultInjector: Sendable {
    private let registry: any Registry
    private let plans = Mutex<[Int64: FaultPlan]>([:])
    /// How many plans are set, read without the lock on every call.
    private let planCount = Atomic<Int>(0)

    /// Creates an injector; keys are looked up in `registry` to check their environment.
    public init(registry: any Registry) {
        self.registry = registry
    }

    /// Sets the plan of the key with row id `keyID`, replacing any plan it had.
    ///
    /// - throws: ``FaultInjectionError/invalidPlan(_:)``, ``FaultInjectionError/unknownKey(_:)``
    ///   (no such key, or revoked) or ``FaultInjectionError/productionKey(_:)``.
    public func set(keyID: Int64, _ plan: FaultPlan) async throws {
        guard plan.isValid else { throw FaultInjectionError.invalidPlan(plan.schedule) }
        guard let key = try await registry.key(id: keyID), !key.revoked else { throw FaultInjectionError.unknownKey(keyID) }
        guard key.environment != .production else { throw FaultInjectionError.productionKey(keyID) }
        plans.withLock { plans in
            if plans.updateValue(plan, forKey: keyID) == nil { planCount.add(1, ordering: .relaxed) }
        }
    }

    /// Removes the plan of a key, if it has one.
    public func clear(keyID: Int64) {
        plans.withLock { plans in
            if plans.removeValue(forKey: keyID) != nil { planCount.subtract(1, ordering: .relaxed) }
        }
    }

    /// The plan of a key as it stands: a ``FaultPlan/Schedule/nextCalls(_:)`` plan counts down,
    /// and is gone once its calls are used up.
    public func plan(keyID: Int64) -> FaultPlan? {
        plans.withLock { $0[keyID] }
    }

    /// Whether this call of the key gets the refusal `kind`; a counted-down plan uses up one call.
    ///
    /// Each stage that can raise a real refusal asks for its own kind, so a key's plan is drawn
    /// once per call, at the stage of its kind.
    public func draws(_ kind: FaultPlan.Kind, keyID: Int64) -> Bool {
        guard planCount.load(ordering: .relaxed) > 0 else { return false }
        return plans.withLock { plans in
            guard let plan = plans[keyID], plan.kind == kind else { return false }
            switch plan.schedule {
            case .nextCalls(let count) where count > 1:
                plans[keyID]?.schedule = .nextCalls(count - 1)
                return true
            case .nextCalls:
                plans[keyID] = nil
                planCount.subtract(1, ordering: .relaxed)
                return true
            case .percent(let percent):
                return Int.random(in: 0..<100) < percent
            }
        }
    }
}

/// Why a fault plan was not set, in one line.
public enum FaultInjectionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No key with this row id, or a revoked one.
    case unknownKey(Int64)
    /// Faults are for sandbox testing: production keys never get them.
    case productionKey(Int64)
    /// A count under 1, or a percentage outside 0...100.
    case invalidPlan(FaultPlan.Schedule)

    public var description: String {
        switch self {
        case .unknownKey(let id): "no active API key with id \(id)"
        case .productionKey(let id): "API key \(id) is a production key: faults can only be injected for sandbox and guest sandbox keys"
        case .invalidPlan(.nextCalls(let count)): "a fault plan needs at least one call, not \(count)"
        case .invalidPlan(.percent(let percent)): "a fault percentage is from 0 to 100, not \(percent)"
        }
    }
}
