import Foundation
import GRDB
import LecternCore
import LecternStore
import LecternTesting
import Testing

@testable import LecternSQLite

/// Databases written before a migration of the discovery index answer as before after it.
struct DiscoveryMigrationTests {
    static let kind = Kind(rawValue: "bib")
    static let tenant = Tenant(institution: "A", environment: .sandbox)

    @Test func anyWholeValuesAreFoundWithoutTheirCopies() async throws {
        let path = try TestDirectory.make("migration").appendingPathComponent("store.sqlite").path
        do {
            // Two entries as they were stored before: `any` repeats whole values of other fields.
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator.migrate(queue, upTo: "v10 discovery facet ids")
            try await queue.write { db in
                try db.execute(
                    sql: "INSERT INTO discovery_rows (rowid, tenant, kind, id) VALUES (1, ?1, 'bib', '1'), (2, ?1, 'bib', '2')",
                    arguments: [Self.tenant.key]
                )
                try db.execute(
                    sql: """
                        INSERT INTO discovery_text (rowid, any, title, sub) VALUES
                            (1, 'the art of war sun tzu', 'the art of war', ''), (2, 'art of war strategy', 'art of war', 'strategy');
                        INSERT INTO discovery_whole (row, field, value) VALUES
                            (1, 'title', 'the art of war'), (1, 'title', 'art of war'), (1, 'any', 'the art of war'), (1, 'any', 'sun tzu'),
                            (2, 'title', 'art of war'), (2, 'sub', 'strategy'), (2, 'any', 'art of war'), (2, 'any', 'strategy');
                        """
                )
            }
        }
        let store = try SQLiteStore(path: path)
        func ids(_ expression: DiscoveryExpression) async throws -> Set<String> {
            let page = try await store.read(in: Self.tenant) { try await $0.discover(DiscoveryQuery(kinds: [Self.kind], expression: expression)) }
            return Set(page.matches.map(\.id))
        }
        #expect(try await ids(.whole(.any, ["the", "art", "of", "war"], prefix: false)) == ["1"])
        #expect(try await ids(.whole(.any, ["art", "of", "war"], prefix: false)) == ["2"])
        #expect(try await ids(.whole(.title, ["art", "of", "war"], prefix: false)) == ["1", "2"])
        #expect(try await ids(.whole(.any, ["strategy"], prefix: false)) == ["2"])
        #expect(try await ids(.whole(.any, ["sun", "tzu"], prefix: false)) == ["1"])
        #expect(try await ids(.whole(.any, ["art"], prefix: true)) == ["2"])
        // Each row's whole values are words of its own row in `discovery_exact`: `any`'s only
        // where no other field has them, each value once.
        let rows = try await store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT in_any, elsewhere FROM discovery_exact ORDER BY rowid").map { row in
                [row[0] as String, row[1] as String].map { column in
                    column.components(separatedBy: "_e").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.sorted()
                }
            }
        }
        #expect(rows == [[["any_sun tzu", "title_the art of war"], ["title_art of war"]], [["sub_strategy", "title_art of war"], []]])
        let whole = try await store.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'discovery_whole%'") }
        #expect(whole == 0)
    }

    /// Opening a database of an earlier version names the migrations it is about to run (a new
    /// database, or one already up to date, names none).
    @Test func anUpgradeNamesItsMigrationsFirst() throws {
        let directory = try TestDirectory.make("upgrade")
        let old = directory.appendingPathComponent("old.sqlite").path
        try Migrations.migrator.migrate(try DatabaseQueue(path: old), upTo: "v10 discovery facet ids")
        var announced: [[String]] = []
        _ = try SQLiteStore(path: old) { announced.append($0) }
        let later = Migrations.migrator.migrations.drop { $0 != "v10 discovery facet ids" }.dropFirst()
        #expect(later.last == "v19 sandbox clocks")
        #expect(announced == [Array(later)])
        _ = try SQLiteStore(path: old) { announced.append($0) }
        _ = try SQLiteStore(path: directory.appendingPathComponent("new.sqlite").path) { announced.append($0) }
        #expect(announced.count == 1)
    }
}
