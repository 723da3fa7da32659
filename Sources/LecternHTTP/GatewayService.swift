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

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await Task.sleep(for: .seconds(1))
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
