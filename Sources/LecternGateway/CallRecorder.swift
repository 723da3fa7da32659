import Foundation
import LecternCore
public import LecternStore
import Synchronization

/// Usage counts and request logs of the keys, kept in memory and stored once a second.
///
/// ``record(_:)`` is on every call's path, so it does little, under one lock: one lookup by key
/// id, then it adds one to the key's counter for the call's day, area, status and error code, and
/// puts the call in the key's ring of calls not yet stored (``logLength`` long: the oldest is
/// overwritten, as the stored log keeps only that many anyway). ``flush()`` stores both (a service
/// calls it every second and once more at shutdown); flushes are serialised, so when one returns,
/// every call recorded before it began is stored, whichever flush took it. That is what lets the
/// portal read a call right after it.
public final class CallRecorder: Sendable {
    /// How many calls the request log keeps per key.
    public static let logLength = 100

    /// The calls of a key on one day (a number, as ``ThresholdCounters`` counts days) in one area
    /// that got one answer.
    private struct Tally {
        var dayNumber: Int64
        var area: Area?
        var status: Int
        var errorCode: String
        var count: Int

        func counts(_ other: Tally) -> Bool {
            status == other.status && dayNumber == other.dayNumber && area == other.area && errorCode == other.errorCode
        }
    }

    /// One call in a ring, without what its key already says.
    private struct LoggedCall {
        var time: Date
        var method: String
        var path: String
        var status: Int
        var microseconds: Int64
        var errorCode: String
    }

    /// What one key did since the last flush.
    private struct KeyCalls {
        var institution: String
        /// A handful between two flushes (one per area, status and code): a short list searched in
        /// order costs less than hashing a dictionary key with strings in it on every call.
        var tallies: [Tally] = []
        /// The newest calls not yet stored: at most ``logLength``, a new call overwrites the oldest.
        private var ring: [LoggedCall] = []
        /// Where the oldest call of the ring is, once the ring is full.
        private var oldest = 0

        init(institution: String) {
            self.institution = institution
        }

        mutating func record(_ tally: Tally, _ call: LoggedCall) {
            add(tally)
            log(call)
        }

        mutating func add(_ tally: Tally) {
            if let index = tallies.firstIndex(where: { $0.counts(tally) }) {
                tallies[index].count += tally.count
            } else {
                tallies.append(tally)
            }
        }

        mutating func log(_ call: LoggedCall) {
            if ring.count < logLength {
                if ring.isEmpty { ring.reserveCapacity(logLength) }
                ring.append(call)
            } else {
                ring[oldest] = call
                oldest = (oldest + 1) % logLength
            }
        }

        /// The calls of the ring, oldest first.
        var logged: [LoggedCall] { Array(ring[oldest...] + ring[..<oldest]) }
    }

    private let state = Mutex<[Int64: KeyCalls]>([:])
    private let flushing = AsyncLock()
    private let registry: any Registry

    /// Creates a recorder that stores into `registry`.
    public init(registry: any Registry) {
        self.registry = registry
    }

    /// Counts `call` and puts it in its key's log.
    public func record(_ call: CallRecord) {
        let tally = Tally(
            dayNumber: ThresholdCounters.dayNumber(of: call.time),
            area: call.area,
            status: call.status,
            errorCode: call.errorCode,
            count: 1
        )
        let logged = LoggedCall(
            time: call.time,
            method: call.method,
            path: call.path,
            status: call.status,
            microseconds: call.microseconds,
            errorCode: call.errorCode
        )
        state.withLock { keys in
            keys[call.keyID, default: KeyCalls(institution: call.institution)].record(tally, logged)
        }
    }

    /// Stores what was recorded and not yet stored.
    ///
    /// When it returns, every call recorded before it was called is stored (or it throws). What
    /// could not be stored is kept for the next flush.
    public func flush() async throws {
        try await flushing.withLock {
            let keys = state.withLock { keys in
                defer { keys.removeAll(keepingCapacity: true) }
                return keys
            }
            guard !keys.isEmpty else { return }
            try await storeUsage(keys)
            try await storeLog(keys)
        }
    }

    private func storeUsage(_ keys: [Int64: KeyCalls]) async throws {
        var days: [Int64: String] = [:]
        var counts: [UsageCount] = []
        for (keyID, calls) in keys {
            for tally in calls.tallies {
                let day = days[tally.dayNumber] ?? ThresholdCounters.day(number: tally.dayNumber)
                days[tally.dayNumber] = day
                counts.append(
                    UsageCount(
                        institution: calls.institution,
                        keyID: keyID,
                        day: day,
                        area: tally.area,
                        status: tally.status,
                        errorCode: tally.errorCode,
                        count: tally.count
                    )
                )
            }
        }
        do {
            try await registry.addUsage(counts)
        } catch {
            // Keep them for the next flush rather than lose them, the log included.
            state.withLock { state in
                for (keyID, calls) in keys {
                    var restored = calls
                    for tally in state[keyID]?.tallies ?? [] { restored.add(tally) }
                    for call in state[keyID]?.logged ?? [] { restored.log(call) }
                    state[keyID] = restored
                }
            }
            throw error
        }
    }

    private func storeLog(_ keys: [Int64: KeyCalls]) async throws {
        let entries = keys.flatMap { keyID, calls in
            calls.logged.map { call in
                RequestLogEntry(
                    keyID: keyID,
                    time: call.time.formatted(Self.timeFormat),
                    method: call.method,
                    path: call.path,
                    status: call.status,
                    microseconds: call.microseconds,
                    errorCode: call.errorCode
                )
            }
        }
        do {
            try await registry.appendRequestLog(entries, keepingNewest: Self.logLength)
        } catch {
            // The counts are stored; put the calls back before those recorded since.
            state.withLock { state in
                for (keyID, calls) in keys {
                    var restored = KeyCalls(institution: calls.institution)
                    for call in calls.logged { restored.log(call) }
                    for call in state[keyID]?.logged ?? [] { restored.log(call) }
                    restored.tallies = state[keyID]?.tallies ?? []
                    state[keyID] = restored
                }
            }
            throw error
        }
    }

    /// `2027-01-15T08:00:00.123Z`.
    private static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}
