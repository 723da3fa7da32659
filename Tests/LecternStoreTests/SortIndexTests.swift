import Foundation
import GRDB
import LecternCore
import LecternRepresentation
import LecternStore
import LecternTesting
import Testing

@testable import LecternSQLite

/// A declared ``SortIndex`` serves a page in its order, with or without an equality filter on
/// its first fields, in either direction: the plan reads the index and sorts nothing (a list of
/// 20,000 courses took 100 ms a page when every call sorted them all).
struct SortIndexTests {
    static let index = SortIndex(StoreContractTests.kind, ["group", "name"])
    static let filteredIndex = SortIndex(StoreContractTests.kind, ["name"], filteredBy: ["group"])

    static func store() throws -> SQLiteStore {
        try SQLiteStore(path: TestDirectory.make("sort").appendingPathComponent("sort.sqlite").path, sortIndexes: [index, filteredIndex])
    }

    func plan(_ store: SQLiteStore, _ query: DocumentQuery) async throws -> [String] {
        let statement = DocumentSQL.select(query, tenant: StoreContractTests.tenant.key)
        return try await store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(statement.sql)", arguments: statement.arguments).map { $0["detail"] as String }
        }
    }

    @Test func aPageIsReadInIndexOrder() async throws {
        let store = try Self.store()
        let names = ["delta", "Alpha", "charlie", "bravo", "echo"]
        try await store.write(in: StoreContractTests.tenant) { tx in
            for (index, name) in names.enumerated() {
                try await tx.put(StoreContractTests.thing("\(index)", name: name, group: index % 2 == 0 ? "x" : "y"))
            }
        }
        let ascending = DocumentQuery(kind: StoreContractTests.kind, order: [.init("group"), .init("name")], limit: 3)
        let descending = DocumentQuery(
            kind: StoreContractTests.kind,
            order: [.init("group", descending: true), .init("name", descending: true)],
            limit: 3
        )
        let filtered = DocumentQuery(kind: StoreContractTests.kind, equals: ["group": "x"], order: [.init("name")], limit: 10)
        for (query, index) in [
            (ascending, "sort_thing_by_group_name"), (descending, "sort_thing_by_group_name"), (filtered, "sort_thing_where_group_by_name"),
        ] {
            let plan = try await plan(store, query)
            #expect(plan.contains { $0.contains("USING INDEX \(index) ") }, "\(plan)")
            #expect(plan.count == 1, "\(plan)")
            #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
        }
        // A search or a link sorts what it found instead of walking the index.
        var searched = ascending
        searched.search = .words(field: "name", ["delta"])
        var linked = ascending
        linked.linked = ["tag": "x"]
        for query in [searched, linked] {
            let plan = try await plan(store, query)
            #expect(!plan.contains { $0.contains("sort_thing") }, "\(plan)")
        }
        let read = { (query: DocumentQuery) in
            try await store.read(in: StoreContractTests.tenant) { try await $0.find(query) }.items.compactMap { $0.body.value("name") }
        }
        #expect(try await read(ascending) == ["charlie", "delta", "echo"])
        #expect(try await read(descending) == ["bravo", "Alpha", "echo"])
        #expect(try await read(filtered) == ["charlie", "delta", "echo"])
        #expect(try await read(searched) == ["delta"])
        let page = try await store.read(in: StoreContractTests.tenant) { try await $0.find(ascending) }
        #expect(page.total == 5)
    }
}
