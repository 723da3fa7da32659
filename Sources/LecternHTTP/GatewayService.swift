public import LecternGateway
public import Logging
public import ServiceLifecycle

/// Keeps the gateway's state in step with the registry: flushes daily counts, usage counts and
/// request logs every second (and once more on shutdown, so a graceful restart loses none) and
/// re-reads the maintenance switches.
public struct GatewayService: Service {
    let gateway: Gateway
    let logger: Logger

    /// Creates the service.
    public init(gateway: Gateway, logger: Logger) {
        self.gateway = gateway
        self.logger = logger
    }

    /// Syncs on the second, by the clock: a sync that waits for the database's writer (behind
    /// queued API writes) does not push the next one back, so the daily counts a crash can lose
    /// are those of the last second plus the time that sync waited.
    public func run() async throws {
        let clock = ContinuousClock()
        var next = clock.now
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            next = max(next.advanced(by: .seconds(1)), clock.now)
            try? await Task.sleep(until: next, clock: clock)
            await sync()
        }
        await sync()
    }

    private func sync() async {
        do {
            try await gateway.counters.flush()
            try await gateway.recorder.flush()
            try await gateway.refresh()
        } catch {
            logger.warning("gateway state not synchronised", metadata: ["error": "\(error)"])
        }
    }
}
