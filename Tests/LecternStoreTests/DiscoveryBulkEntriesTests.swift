import LecternCore
import LecternSQLite
import LecternStore
import Testing

/// Many discovery entries set in one call, as an import sets them: each must get its own text,
/// whole values and facets, numbered after the entries already there.
struct DiscoveryBulkEntriesTests {
    static let kind = DiscoveryContractTests.kind
    static let tenant = DiscoveryContractTests.tenant

    static func entry(_ number: Int) -> DiscoveryEntry {
        DiscoveryEntry(
            text: [.title: "title\(number)", .any: "title\(number) common"],
            wholeValues: [.title: ["title \(number)"], .any: ["title \(number)", "only \(number)"]],
            facets: ["topic": ["topic \(number % 3)"]],
            sort: ["title": "title \(number)"]
        )
    }

    static func ids(_ store: any Store, _ expression: DiscoveryExpression) async throws -> [String] {
        try await DiscoveryContractTests.search(store, DiscoveryQuery(kinds: [kind], expression: expression)).matches.map(\.id).sorted()
    }

    @Test(arguments: [3, 200])
    func eachEntryIsFoundByItsOwnValues(count: Int) async throws {
        let store = try StoreContractTests.store()
        // An entry already there moves the numbering of the new rows.
        try await store.write(in: Self.tenant) { tx in try await tx.setDiscovery(Self.entry(9999), for: Self.kind, id: "9999") }
        try await store.bulkWrite(in: Self.tenant) { writer in
            try writer.setDiscovery((0..<count).map { (Self.kind, String($0), Self.entry($0)) })
        }
        for number in [0, count / 2, count - 1] {
            #expect(try await Self.ids(store, .words(.title, ["title\(number)"])) == [String(number)])
            #expect(try await Self.ids(store, .whole(.title, ["title", String(number)], prefix: false)) == [String(number)])
            #expect(try await Self.ids(store, .whole(.any, ["only", String(number)], prefix: false)) == [String(number)])
        }
        let common = DiscoveryQuery(kinds: [Self.kind], expression: .words(.any, ["common"]))
        #expect(try await DiscoveryContractTests.search(store, common).total == count + 1)
        let page = try await DiscoveryContractTests.search(
            store,
            DiscoveryQuery(kinds: [Self.kind], expression: .whole(.title, ["title", "1"], prefix: false), facetNames: ["topic"])
        )
        #expect(page.facets["topic"]?.map(\.value) == ["topic 1"])
    }

    /// Facet values met again in later calls of the same transaction take the ids the first
    /// call gave them; ids given in a transaction that was rolled back are not reused.
    @Test func facetValuesKeepTheirIdsAcrossCallsAndRollbacks() async throws {
        struct Abandoned: Error {}
        @Sendable func entry(_ topics: [String]) -> DiscoveryEntry {
            DiscoveryEntry(text: [.any: "common"], facets: ["topic": topics])
        }
        let store = try StoreContractTests.store()
        await #expect(throws: Abandoned.self) {
            try await store.bulkWrite(in: Self.tenant) { writer in
                try writer.setDiscovery([(Self.kind, "0", entry(["gone", "kept"]))])
                throw Abandoned()
            }
        }
        try await store.bulkWrite(in: Self.tenant) { writer in
            try writer.setDiscovery([(Self.kind, "1", entry(["new", "kept"]))])
            try writer.setDiscovery([(Self.kind, "2", entry(["kept"]))])
            try writer.setDiscovery([(Self.kind, "3", entry(["other", "new"]))])
        }
        let page = try await DiscoveryContractTests.search(
            store,
            DiscoveryQuery(kinds: [Self.kind], expression: .words(.any, ["common"]), facetNames: ["topic"])
        )
        #expect(page.total == 3)
        #expect(page.facets["topic"]?.map { "\($0.value) \($0.count)" }.sorted() == ["kept 2", "new 2", "other 1"])
    }
}
