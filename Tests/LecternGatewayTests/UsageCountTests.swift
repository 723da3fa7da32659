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

/// Every call of a known key is counted by key, day (GMT), area, status and error code: answers,
/// handlers' logical errors and the gateway's own refusals alike.
struct UsageCountTests {
    static let test = "/almaws/v1/users/operation/test"
    /// 2027-01-15T08:00:00.5Z.
    static let frozen = Date(timeIntervalSince1970: 1_800_000_000.5)
    static let day = "2027-01-15"

    @Test func answersLogicalErrorsAndRefusalsAreCountedWithTheirAreaStatusAndCode() async throws {
        let lectern = try await TestLectern.make(perSecondLimit: 3, clock: { Self.frozen })
        let sandbox = try await lectern.keyID(of: lectern.sandboxKey)
        let bibsOnly = try await lectern.keyID(of: lectern.bibsOnlyKey)
        try await lectern.withClient { client in
            for _ in 0..<2 {
                let status = try await client.send(.get, Self.test, key: lectern.sandboxKey).status
                #expect(status == 200)
            }
            let missing = try await client.send(.get, "/almaws/v1/users/no-such-user?format=json", key: lectern.sandboxKey)
            #expect(missing.status == 400)
            #expect(try Wire.jsonErrorCodes(missing.body) == ["401861"])
            let throttled = try await client.send(.get, Self.test, key: lectern.sandboxKey)
            try GatewayRefusalTests.expectRefusal(throttled, status: 429, code: "PER_SECOND_THRESHOLD")
            let noArea = try await client.send(.get, "/almaws/v1/users", key: lectern.bibsOnlyKey)
            try GatewayRefusalTests.expectRefusal(noArea, status: 400, code: "UNAUTHORIZED")
            // Without a known key there is nothing to count under.
            let unknown = try await client.send(.get, Self.test, key: "l7xx00000000000000000000000000000000")
            #expect(unknown.status == 400)
        }
        try await lectern.gateway.recorder.flush()
        let counts = try await lectern.store.usage(institution: "DEMO", keyIDs: nil, fromDay: Self.day, toDay: Self.day)
        #expect(
            counts
                == [
                    UsageCount(institution: "DEMO", keyID: sandbox, day: Self.day, area: .users, status: 200, errorCode: "", count: 2),
                    UsageCount(institution: "DEMO", keyID: sandbox, day: Self.day, area: .users, status: 400, errorCode: "401861", count: 1),
                    UsageCount(
                        institution: "DEMO",
                        keyID: sandbox,
                        day: Self.day,
                        area: .users,
                        status: 429,
                        errorCode: "PER_SECOND_THRESHOLD",
                        count: 1
                    ),
                    UsageCount(institution: "DEMO", keyID: bibsOnly, day: Self.day, area: .users, status: 400, errorCode: "UNAUTHORIZED", count: 1),
                ].sorted { ($0.keyID, $0.status) < ($1.keyID, $1.status) }
        )
        let other = try await lectern.store.usage(institution: "OTHER", keyIDs: nil, fromDay: Self.day, toDay: Self.day)
        #expect(other.isEmpty)
    }

    @Test func flushesAddUpAndReadsFilterByKeyAndDay() async throws {
        let now = Mutex(Self.frozen)
        let lectern = try await TestLectern.make(clock: { now.withLock { $0 } })
        let sandbox = try await lectern.keyID(of: lectern.sandboxKey)
        try await lectern.withClient { client in
            _ = try await client.send(.get, Self.test, key: lectern.sandboxKey)
            try await lectern.gateway.recorder.flush()
            _ = try await client.send(.get, Self.test, key: lectern.sandboxKey)
            _ = try await client.send(.get, "/almaws/v1/bibs/test", key: lectern.bibsOnlyKey)
            now.withLock { $0 = $0.addingTimeInterval(86_400) }
            _ = try await client.send(.get, Self.test, key: lectern.sandboxKey)
        }
        let usage = try await lectern.gateway.usage(institution: "DEMO", keyIDs: [sandbox], fromDay: Self.day, toDay: "2027-01-16")
        #expect(
            usage.map { "\($0.day) \($0.keyID) \($0.area?.rawValue ?? "") \($0.status) \($0.count)" } == [
                "2027-01-15 \(sandbox) users 200 2", "2027-01-16 \(sandbox) users 200 1",
            ]
        )
        let all = try await lectern.gateway.usage(institution: "DEMO", fromDay: Self.day, toDay: Self.day)
        #expect(all.map(\.count) == [2, 1])
        #expect(all.last?.area == .bibs)
        #expect(try await lectern.gateway.usage(institution: "DEMO", keyIDs: [], fromDay: Self.day, toDay: Self.day).isEmpty)
    }

    @Test func ipAndMaintenanceRefusalsAreCounted() async throws {
        let lectern = try await TestLectern.make(clock: { Self.frozen })
        let restricted = try await lectern.key(permissions: [.users: .readWrite], networks: ["10.0.0.0/8"])
        let restrictedID = try await lectern.keyID(of: restricted)
        let sandbox = try await lectern.keyID(of: lectern.sandboxKey)
        try await lectern.store.setMaintenance(.primo, on: true)
        try await lectern.gateway.refresh()
        try await lectern.withClient { client in
            // Without a socket there is no peer address, which no profile allows.
            try GatewayRefusalTests.expectRefusal(try await client.send(.get, Self.test, key: restricted), status: 403, code: "FORBIDDEN")
            let primo = try await client.send(.get, "/primo/v1/search?vid=V&tab=T&scope=S&q=any,contains,x", key: lectern.sandboxKey)
            try GatewayRefusalTests.expectRefusal(primo, status: 503, code: "ROUTING_ERROR")
        }
        let counts = try await lectern.gateway.usage(institution: "DEMO", keyIDs: [sandbox, restrictedID], fromDay: Self.day, toDay: Self.day)
        #expect(
            Set(counts) == [
                UsageCount(institution: "DEMO", keyID: sandbox, day: Self.day, area: .primo, status: 503, errorCode: "ROUTING_ERROR", count: 1),
                UsageCount(institution: "DEMO", keyID: restrictedID, day: Self.day, area: .users, status: 403, errorCode: "FORBIDDEN", count: 1),
            ]
        )
    }
}
