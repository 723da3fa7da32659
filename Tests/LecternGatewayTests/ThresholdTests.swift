import Foundation
import HTTPTypes
import LecternAlma
import LecternCore
import LecternEsploro
import LecternGateway
import LecternPrimo
import LecternSQLite
import LecternStore
import LecternTesting
import Synchronization
import Testing

/// The governance thresholds: per second, daily, the remaining-calls header, persistence.
struct ThresholdTests {
    static let remaining = HTTPField.Name("X-Exl-Api-Remaining")!

    /// The one error of the recorded per-second refusal (php-alma-client), read with
    /// `JSONSerialization`.
    static let recordedError: [String: String] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Recorded/per_second_threshold_error_response.json")
        guard let data = try? Data(contentsOf: url),
            let body = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let list = body["errorList"] as? [String: Any], let errors = list["error"] as? [[String: String]], let first = errors.first
        else { return [:] }
        return first
    }()
    static var recordedMessage: String? { recordedError["errorMessage"] }

    @Test func hundredConcurrentCallsAdmitExactly25AndOtherInstitutionIsUnaffected() async throws {
        let frozen = Date(timeIntervalSince1970: 1_800_000_000.5)
        let lectern = try await TestLectern.make(perSecondLimit: 25, clock: { frozen })
        try await lectern.withLiveClient { client in
            let statuses = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for _ in 0..<100 {
                    group.addTask {
                        let answer = try await client.send(.get, "/almaws/v1/users/operation/test", key: lectern.sandboxKey)
                        return (answer.status, answer.text)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0.0 == 200 }.count == 25)
            let refused = statuses.filter { $0.0 == 429 }
            #expect(refused.count == 75)
            for (_, body) in refused {
                let xml = try Wire.xml(Array(body.utf8))
                #expect(xml.text("errorCode") == "PER_SECOND_THRESHOLD")
                #expect(xml.text("errorMessage") == Self.recordedMessage)
                #expect(Self.recordedError.keys.sorted() == ["errorCode", "errorMessage"])
                #expect(xml.text("trackingId") == nil)
            }
            let other = try await client.send(.get, "/almaws/v1/users/operation/test", key: lectern.otherKey)
            #expect(other.status == 200)
        }
    }

    @Test func perSecondWindowOpensAgainInTheNextSecond() async throws {
        let now = Mutex(Date(timeIntervalSince1970: 1_800_000_000.1))
        let lectern = try await TestLectern.make(perSecondLimit: 25, clock: { now.withLock { $0 } })
        try await lectern.withClient { client in
            for _ in 0..<25 {
                let status = try await client.send(.get, "/almaws/v1/users/operation/test", key: lectern.sandboxKey).status
                #expect(status == 200)
            }
            let status2198 = try await client.send(.get, "/almaws/v1/users/operation/test", key: lectern.sandboxKey).status
            #expect(status2198 == 429)
            now.withLock { $0 = $0.addingTimeInterval(1) }
            let status2380 = try await client.send(.get, "/almaws/v1/users/operation/test", key: lectern.sandboxKey).status
            #expect(status2380 == 200)
        }
    }

    @Test func remainingHeaderCountsDownOnAnswersAndLogicalErrors() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let first = try await client.send(.get, "/almaws/v1/users?limit=1", key: lectern.sandboxKey)
            let error = try await client.send(.get, "/almaws/v1/users/no-such-user", key: lectern.sandboxKey)
            #expect(error.status == 400)
            let a = try #require(first.headers[Self.remaining].flatMap { Int($0) })
            let b = try #require(error.headers[Self.remaining].flatMap { Int($0) })
            #expect(a == 50 * 1000 - 1)
            #expect(b == a - 1)
        }
    }

    @Test func dailyThresholdReachedIs429DailyThreshold() async throws {
        let lectern = try await TestLectern.make(namedUsers: 0)
        try await lectern.withClient { client in
            let answer = try await client.send(.get, "/almaws/v1/users", key: lectern.sandboxKey)
            try GatewayRefusalTests.expectRefusal(answer, status: 429, code: "DAILY_THRESHOLD")
            #expect(try Wire.xml(answer.body).text("errorMessage")?.hasPrefix("Daily API Request Threshold has been reached.") == true)
        }
    }

    @Test func dailyCountsSurviveARestartAndResetAtMidnightGMT() async throws {
        let lectern = try await TestLectern.make()
        let institution = Institution(code: "DEMO", name: "x", namedUsers: 1)
        let now = Mutex(Date(timeIntervalSince1970: 1_800_000_000))  // 2027-01-15T08:00:00Z
        let counters = ThresholdCounters(registry: lectern.store, perSecondLimit: 10_000, clock: { now.withLock { $0 } })
        try await counters.load()
        for _ in 0..<999 { _ = try counters.admit(institution: institution, product: .alma) }
        try await counters.flush()
        let restarted = ThresholdCounters(registry: lectern.store, perSecondLimit: 10_000, clock: { now.withLock { $0 } })
        try await restarted.load()
        #expect(try restarted.admit(institution: institution, product: .alma) == 0)
        #expect(throws: GatewayError.dailyThreshold) { try restarted.admit(institution: institution, product: .alma) }
        #expect(try restarted.admit(institution: institution, product: .primo) >= 0)
        now.withLock { $0 = Date(timeIntervalSince1970: 1_800_000_000 + 16 * 3600) }  // 2027-01-16T00:00:00Z
        #expect(try restarted.admit(institution: institution, product: .alma) == 999)
    }

    @Test func countsFromBeforeMidnightAreStoredUnderTheirOwnDay() async throws {
        let lectern = try await TestLectern.make()
        let institution = Institution(code: "DEMO", name: "x", namedUsers: 1)
        let now = Mutex(Date(timeIntervalSince1970: 1_800_000_000 + 16 * 3600 - 1))  // 2027-01-15T23:59:59Z
        let counters = ThresholdCounters(registry: lectern.store, perSecondLimit: 10_000, clock: { now.withLock { $0 } })
        try await counters.load()
        for _ in 0..<3 { _ = try counters.admit(institution: institution, product: .alma) }
        now.withLock { $0 = $0.addingTimeInterval(2) }
        for _ in 0..<2 { _ = try counters.admit(institution: institution, product: .alma) }
        try await counters.flush()
        let before = try await lectern.store.dailyCounts(day: "2027-01-15").filter { $0.institution == "DEMO" && $0.product == .alma }
        let after = try await lectern.store.dailyCounts(day: "2027-01-16").filter { $0.institution == "DEMO" && $0.product == .alma }
        #expect(before.map(\.count) == [3])
        #expect(after.map(\.count) == [2])
    }

    @Test func concurrentAdmissionsNeverExceedTheDailyThreshold() async throws {
        let lectern = try await TestLectern.make()
        let institution = Institution(code: "DEMO", name: "x", namedUsers: 1)
        let counters = ThresholdCounters(registry: lectern.store, perSecondLimit: 1_000_000)
        try await counters.load()
        let admitted = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var count = 0
                    for _ in 0..<500 where (try? counters.admit(institution: institution, product: .alma)) != nil { count += 1 }
                    return count
                }
            }
            return await group.reduce(0, +)
        }
        #expect(admitted == 1000)
    }
}
