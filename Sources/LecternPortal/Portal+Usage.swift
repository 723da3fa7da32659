import Foundation
public import LecternCore
import LecternGateway
public import LecternStore

extension Portal {
    /// The usage of the last `days` days (GMT) of the keys `account` may see: one application's,
    /// or a whole institution's for its organization admins, or else all of the account's own.
    public func usage(application: Int64? = nil, institution: String? = nil, days: Int = 30, by account: Account) async throws -> UsageReport {
        var keys: [KeyRecord] = []
        var institutions: Set<String> = []
        if let application {
            let detail = try await self.application(application, seenBy: account)
            keys = detail.keys
            institutions = [detail.application.institution]
        } else if let institution {
            try await requireAdmin(account, of: institution)
            keys = try await store.keys(institution: institution)
            institutions = [institution]
        } else {
            for application in try await store.applications(owner: account.id) {
                keys += try await store.keys(application: application.id)
                institutions.insert(application.institution)
            }
        }
        let calendar = Self.gmtCalendar
        let today = calendar.startOfDay(for: clock())
        let dayList = (0..<days).reversed().map { Self.dayFormatter.string(from: calendar.date(byAdding: .day, value: -$0, to: today)!) }
        var counts: [UsageCount] = []
        let ids = keys.map(\.id)
        if !ids.isEmpty {
            for code in institutions.sorted() {
                counts += try await gateway.usage(institution: code, keyIDs: ids, fromDay: dayList.first!, toDay: dayList.last!)
            }
        }
        var remaining: [UsageReport.Quota] = []
        for code in institutions.sorted() {
            let details = try await gateway.institution(code)
            for product in Product.allCases {
                remaining.append(
                    UsageReport.Quota(
                        institution: code,
                        product: product,
                        threshold: details.dailyThreshold(product),
                        remaining: gateway.counters.remaining(institution: details, product: product)
                    )
                )
            }
        }
        return UsageReport(days: dayList, counts: counts, quotas: remaining)
    }

    static let gmtCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "GMT")!
        return calendar
    }()

    static let dayFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }()
}

/// Calls counted over a span of days, with the daily quotas left today.
public struct UsageReport: Sendable {
    /// The days shown, oldest first (`yyyy-MM-dd`, GMT).
    public var days: [String]
    /// The counts within those days.
    public var counts: [UsageCount]
    /// What is left of today's daily thresholds.
    public var quotas: [Quota]

    /// One product's daily threshold in one institution, and what is left of it today.
    public struct Quota: Sendable {
        public var institution: String
        public var product: Product
        public var threshold: Int
        public var remaining: Int
    }

    /// Calls per day, in `days` order.
    public var callsPerDay: [Int] { total(by: \.day, in: days) }
    /// Answers with an error status (400 and above) per day.
    public var errorsPerDay: [Int] { days.map { day in counts.filter { $0.day == day && $0.status >= 400 }.reduce(0) { $0 + $1.count } } }
    /// All calls.
    public var totalCalls: Int { counts.reduce(0) { $0 + $1.count } }
    /// Calls refused with 429 (per-second or daily threshold).
    public var throttledCalls: Int { counts.filter { $0.status == 429 }.reduce(0) { $0 + $1.count } }

    /// Calls per area, named by `title`, busiest first.
    public func callsPerArea(titled title: (Area) -> String) -> [(area: String, calls: Int)] {
        Dictionary(grouping: counts, by: { $0.area.map(title) ?? "(no area)" }).map { ($0.key, $0.value.reduce(0) { $0 + $1.count }) }.sorted {
            $0.calls > $1.calls || ($0.calls == $1.calls && $0.area < $1.area)
        }
    }

    /// Errors per status and code, commonest first.
    public var errorsByCode: [(status: Int, code: String, calls: Int)] {
        Dictionary(grouping: counts.filter { $0.status >= 400 }, by: { "\($0.status) \($0.errorCode)" }).map { _, group in
            (group[0].status, group[0].errorCode, group.reduce(0) { $0 + $1.count })
        }.sorted { $0.calls > $1.calls || ($0.calls == $1.calls && $0.code < $1.code) }
    }

    private func total(by day: KeyPath<UsageCount, String>, in days: [String]) -> [Int] {
        let sums = Dictionary(grouping: counts, by: { $0[keyPath: day] }).mapValues { $0.reduce(0) { $0 + $1.count } }
        return days.map { sums[$0] ?? 0 }
    }
}
