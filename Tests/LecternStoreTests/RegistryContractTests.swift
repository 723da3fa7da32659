import Foundation
import LecternCore
import LecternSQLite
import LecternStore
import LecternTesting
import Testing

/// What every registry must do for the developer portal.
struct RegistryContractTests {
    static func registry() async throws -> SQLiteStore {
        let store = try SQLiteStore(path: TestDirectory.make("registry").appendingPathComponent("registry.sqlite").path)
        try await store.createInstitution(Institution(code: "A", name: "A"))
        try await store.createInstitution(Institution(code: "B", name: "B"))
        return store
    }

    static func key(_ hash: String, institution: String = "A", application: Int64? = nil) -> KeyRecord {
        KeyRecord(
            hash: hash,
            prefix: "l7xx",
            label: hash,
            institution: institution,
            environment: .sandbox,
            permissions: [.users: .readWrite],
            application: application
        )
    }

    @Test func keysBelongToApplicationsAndAreRevokedAndEditedInPlace() async throws {
        let registry = try await Self.registry()
        let first = try await registry.createKey(Self.key("h1", application: 7))
        let second = try await registry.createKey(Self.key("h2", application: 7))
        _ = try await registry.createKey(Self.key("h3"))
        #expect(try await registry.keys(application: 7).map(\.id) == [first, second])
        #expect(try await registry.key(id: first)?.application == 7)
        #expect(try await registry.key(hash: "h3")?.application == nil)

        try await registry.revokeKey(id: first)
        try await registry.revokeKey(id: first)
        #expect(try await registry.key(id: first)?.revoked == true)
        #expect(try await registry.key(hash: "h1")?.revoked == true)
        #expect(try await registry.key(id: second)?.revoked == false)

        try await registry.updateKey(id: second, label: "renamed", permissions: [.bibs: .readOnly], allowedNetworks: ["10.0.0.0/8", "::1"])
        let edited = try #require(try await registry.key(id: second))
        #expect(edited.label == "renamed" && edited.permissions == [.bibs: .readOnly] && edited.allowedNetworks == ["10.0.0.0/8", "::1"])
        #expect(edited.institution == "A" && edited.environment == .sandbox && edited.hash == "h2")

        #expect(try await registry.key(id: 999) == nil)
        await #expect(throws: RegistryError.unknownKey(999)) { try await registry.revokeKey(id: 999) }
        await #expect(throws: RegistryError.unknownKey(999)) {
            try await registry.updateKey(id: 999, label: "x", permissions: [:], allowedNetworks: [])
        }
    }
}
