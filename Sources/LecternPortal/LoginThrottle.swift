import Foundation
import Synchronization

/// Counts failed log-ins per address and per client, and refuses after too many in a window.
final class LoginThrottle: Sendable {
    private let limit: Int
    private let window: TimeInterval
    private let failures = Mutex<[String: [Date]]>([:])

    init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Whether `keys` may try again at `now`.
    func allows(_ keys: [String], now: Date) -> Bool {
        failures.withLock { failures in
            keys.allSatisfy { key in (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }.count < limit }
        }
    }

    /// Records a failure for each of `keys`.
    func fail(_ keys: [String], now: Date) {
        failures.withLock { failures in
            for key in keys { failures[key, default: []] = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window } + [now] }
            // Bounded memory under a spray of addresses: forget failures older than the window.
            if failures.count > 10_000 {
                failures = failures.filter { _, times in times.contains { now.timeIntervalSince($0) < window } }
            }
        }
    }

    /// Forgets the failures of `keys` after a success.
    func succeed(_ keys: [String]) {
        failures.withLock { failures in for key in keys { failures[key] = nil } }
    }
}
