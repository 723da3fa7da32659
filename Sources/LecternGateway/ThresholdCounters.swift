public import Foundation
public import LecternCore
public import LecternStore
import Synchronization

/// The governance thresholds of one node: per-second per institution, daily per institution and product.
///
/// Both checks and the increment happen under one lock, so the thresholds hold exactly however many
/// requests arrive at once. Daily counts are kept in memory and flushed to the registry by
/// ``ThresholdCounters/flush()`` (a service calls it every second, and once more at shutdown), and
/// read back at start, so a restart does not reset them. The day is GMT's: counts reset at midnight GMT.
public final class ThresholdCounters: Sendable {
    /// Calls per second allowed per institution across all APIs.
    public let perSecondLimit: Int

    private struct State {
        var second: Int64 = 0
        var callsThisSecond: [String: Int] = [:]
        var dayNumber: Int64 = -1
        var day = ""
        var daily: [DailyKey: Int] = [:]
        /// Counts not yet stored, by day: a flush after midnight still stores the old day's under it.
        var unflushed: [String: [DailyKey: Int]] = [:]
    }

    private struct DailyKey: Hashable {
        var institution: String
        var product: Product
    }

    private let state = Mutex(State())
    private let registry: any Registry
    private let clock: @Sendable () -> Date

    /// Creates counters backed by `registry`; `clock` is replaceable for tests.
    public init(registry: any Registry, perSecondLimit: Int = 25, clock: @escaping @Sendable () -> Date = Date.init) {
        self.registry = registry
        self.perSecondLimit = perSecondLimit
        self.clock = clock
    }

    /// Loads today's stored counts; call once before serving.
    public func load() async throws {
        let dayNumber = Self.dayNumber(of: clock())
        let day = Self.day(number: dayNumber)
        let stored = try await registry.dailyCounts(day: day)
        state.withLock { state in
            state.dayNumber = dayNumber
            state.day = day
            state.daily = [:]
            for count in stored { state.daily[DailyKey(institution: count.institution, product: count.product), default: 0] += count.count }
        }
    }

    /// Counts one call of `institution` to `product`, or refuses it.
    ///
    /// - returns: the calls remaining today for the institution and product, for `X-Exl-Api-Remaining`.
    /// - throws: ``GatewayError/perSecondThreshold`` or ``GatewayError/dailyThreshold``; a refused call
    ///   is not counted.
    public func admit(institution: Institution, product: Product) throws(GatewayError) -> Int {
        let now = clock()
        let second = Int64(now.timeIntervalSince1970.rounded(.down))
        let today = Self.dayNumber(of: now)
        let limit = institution.dailyThreshold(product)
        let key = DailyKey(institution: institution.code, product: product)
        let result: Result<Int, GatewayError> = state.withLock { state in
            if state.second != second {
                state.second = second
                state.callsThisSecond.removeAll(keepingCapacity: true)
            }
            if state.dayNumber != today {
                // Midnight GMT: a new day's counts (what was counted before is flushed under its own day).
                state.dayNumber = today
                state.day = Self.day(number: today)
                state.daily.removeAll()
            }
            let thisSecond = state.callsThisSecond[institution.code, default: 0]
            guard thisSecond < perSecondLimit else { return .failure(.perSecondThreshold) }
            let used = state.daily[key, default: 0]
            guard used < limit else { return .failure(.dailyThreshold) }
            state.callsThisSecond[institution.code] = thisSecond + 1
            state.daily[key] = used + 1
            state.unflushed[state.day, default: [:]][key, default: 0] += 1
            return .success(limit - used - 1)
        }
        return try result.get()
    }

    /// The calls remaining today, without counting one.
    public func remaining(institution: Institution, product: Product) -> Int {
        let used = state.withLock { state in
            state.dayNumber == Self.dayNumber(of: clock()) ? state.daily[DailyKey(institution: institution.code, product: product), default: 0] : 0
        }
        return max(0, institution.dailyThreshold(product) - used)
    }

    /// Writes the counts not yet stored to the registry.
    public func flush() async throws {
        let pending = state.withLock { state in
            defer { state.unflushed.removeAll() }
            return state.unflushed
        }
        let counts = pending.flatMap { day, keys in
            keys.map { DailyCount(institution: $0.key.institution, product: $0.key.product, day: day, count: $0.value) }
        }
        guard !counts.isEmpty else { return }
        do {
            try await registry.addDailyCounts(counts)
        } catch {
            // Keep them for the next flush rather than lose them.
            state.withLock { state in
                for (day, keys) in pending {
                    for (key, value) in keys { state.unflushed[day, default: [:]][key, default: 0] += value }
                }
            }
            throw error
        }
    }

    /// Days since 1970-01-01 GMT.
    static func dayNumber(of date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / 86_400).rounded(.down))
    }

    /// `yyyy-MM-dd` of a day number, in GMT.
    static func day(number days: Int64) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "GMT")!
        let components = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(days) * 86_400))
        return String(format: "%04d-%02d-%02d", components.year!, components.month!, components.day!)
    }
}
