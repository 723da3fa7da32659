import Foundation
public import LecternGateway
public import LecternStore

/// Failed log-ins, counted per account-and-address pair in the store (a restart forgets none):
/// the first ``freeFailures`` cost nothing, then each further failure locks the pair for twice as
/// long as the one before, from ``firstLock`` up to ``longestLock``. Only that pair is locked:
/// the account can still be used from elsewhere and the address for other accounts, so nobody
/// can lock someone else out, and behind a proxy (see the trusted proxies of `serve`) each
/// client's own address counts.
struct LoginThrottle: Sendable {
    static let freeFailures = 5
    static let firstLock: TimeInterval = 60
    static let longestLock: TimeInterval = 60 * 60
    /// Failures older than this are forgotten.
    static let memory: TimeInterval = 24 * 60 * 60

    let store: any PortalStore

    static func pair(email: String, client: String) -> String { "\(email)|\(client)" }

    /// How long the pair must still wait at `now`, or `nil` when it may try.
    func wait(_ pair: String, now: Date) async throws -> TimeInterval? {
        guard let failures = try await store.loginFailures(pair: pair) else { return nil }
        let lock = Self.lock(after: failures.count)
        // A time read back from the store may differ from the one written in its last bit.
        guard lock > 0 else { return nil }
        let remaining = failures.last.addingTimeInterval(lock).timeIntervalSince(now)
        return remaining > 0.001 ? remaining : nil
    }

    /// How long a pair is locked after `failures` failures.
    static func lock(after failures: Int) -> TimeInterval {
        guard failures >= freeFailures else { return 0 }
        return min(longestLock, firstLock * pow(2, Double(min(failures - freeFailures, 20))))
    }

    func fail(_ pair: String, now: Date) async throws {
        _ = try await store.recordLoginFailure(pair: pair, now: now)
    }

    func succeed(_ pair: String, now: Date) async throws {
        try await store.clearLoginFailures(pair: pair, before: now.addingTimeInterval(-Self.memory))
    }
}

/// Who a request comes from, as the log-in lockout counts it.
public struct ClientAddress: Sendable {
    /// Reverse proxies whose `X-Forwarded-For` names the real client.
    public let trustedProxies: [NetworkRule]

    /// Trusts `trustedProxies`.
    public init(trustedProxies: [NetworkRule]) {
        self.trustedProxies = trustedProxies
    }

    /// The peer, or, when the peer is a trusted proxy, the last address of `X-Forwarded-For`
    /// that is not one (each proxy appends the address it saw).
    public func client(peer: String?, forwardedFor: String?) -> String {
        guard let peer else { return "local" }
        guard let forwardedFor, trustedProxies.contains(where: { $0.contains(peer) }) else { return peer }
        let hops = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return hops.last { hop in !trustedProxies.contains { $0.contains(hop) } } ?? peer
    }
}
