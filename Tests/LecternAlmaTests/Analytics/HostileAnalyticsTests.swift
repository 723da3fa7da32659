import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// Tokens and paths a client did not get from Lectern: refused with their documented codes, and
/// the server goes on answering.
struct HostileAnalyticsTests {
    @Test func garbageTokensAndPathsAreRefused() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let key = lectern.sandboxKey
            for token in ["x", String(repeating: "F", count: 9_000), "' OR 1=1 --", "../../etc/passwd", "%00", "<token/>"] {
                let answer = try await Analytics.report(client, key: key, [("token", token)])
                #expect(answer.status == 400, "\(token.prefix(20))")
                #expect(try Wire.xml(answer.body).text("errorCode") == "402119", "\(token.prefix(20))")
            }
            let nul = try await client.send(.get, "/almaws/v1/analytics/reports?token=A%00B", key: key)
            #expect(try Wire.xml(nul.body).text("errorCode") == "401666")
            let long = try await Analytics.report(client, key: key, [("token", String(repeating: "F", count: 20_000))])
            #expect(try Wire.xml(long.body).text("errorCode") == "401666")
            for path in ["/shared/../shared", "//", "/shared/Lectern Demo University/Reports/Fulfillment/Loan history/..", "\u{202E}x"] {
                let answer = try await Analytics.report(client, key: key, [("path", path)])
                #expect(try Wire.xml(answer.body).text("errorCode") == "INTERNAL_SERVER_ERROR", "\(path)")
            }
            let folder = try await client.send(.get, "/almaws/v1/analytics/paths/%2Fshared%2F..%2F..", key: key)
            #expect(try Wire.xml(folder.body).text("errorCode") == "90109")
            #expect(try await client.send(.get, "/almaws/v1/analytics/paths", key: key).status == 200)
        }
    }
}
