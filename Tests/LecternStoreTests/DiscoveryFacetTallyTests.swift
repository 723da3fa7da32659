import Foundation
import GRDB
import LecternCore
import LecternStore
import LecternTesting
import Testing

@testable import LecternSQLite

/// `facet_tally`, the aggregate that counts facet values, through SQL as the search calls it,
/// and the migrations that moved facet values from rows of their own into `discovery_rows`,
/// then into a flat array of facet codes and value ids.
struct DiscoveryFacetTallyTests {
    static func tally(_ rows: [String], limit: Int) throws -> [[String]] {
        let store = try SQLiteStore(path: TestDirectory.make("tally").appendingPathComponent("tally.sqlite").path)
        let values = rows.isEmpty ? "SELECT NULL AS f WHERE 0" : rows.map { "SELECT '\($0)' AS f" }.joined(separator: " UNION ALL ")
        let answer = try store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT facet_tally(f, ?) FROM (\(values))", arguments: [limit])
        }
        let decoded = try JSONSerialization.jsonObject(with: Data((answer ?? "null").utf8)) as? [[Any]]
        return try #require(decoded).map { $0.map { "\($0)" } }
    }

    @Test func countsEachFacetsValuesMostFirstTiesToTheLowerIdAndKeepsTheLimit() throws {
        // Facet codes: 1 creator, 2 rtype, 3 topic, 4 lang.
        let counted = try Self.tally(
            [
                "[-1,7,9,-2,3]",
                "[-1,9,-2,4]",
                "[-1,8,7,-2,3]",
                "[-2,4,-3]",
                "[]",
                "[-4,123456789012345,2]",
                "[-4,123456789012345]",
            ],
            limit: 2
        )
        #expect(
            counted == [
                ["1", "7", "2"], ["1", "9", "2"], ["2", "3", "2"], ["2", "4", "2"], ["4", "123456789012345", "2"], ["4", "2", "1"],
            ]
        )
    }

    @Test func theValuesKeptAreTheFirstOfAFullSortMostFirstTiesToTheLowerId() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            // Few distinct counts, so that many values tie; ids unique, in no order.
            let values = (0..<Int.random(in: 0...300, using: &random)).map { _ in
                (id: Int64.random(in: 1...1_000_000, using: &random), count: Int.random(in: 1...4, using: &random))
            }
            let unique = Dictionary(values.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }).values.shuffled(using: &random)
            let limit = Int.random(in: 0...30, using: &random)
            let sorted = unique.sorted { ($0.count, $1.id) > ($1.count, $0.id) }.prefix(limit)
            let top = FacetCounts.top(Array(unique), limit)
            #expect(top.map(\.id) == sorted.map(\.id))
            #expect(top.map(\.count) == sorted.map(\.count))
        }
    }

    @Test func aRowThatIsNotFacetsCountsForNothing() throws {
        let garbage = [
            "", "[", "]", "[1,2]", "[-1,7,]", "[-1,7", "-1,7]", "[-1,-7,8", "[-1,7]x", "[-0,7]", "[-65536,7]", "[-1,--7]",
            "[-1,99999999999999999999]", "null", "[-1,7 ]", "[-1,7.5]", #"{"creator":[7]}"#,
        ]
        #expect(try Self.tally(garbage + ["[-4,5]"], limit: 10) == [["4", "5", "1"]])
        #expect(try Self.tally([], limit: 10) == [])
    }

    @Test func aConnectionsTalliesStartFromZeroAndTwoAtOnceKeepApart() async throws {
        let store = try SQLiteStore(path: TestDirectory.make("tally").appendingPathComponent("scratch.sqlite").path)
        let (first, second, both) = try await store.pool.read { db in
            (
                try String.fetchOne(db, sql: "SELECT facet_tally(f, 5) FROM (SELECT '[-1,3,4]' AS f UNION ALL SELECT '[-1,3]')"),
                try String.fetchOne(db, sql: "SELECT facet_tally(f, 5) FROM (SELECT '[-1,4]' AS f)"),
                try Row.fetchOne(db, sql: "SELECT facet_tally(f, 5), facet_tally(g, 5) FROM (SELECT '[-1,3]' AS f, '[-2,3,9]' AS g)")
            )
        }
        #expect(first == "[[1,3,2],[1,4,1]]")
        #expect(second == "[[1,4,1]]")
        #expect(both?[0] == "[[1,3,1]]")
        #expect(both?[1] == "[[2,3,1],[2,9,1]]")
    }

    @Test func randomBytesNeverCrashTheTally() throws {
        var generator = SeededGenerator(seed: 11)
        let alphabet = Array(#"{}[]":,-0123456789ab\ "#)
        let rows = (0..<500).map { _ in
            String((0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
                .replacingOccurrences(of: "'", with: "")
        }
        _ = try Self.tally(rows, limit: 5)
    }

    @Test func theMigrationMovesEachRowsFacetValuesIntoItsRow() async throws {
        let path = try TestDirectory.make("tally").appendingPathComponent("migrate.sqlite").path
        let pool = try DatabasePool(path: path)
        try Migrations.migrator.migrate(pool, upTo: "v10 discovery facet ids")
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO discovery_rows (rowid, tenant, kind, id, sort) VALUES
                        (1, 'T/sandbox', 'bib', 'a', '{"title":"zebra"}'), (2, 'T/sandbox', 'bib', 'b', '{"title":"aardvark"}');
                    INSERT INTO discovery_text (rowid, title, any) VALUES (1, 'history', 'history'), (2, 'history', 'history');
                    INSERT INTO discovery_facet_values (id, facet, value) VALUES (1, 'rtype', 'books'), (2, 'lang', 'eng'), (3, 'lang', 'fre');
                    INSERT INTO discovery_facet_rows (row, facet, value_id) VALUES (1, 'rtype', 1), (1, 'lang', 2), (1, 'lang', 3), (2, 'lang', 3);
                    """
            )
        }
        try pool.close()
        let store = try SQLiteStore(path: path)
        let facets = try await store.pool.read { try String.fetchAll($0, sql: "SELECT facets FROM discovery_rows ORDER BY rowid") }
        // Facet codes by name: lang 1, rtype 2.
        #expect(facets == ["[-1,2,3,-2,1]", "[-1,3]"])
        // Each row keeps its entry's length (two fields of one word), for ranking.
        let lengths = try await store.pool.read { try Int.fetchAll($0, sql: "SELECT length FROM discovery_rows ORDER BY rowid") }
        #expect(lengths == [2, 2])
        let page = try await store.read(in: Tenant(institution: "T", environment: .sandbox)) {
            try await $0.discover(
                DiscoveryQuery(kinds: [Kind(rawValue: "bib")], expression: .words(nil, ["history"]), limit: 10, facetNames: ["lang", "rtype"])
            )
        }
        #expect(page.total == 2)
        #expect(page.facets["lang"]?.map(\.value) == ["fre", "eng"])
        #expect(page.facets["lang"]?.map(\.count) == [2, 1])
        #expect(page.facets["rtype"]?.map(\.count) == [1])
        let langOnly = try await store.read(in: Tenant(institution: "T", environment: .sandbox)) {
            try await $0.discover(
                DiscoveryQuery(kinds: [Kind(rawValue: "bib")], expression: .words(nil, ["history"]), limit: 10, facetNames: ["lang"])
            )
        }
        #expect(Set(langOnly.facets.keys) == ["lang"])

        // The sort keys moved to a table of their own; filters read the flat array.
        let sorted = try await store.read(in: Tenant(institution: "T", environment: .sandbox)) {
            try await $0.discover(
                DiscoveryQuery(
                    kinds: [Kind(rawValue: "bib")],
                    expression: .words(nil, ["history"]),
                    order: .key("title", descending: false),
                    limit: 10
                )
            )
        }
        #expect(sorted.matches.map(\.id) == ["b", "a"])
        let filtered = try await store.read(in: Tenant(institution: "T", environment: .sandbox)) {
            try await $0.discover(
                DiscoveryQuery(
                    kinds: [Kind(rawValue: "bib")],
                    expression: .words(nil, ["history"]),
                    filters: [FacetFilter(facet: "lang", values: ["eng"])],
                    limit: 10
                )
            )
        }
        #expect(filtered.matches.map(\.id) == ["a"])
    }
}
