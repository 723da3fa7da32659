import Foundation
import HTTPTypes
import LecternAlma
import LecternCore
import LecternTesting
import Testing

/// Analytics behind the gateway: its own key permission, and Alma's daily threshold.
struct AnalyticsGatewayTests {
    @Test func reportsNeedTheAnalyticsPermission() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let usersOnly = try await lectern.key(permissions: [.users: .readWrite, .bibs: .readWrite])
            let analytics = try await lectern.key(permissions: [.analytics: .readOnly])
            let report = [("path", Analytics.path("Users/Users by group and expiry"))]
            let refused = try await Analytics.report(client, key: usersOnly, report)
            #expect(refused.status == 400)
            #expect(try Wire.xml(refused.body).text("errorCode") == "UNAUTHORIZED")
            let paths = try await client.send(.get, "/almaws/v1/analytics/paths", key: usersOnly)
            #expect(try Wire.xml(paths.body).text("errorCode") == "UNAUTHORIZED")
            #expect(try await Analytics.report(client, key: analytics, report).status == 200)
            #expect(try await client.send(.get, "/almaws/v1/analytics/paths", key: analytics).status == 200)
            #expect(try await client.send(.get, "/almaws/v1/analytics/test", key: analytics).status == 200)
            // A read-only key reads reports, the Guest Sandbox too.
            #expect(try await Analytics.report(client, key: lectern.guestKey, report).status == 200)
        }
    }

    @Test func reportsCountAgainstAlmasDailyThreshold() async throws {
        let lectern = try await TestLectern.make(namedUsers: 0)
        try await lectern.withClient { client in
            let answer = try await Analytics.report(client, key: lectern.sandboxKey, [("path", Analytics.path("Users/Users by group and expiry"))])
            #expect(answer.status == 429)
            #expect(try Wire.xml(answer.body).text("errorCode") == "DAILY_THRESHOLD")
        }
    }
}
