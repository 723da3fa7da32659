import Foundation
import GRDB
import LecternCore
import LecternStore
import LecternTesting
import Testing

@testable import LecternSQLite

/// `facet_tally`, the aggregate that counts facet values, through SQL as the search calls it,
/// and the migration that moved facet values from rows of their own into `discovery_rows`.
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
        let counted = try Self.tally(
            [
                #"{"creator":[7,9],"rtype":[3]}"#,
                #"{"creator":[9],"rtype":[4]}"#,
                #"{"creator":[8,7],"rtype":[3]}"#,
                #"{"rtype":[4],"topic":[]}"#,
                "{}",
                #"{"lang":[123456789012345,2]}"#,
                #"{"lang":[123456789012345]}"#,
            ],
            limit: 2
        )
        #expect(
            counted == [
                ["creator", "7", "2"], ["creator", "9", "2"], ["rtype", "3", "2"], ["rtype", "4", "2"], ["lang", "123456789012345", "2"],
                ["lang", "2", "1"],
            ]
        )
    }

    @Test func aRowThatIsNotFacetsCountsForNothing() throws {
        let garbage = [
            "", "{", "}", "[1,2]", #"{"creator":[7,]}"#, #"{"creator":[7]"#, #"{"creator":7}"#, #"{"cre\"ator":[7]}"#,
            #"{"creator":[7]}x"#, #"{"creator":[-7]}"#, #"{"creator":[99999999999999999999]}"#, "null", "{\"a\":[1] ,}",
        ]
        #expect(try Self.tally(garbage + [#"{"lang":[5]}"#], limit: 10) == [["lang", "5", "1"]])
        #expect(try Self.tally([], limit: 10) == [])
    }

    @Test func aConnectionsTalliesStartFromZeroAndTwoAtOnceKeepApart() async throws {
        let store = try SQLiteStore(path: TestDirectory.make("tally").appendingPathComponent("scratch.sqlite").path)
        let (first, second, both) = try await store.pool.read { db in
            (
                try String.fetchOne(db, sql: #"SELECT facet_tally(f, 5) FROM (SELECT '{"a":[3,4]}' AS f UNION ALL SELECT '{"a":[3]}')"#),
                try String.fetchOne(db, sql: #"SELECT facet_tally(f, 5) FROM (SELECT '{"a":[4]}' AS f)"#),
                try Row.fetchOne(db, sql: #"SELECT facet_tally(f, 5), facet_tally(g, 5) FROM (SELECT '{"a":[3]}' AS f, '{"b":[3,9]}' AS g)"#)
            )
        }
        #expect(first == #"[["a",3,2],["a",4,1]]"#)
        #expect(second == #"[["a",4,1]]"#)
        #expect(both?[0] == #"[["a",3,1]]"#)
        #expect(both?[1] == #"[["b",3,1],["b",9,1]]"#)
    }

    @Test func randomBytesNeverCrashTheTally() throws {
        var generator = SeededGenerator(seed: 11)
        let alphabet = Array(#"{}[]":,0123456789ab\ "#)
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
                    INSERT INTO discovery_rows (rowid, tenant, kind, id) VALUES (1, 'T/sandbox', 'bib', 'a'), (2, 'T/sandbox', 'bib', 'b');
                    INSERT INTO discovery_text (rowid, title, any) VALUES (1, 'history', 'history'), (2, 'history', 'history');
                    INSERT INTO discovery_facet_values (id, facet, value) VALUES (1, 'rtype', 'books'), (2, 'lang', 'eng'), (3, 'lang', 'fre');
                    INSERT INTO discovery_facet_rows (row, facet, value_id) VALUES (1, 'rtype', 1), (1, 'lang', 2), (1, 'lang', 3), (2, 'lang', 3);
                    """
            )
        }
        try pool.close()
        let store = try SQLiteStore(path: path)
        let facets = try await store.pool.read { try String.fetchAll($0, sql: "SELECT facets FROM discovery_rows ORDER BY rowid") }
        #expect(facets == [#"{"lang":[2,3],"rtype":[1]}"#, #"{"lang":[3]}"#])
        let page = try await store.read(in: Tenant(institution: "T", environment: .sandbox)) {
            try await $0.discover(
                DiscoveryQuery(kinds: [Kind(rawValue: "bib")], expression: .words(nil, ["history"]), limit: 10, facetNames: ["lang", "rtype"])
            )
        }
        #expect(page.total == 2)
        #expect(page.facets["lang"]?.map(\.value) == ["fre", "eng"])
        #expect(page.facets["lang"]?.map(\.count) == [2, 1])
        #expect(page.facets["rtype"]?.map(\.count) == [1])
    }
}
