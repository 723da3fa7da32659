public import Foundation
public import LecternCore
public import LecternStore
import Synchronization

/// The gateway's state and settings, shared by its middleware.
///
/// The order in which the rules are applied is in `LecternHTTP/Gateway/Router+Gateway.swift`.
public final class Gateway: Sendable {
    /// Finds callers by key.
    public let keys: KeyDirectory
    /// The threshold counters.
    public let counters: ThresholdCounters
    /// The usage counts and request logs of the keys.
    public let recorder: CallRecorder
    /// The fault plans of sandbox keys.
    public let faults: FaultInjector
    /// The tokens of the developer portal's API console.
    public let consoleTokens: ConsoleTokens
    /// The largest accepted request body, in bytes.
    public let maxBodyBytes: Int
    /// Where institutions are looked up.
    public let registry: any Registry
    /// The time, by the clock given at creation: arrival times and days of calls, token expiry.
    public let clock: @Sendable () -> Date
    private let maintenance = Mutex<Set<Product>>([])
    private let institutions = Mutex<[String: Institution]>([:])

    /// Creates a gateway over `registry`; `clock` is replaceable for tests.
    public init(
        registry: any Registry,
        perSecondLimit: Int = 25,
        maxBodyBytes: Int = 10 * 1024 * 1024,
        clock: @escaping @Sendable () -> Date = Date.init
    ) {
        self.registry = registry
        self.keys = KeyDirectory(registry: registry)
        self.counters = ThresholdCounters(registry: registry, perSecondLimit: perSecondLimit, clock: clock)
        self.recorder = CallRecorder(registry: registry)
        self.faults = FaultInjector(registry: registry)
        self.consoleTokens = ConsoleTokens(clock: clock)
        self.maxBodyBytes = maxBodyBytes
        self.clock = clock
    }

    /// The institution a caller belongs to (cached: licence counts change only by command).
    public func institution(_ code: String) async throws -> Institution {
        if let institution = cachedInstitution(code) { return institution }
        guard let institution = try await registry.institution(code) else { throw GatewayError.unauthorized }
        institutions.withLock { $0[code] = institution }
        return institution
    }

    /// The institution if the cache holds it, without waiting: what the gateway asks first on
    /// every call, before ``institution(_:)``.
    public func cachedInstitution(_ code: String) -> Institution? {
        institutions.withLock { $0[code] }
    }

    /// Whether `product` is switched to maintenance.
    public func isInMaintenance(_ product: Product) -> Bool {
        maintenance.withLock { $0.contains(product) }
    }

    /// Re-reads the maintenance switches and licence counts from the registry.
    public func refresh() async throws {
        let products = try await registry.productsInMaintenance()
        // Replaced, not emptied: emptied, the calls in flight after each refresh all missed it at
        // once and each read the registry.
        let fresh = Dictionary(try await registry.institutions().map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        maintenance.withLock { $0 = products }
        institutions.withLock { $0 = fresh }
    }
}
