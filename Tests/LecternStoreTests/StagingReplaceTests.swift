import LecternCore
import LecternRepresentation
import LecternSQLite
import LecternStore
import Testing

/// A partition is replaced by its staging copy in one transaction (a sandbox reset): the old
/// documents until then, the new ones after, never a mixture, keys, search and counters included.
struct StagingReplaceTests {
    typealias Contract = StoreContractTests
    static let tenant = Contract.tenant

    static func names(_ store: some Store, _ tenant: Tenant) async throws -> [String] {
        try await store.read(in: tenant) { reader in
            try await reader.find(DocumentQuery(kind: Contract.kind, limit: 100)).items.compactMap { $0.body.value("name") }.sorted()
        }
    }

    @Test func theStagingCopyTakesThePartitionsPlaceWhole() async throws {
        let store = try Contract.store()
        try await store.write(in: Self.tenant) { tx in
            try await tx.put(Contract.thing("1", name: "Old one", key: "B-1"))
            try await tx.put(Contract.thing("2", name: "Old two", key: "B-2"))
            _ = try await tx.reserveNumbers("ids", count: 40)
        }
        try await store.write(in: Self.tenant.staging) { tx in
            try await tx.put(Contract.thing("1", name: "New one", key: "N-1"))
            _ = try await tx.reserveNumbers("ids", count: 3)
        }
        // Until the swap, clients read the old partition; the staging copy is not theirs.
        #expect(try await Self.names(store, Self.tenant) == ["Old one", "Old two"])

        try await store.replaceWithStaging(Self.tenant)

        #expect(try await Self.names(store, Self.tenant) == ["New one"])
        #expect(try await Self.names(store, Self.tenant.staging) == [])
        let byNewKey = try await store.read(in: Self.tenant) { try await $0.document(Contract.kind, key: "N-1", type: nil) }
        #expect(byNewKey?.id == "1")
        let byOldKey = try await store.read(in: Self.tenant) { try await $0.document(Contract.kind, key: "B-2", type: nil) }
        #expect(byOldKey == nil)
        for (word, total) in [("new", 1), ("old", 0)] {
            var query = DocumentQuery(kind: Contract.kind)
            query.search = .words(field: "name", [word])
            let found = try await store.read(in: Self.tenant) { [query] in try await $0.find(query) }
            #expect(found.total == total, "\(word)")
        }
        let next = try await store.write(in: Self.tenant) { try await $0.reserveNumbers("ids", count: 1) }
        #expect(next == 4)
    }

    @Test func aStagingCopyLeftByACrashIsNeverSeenAndPurgedBeforeTheNextOne() async throws {
        let store = try Contract.store()
        try await store.write(in: Self.tenant) { try await $0.put(Contract.thing("1", name: "Kept")) }
        try await store.write(in: Self.tenant.staging) { try await $0.put(Contract.thing("9", name: "Half built")) }
        #expect(try await Self.names(store, Self.tenant) == ["Kept"])
        try await store.purge(Self.tenant.staging)
        try await store.write(in: Self.tenant.staging) { try await $0.put(Contract.thing("2", name: "Whole")) }
        try await store.replaceWithStaging(Self.tenant)
        #expect(try await Self.names(store, Self.tenant) == ["Whole"])
    }
}
