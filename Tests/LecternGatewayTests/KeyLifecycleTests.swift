import HTTPTypes
import LecternAlma
import LecternCore
import LecternEsploro
import LecternGateway
import LecternPrimo
import LecternSQLite
import LecternStore
import LecternTesting
import Testing

/// Revocation, edits and rotation apply to the very next call, although found keys are cached.
struct KeyLifecycleTests {
    static let test = "/almaws/v1/users/operation/test"
    static let unknownKey = "l7xx00000000000000000000000000000000"

    @Test func revokedKeyIsRefusedLikeAnUnknownKeyOnTheNextCallEvenWhenCached() async throws {
        let lectern = try await TestLectern.make()
        let key = try await lectern.key(permissions: [.users: .readWrite])
        let id = try await lectern.keyID(of: key)
        try await lectern.withClient { client in
            let first = try await client.send(.get, Self.test, key: key)
            #expect(first.status == 200)  // found, and now cached
            try await lectern.store.revokeKey(id: id)
            lectern.gateway.keyChanged(id: id)
            let revoked = try await client.send(.get, Self.test, key: key)
            let unknown = try await client.send(.get, Self.test, key: Self.unknownKey)
            try GatewayRefusalTests.expectRefusal(revoked, status: 400, code: "UNAUTHORIZED")
            #expect(RefusalShape(revoked) == RefusalShape(unknown))
            let inQuery = try await client.send(.get, Self.test, key: key, keyInQuery: true)
            #expect(inQuery.status == 400)
        }
        let record = try await lectern.store.key(id: id)
        #expect(record?.revoked == true)
        await #expect(throws: RegistryError.unknownKey(999_999)) { try await lectern.gateway.revokeKey(id: 999_999) }
    }

    @Test func editedPermissionsAndNetworksApplyAtOnce() async throws {
        let lectern = try await TestLectern.make()
        let key = try await lectern.key(permissions: [.users: .readWrite])
        let id = try await lectern.keyID(of: key)
        try await lectern.withClient { client in
            let write = try await client.send(.post, Self.test, key: key)
            #expect(write.status == 200)
            try await lectern.gateway.updateKey(id: id, label: "read-only now", permissions: [.users: .readOnly], allowedNetworks: [])
            let readOnlyWrite = try await client.send(.post, Self.test, key: key)
            try GatewayRefusalTests.expectRefusal(readOnlyWrite, status: 403, code: "UNAUTHORIZED")
            let read = try await client.send(.get, Self.test, key: key)
            #expect(read.status == 200)

            try await lectern.gateway.updateKey(id: id, label: "bibs", permissions: [.bibs: .readWrite], allowedNetworks: [])
            let users = try await client.send(.get, Self.test, key: key)
            try GatewayRefusalTests.expectRefusal(users, status: 400, code: "UNAUTHORIZED")
            let bibs = try await client.send(.get, "/almaws/v1/bibs/test", key: key)
            #expect(bibs.status == 200)

            // Without a socket there is no peer address, which no profile allows.
            try await lectern.gateway.updateKey(id: id, label: "bibs", permissions: [.bibs: .readWrite], allowedNetworks: ["10.0.0.0/8"])
            let restricted = try await client.send(.get, "/almaws/v1/bibs/test", key: key)
            try GatewayRefusalTests.expectRefusal(restricted, status: 403, code: "FORBIDDEN")
        }
        let stored = try await lectern.store.key(id: id)
        let record = try #require(stored)
        #expect(record.label == "bibs")
        #expect(record.permissions == [.bibs: .readWrite])
        #expect(record.allowedNetworks == ["10.0.0.0/8"])
        #expect(record.environment == .sandbox && record.institution == "DEMO")
        await #expect(throws: KeyIssuerError.invalidNetwork("10.0.0.0/33")) {
            try await lectern.gateway.updateKey(id: id, label: "x", permissions: [:], allowedNetworks: ["10.0.0.0/33"])
        }
    }

    @Test func rotationGivesAWorkingKeyWithTheSameSettingsAndKillsTheOldOne() async throws {
        let lectern = try await TestLectern.make()
        let old = try await KeyIssuer.issue(
            in: lectern.store,
            institution: "DEMO",
            environment: .sandbox,
            permissions: [.users: .readOnly, .bibs: .readWrite],
            label: "my app",
            application: 42
        )
        let oldID = try await lectern.keyID(of: old)
        try await lectern.withClient { client in
            let before = try await client.send(.get, Self.test, key: old)
            #expect(before.status == 200)  // found, and now cached
            let new = try await lectern.gateway.rotateKey(id: oldID)
            #expect(new != old && APIKey.isWellFormed(new))
            let fresh = try await client.send(.get, Self.test, key: new)
            #expect(fresh.status == 200)
            let stale = try await client.send(.get, Self.test, key: old)
            try GatewayRefusalTests.expectRefusal(stale, status: 400, code: "UNAUTHORIZED")
            let write = try await client.send(.post, Self.test, key: new)
            try GatewayRefusalTests.expectRefusal(write, status: 403, code: "UNAUTHORIZED")
        }
        let keys = try await lectern.store.keys(application: 42)
        #expect(keys.map(\.revoked) == [true, false])
        #expect(keys.map(\.label) == ["my app", "my app"])
        #expect(keys.allSatisfy { $0.permissions == [.users: .readOnly, .bibs: .readWrite] && $0.environment == .sandbox })
        #expect(keys.first?.id == oldID)
        await #expect(throws: KeyIssuerError.unknownKey(oldID)) { _ = try await lectern.gateway.rotateKey(id: oldID) }
        let none = try await lectern.store.keys(application: 43)
        #expect(none.isEmpty)
    }
}
