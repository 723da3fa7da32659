public import LecternPortal
public import ServiceLifecycle

/// Runs the sandbox resets asked for from the developer portal, one at a time, in the
/// background: the portal's form only queues a reset and shows its progress.
public struct SandboxResetService: Service {
    let portal: Portal

    /// Creates the service.
    public init(portal: Portal) {
        self.portal = portal
    }

    /// Drains the queue until shutdown; a reset under way at a graceful shutdown is cancelled
    /// with it (the store rolls back its transaction).
    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            await portal.runSandboxResets()
        }
    }
}
