import Foundation
import LecternCore
import LecternSQLite
import LecternStore
import LecternTesting
import Testing

/// What every registry must do for the developer portal: key lifecycle, usage counts, request log.
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

    @Test func usageCountsAddUpAndAreReadByInstitutionKeysAndDays() async throws {
        let registry = try await Self.registry()
        let a = try await registry.createKey(Self.key("h1"))
        let b = try await registry.createKey(Self.key("h2", institution: "B"))
        func count(_ key: Int64, _ institution: String, _ day: String, _ area: Area?, _ status: Int, _ code: String, _ n: Int) -> UsageCount {
            UsageCount(institution: institution, keyID: key, day: day, area: area, status: status, errorCode: code, count: n)
        }
        try await registry.addUsage([count(a, "A", "2027-01-15", .users, 200, "", 3), count(a, "A", "2027-01-15", nil, 400, "UNAUTHORIZED", 1)])
        try await registry.addUsage([
            count(a, "A", "2027-01-15", .users, 200, "", 2), count(a, "A", "2027-01-16", .bibs, 429, "PER_SECOND_THRESHOLD", 1),
        ])
        try await registry.addUsage([count(b, "B", "2027-01-15", .users, 200, "", 9)])
        #expect(
            try await registry.usage(institution: "A", keyIDs: nil, fromDay: "2027-01-15", toDay: "2027-01-16") == [
                count(a, "A", "2027-01-15", nil, 400, "UNAUTHORIZED", 1), count(a, "A", "2027-01-15", .users, 200, "", 5),
                count(a, "A", "2027-01-16", .bibs, 429, "PER_SECOND_THRESHOLD", 1),
            ]
        )
        #expect(try await registry.usage(institution: "A", keyIDs: [a], fromDay: "2027-01-16", toDay: "2027-01-16").map(\.count) == [1])
        #expect(try await registry.usage(institution: "A", keyIDs: [b], fromDay: "2027-01-01", toDay: "2027-12-31").isEmpty)
        #expect(try await registry.usage(institution: "A", keyIDs: [], fromDay: "2027-01-01", toDay: "2027-12-31").isEmpty)
    }

    @Test func theRequestLogKeepsTheNewestEntriesOfEachKeyNewestFirst() async throws {
        let registry = try await Self.registry()
        let a = try await registry.createKey(Self.key("h1"))
        let b = try await registry.createKey(Self.key("h2"))
        func entry(_ key: Int64, _ second: Int, _ path: String) -> RequestLogEntry {
            RequestLogEntry(
                keyID: key,
                time: String(format: "2027-01-15T08:00:%02d.000Z", second),
                method: "GET",
                path: path,
                status: 200,
                microseconds: 10,
                errorCode: ""
            )
        }
        try await registry.appendRequestLog((0..<4).map { entry(a, $0, "/a\($0)") } + [entry(b, 0, "/b")], keepingNewest: 3)
        #expect(try await registry.requestLog(keyID: a, limit: 10).map(\.path) == ["/a3", "/a2", "/a1"])
        // The same millisecond: the order of appending decides.
        try await registry.appendRequestLog([entry(a, 5, "/same1"), entry(a, 5, "/same2")], keepingNewest: 3)
        #expect(try await registry.requestLog(keyID: a, limit: 10).map(\.path) == ["/same2", "/same1", "/a3"])
        #expect(try await registry.requestLog(keyID: a, limit: 1).map(\.path) == ["/same2"])
        #expect(try await registry.requestLog(keyID: b, limit: 10) == [entry(b, 0, "/b")])
    }
}
