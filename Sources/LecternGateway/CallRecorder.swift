import Foundation
import LecternCore
public import LecternStore
import Synchronization

/// Usage counts and request logs of the keys, kept in memory and stored once a second.
///
/// ``record(_:)`` is on every call's path, so it does one thing under one lock: it adds one to a
/// usage counter and appends the call to its key's pending log (at most ``logLength`` per key: only
/// the newest are kept). ``flush()`` stores both (a service calls it every second and once more at
/// shutdown); flushes are serialised, so when one returns, every call recorded before it began is
/// stored, whichever flush took it. That is what lets the portal read a call right after it.
public final class CallRecorder: Sendable {
    /// How many calls the request log keeps per key.
    public static let logLength = 100

    private struct UsageKey: Hashable {
        var institution: String
        var keyID: Int64
        var dayNumber: Int64
        var area: Area?
        var status: Int
        var errorCode: String
    }

    private struct State {
        var usage: [UsageKey: Int] = [:]
        /// Calls not yet stored, oldest first, by key; trimmed to the newest `logLength` now and then.
        var log: [Int64: [CallRecord]] = [:]
    }

    private let state = Mutex(State())
    private let flushing = AsyncLock()
    private let registry: any Registry

    /// Creates a recorder that stores into `registry`.
    public init(registry: any Registry) {
        self.registry = registry
    }

    /// Counts `call` and appends it to its key's log.
    public func record(_ call: CallRecord) {
        let key = UsageKey(
            institution: call.institution,
            keyID: call.keyID,
            dayNumber: ThresholdCounters.dayNumber(of: call.time),
            area: call.area,
            status: call.status,
            errorCode: call.errorCode
        )
        state.withLock { state in
            state.usage[key, default: 0] += 1
            Self.append(call, to: &state.log[call.keyID, default: []])
        }
    }

    /// Appends to a pending log, trimmed in steps rather than on every call.
    private static func append(_ call: CallRecord, to log: inout [CallRecord]) {
        log.append(call)
        if log.count >= 2 * logLength { log.removeFirst(logLength) }
    }

    /// Stores what was recorded and not yet stored.
    ///
    /// When it returns, every call recorded before it was called is stored (or it throws). What
    /// could not be stored is kept for the next flush.
    public func flush() async throws {
        try await flushing.withLock {
            let (usage, log) = state.withLock { state in
                defer {
                    state.usage.removeAll(keepingCapacity: true)
                    state.log.removeAll(keepingCapacity: true)
                }
                return (state.usage, state.log)
            }
            try await store(usage)
            try await store(log)
        }
    }

    private func store(_ usage: [UsageKey: Int]) async throws {
        guard !usage.isEmpty else { return }
        var days: [Int64: String] = [:]
        let counts = usage.map { key, count in
            let day = days[key.dayNumber] ?? ThresholdCounters.day(number: key.dayNumber)
            days[key.dayNumber] = day
            return UsageCount(
                institution: key.institution,
                keyID: key.keyID,
                day: day,
                area: key.area,
                status: key.status,
                errorCode: key.errorCode,
                count: count
            )
        }
        do {
            try await registry.addUsage(counts)
        } catch {
            state.withLock { state in
                for (key, count) in usage { state.usage[key, default: 0] += count }
            }
            throw error
        }
    }

    private func store(_ log: [Int64: [CallRecord]]) async throws {
        guard !log.isEmpty else { return }
        let entries = log.values.flatMap { $0.suffix(Self.logLength) }.map { call in
            RequestLogEntry(
                keyID: call.keyID,
                time: call.time.formatted(Self.timeFormat),
                method: call.method,
                path: call.path,
                status: call.status,
                microseconds: call.microseconds,
                errorCode: call.errorCode
            )
        }
        do {
            try await registry.appendRequestLog(entries, keepingNewest: Self.logLength)
        } catch {
            state.withLock { state in
                for (keyID, calls) in log { state.log[keyID, default: []].insert(contentsOf: calls.suffix(Self.logLength), at: 0) }
            }
            throw error
        }
    }

    /// `2027-01-15T08:00:00.123Z`.
    private static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}
