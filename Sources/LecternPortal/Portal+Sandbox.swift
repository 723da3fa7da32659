public import Foundation
import LecternCore
public import LecternStore

extension Portal {
    /// Replaces `institution`'s sandbox data with the demo data now, waiting for the end (admins
    /// only; production untouched).
    public func resetSandbox(of institution: String, by admin: Account) async throws {
        try await requireAdmin(admin, of: institution)
        try await sandboxReset(institution)
    }

    /// Queues a reset of `institution`'s sandbox (admins only) and answers at once; the
    /// background service started with ``runSandboxResets()`` does it. A reset already under way
    /// is not queued twice.
    public func startSandboxReset(of institution: String, by admin: Account) async throws {
        try await requireAdmin(admin, of: institution)
        sandboxResets.start(institution, now: clock())
    }

    /// Where `institution`'s latest reset stands (admins only); `nil` when none ran since the
    /// server started.
    public func sandboxResetState(of institution: String, by admin: Account) async throws -> SandboxResets.State? {
        try await requireAdmin(admin, of: institution)
        return sandboxResets.state(of: institution)
    }

    /// Runs the queued sandbox resets until the task is cancelled: the body of the portal's
    /// background service.
    public func runSandboxResets() async {
        await sandboxResets.run(sandboxReset, clock: clock)
    }

    /// How far `institution`'s sandbox clock is set from real time, in seconds (admins only).
    public func sandboxClock(of institution: String, by admin: Account) async throws -> Int {
        try await requireAdmin(admin, of: institution)
        return try await store.clockOffset(of: Tenant(institution: institution, environment: .sandbox))
    }

    /// Sets `institution`'s sandbox clock `offset` from real time, as ``LecternCore/ClockOffset``
    /// reads it (admins only): loans fall due, fines grow and holds expire by it; production
    /// keeps real time.
    ///
    /// - returns: the offset in seconds.
    public func setSandboxClock(of institution: String, to offset: String, by admin: Account) async throws -> Int {
        try await requireAdmin(admin, of: institution)
        guard let seconds = ClockOffset.parse(offset) else {
            throw PortalError("Write the offset as +14d, -2h, +1d12h or 0 (days, hours, minutes, seconds; at most ten years).")
        }
        try await store.setClockOffset(seconds, of: Tenant(institution: institution, environment: .sandbox))
        return seconds
    }
}
