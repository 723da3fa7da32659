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

/// The API console calls as one of the developer's keys with a short-lived token instead of the key.
struct ConsoleTokenTests {
    static let test = "/almaws/v1/users/operation/test"

    @Test func aTokenCallsAsItsKeyWithItsPermissionsAndLog() async throws {
        let lectern = try await TestLectern.make()
        let sandbox = try await lectern.keyID(of: lectern.sandboxKey)
        let readOnly = try await lectern.keyID(of: lectern.readOnlyKey)
        try await lectern.withClient { client in
            let token = lectern.gateway.consoleTokens.issue(keyID: sandbox)
            #expect(!token.contains(lectern.sandboxKey))
            let answer = try await client.send(.post, Self.test, key: nil, headers: [.consoleToken: token])
            #expect(answer.status == 200)
            #expect(answer.headers[ThresholdTests.remaining] != nil)
            let readOnlyToken = lectern.gateway.consoleTokens.issue(keyID: readOnly)
            let write = try await client.send(.post, Self.test, key: nil, headers: [.consoleToken: readOnlyToken])
            try GatewayRefusalTests.expectRefusal(write, status: 403, code: "UNAUTHORIZED")
        }
        #expect(try await lectern.gateway.requestLog(keyID: sandbox).map(\.method) == ["POST"])
        #expect(try await lectern.gateway.requestLog(keyID: readOnly).map(\.status) == [403])
    }

    @Test func alteredOrForeignTokensAreUnauthorized() async throws {
        let lectern = try await TestLectern.make()
        let sandbox = try await lectern.keyID(of: lectern.sandboxKey)
        let token = lectern.gateway.consoleTokens.issue(keyID: sandbox)
        let parts = token.split(separator: ".").map(String.init)
        try #require(parts.count == 3)
        let flipped = String(parts[2].dropLast()) + (parts[2].hasSuffix("0") ? "1" : "0")
        let later = String(Int64(parts[1])! + 3600)
        let foreign = Gateway(registry: lectern.store).consoleTokens.issue(keyID: sandbox)
        let tampered = [
            "\(parts[0]).\(parts[1]).\(flipped)",  // MAC altered
            "\(sandbox + 1).\(parts[1]).\(parts[2])",  // another key
            "\(parts[0]).\(later).\(parts[2])",  // a later expiry
            foreign,  // another process's secret
            "\(parts[0]).\(parts[1])", "garbage", "",
        ]
        try await lectern.withClient { client in
            let valid = try await client.send(.get, Self.test, key: nil, headers: [.consoleToken: token])
            #expect(valid.status == 200)
            for bad in tampered {
                let answer = try await client.send(.get, Self.test, key: nil, headers: [.consoleToken: bad])
                try GatewayRefusalTests.expectRefusal(answer, status: 400, code: "UNAUTHORIZED")
            }
        }
    }

    @Test func tokensExpireAfterTenMinutesAndDieWithTheirKey() async throws {
        let now = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        let lectern = try await TestLectern.make(clock: { now.withLock { $0 } })
        let sandbox = try await lectern.keyID(of: lectern.sandboxKey)
        let key = try await lectern.key(permissions: [.users: .readWrite])
        let keyID = try await lectern.keyID(of: key)
        let token = lectern.gateway.consoleTokens.issue(keyID: sandbox)
        let doomed = lectern.gateway.consoleTokens.issue(keyID: keyID)
        try await lectern.withClient { client in
            now.withLock { $0 = $0.addingTimeInterval(599) }
            let late = try await client.send(.get, Self.test, key: nil, headers: [.consoleToken: token])
            #expect(late.status == 200)
            now.withLock { $0 = $0.addingTimeInterval(1) }
            try GatewayRefusalTests.expectRefusal(
                try await client.send(.get, Self.test, key: nil, headers: [.consoleToken: token]),
                status: 400,
                code: "UNAUTHORIZED"
            )

            now.withLock { $0 = Date(timeIntervalSince1970: 1_800_000_000) }
            let alive = try await client.send(.get, Self.test, key: nil, headers: [.consoleToken: doomed])
            #expect(alive.status == 200)
            try await lectern.gateway.revokeKey(id: keyID)
            try GatewayRefusalTests.expectRefusal(
                try await client.send(.get, Self.test, key: nil, headers: [.consoleToken: doomed]),
                status: 400,
                code: "UNAUTHORIZED"
            )
        }
    }
}
