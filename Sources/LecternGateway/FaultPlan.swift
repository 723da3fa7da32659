/// A sandbox testing aid: which refusal to answer a key's calls with, and when.
///
/// The injected answer is the gateway's real refusal of that kind, raised at the stage where the
/// real one is raised, so it is byte for byte what a client would get (tracking id aside) and is
/// counted in the usage counts and the request log like the real one.
///
/// ```swift
/// try await gateway.faults.set(keyID: id, FaultPlan(kind: .perSecondThreshold, nextCalls: 2))
/// try await gateway.faults.set(keyID: id, FaultPlan(kind: .routingError, percent: 10))
/// ```
public struct FaultPlan: Sendable, Hashable {
    /// The refusal to inject.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// 429 PER_SECOND_THRESHOLD.
        case perSecondThreshold
        /// 429 DAILY_THRESHOLD.
        case dailyThreshold
        /// 503 ROUTING_ERROR, the answer while the product is in maintenance.
        case routingError
    }

    /// Which calls get the refusal.
    public enum Schedule: Sendable, Hashable {
        /// The next `n` calls, then the plan ends by itself.
        case nextCalls(Int)
        /// Each call with probability `p` / 100, until the plan is cleared.
        case percent(Int)
    }

    /// The refusal.
    public var kind: Kind
    /// Which calls get it; ``FaultInjector/plan(keyID:)`` shows the calls still to refuse.
    public var schedule: Schedule

    /// A plan that refuses the next `nextCalls` calls (1 or more).
    public init(kind: Kind, nextCalls: Int) {
        self.kind = kind
        self.schedule = .nextCalls(nextCalls)
    }

    /// A plan that refuses each call with probability `percent` / 100 (0 to 100), until cleared.
    public init(kind: Kind, percent: Int) {
        self.kind = kind
        self.schedule = .percent(percent)
    }

    /// Whether the schedule makes sense: at least one call, or a percentage from 0 to 100.
    var isValid: Bool {
        switch schedule {
        case .nextCalls(let count): count >= 1
        case .percent(let percent): (0...100).contains(percent)
        }
    }
}
