import Foundation
import GRDB
import LecternCore
import LecternStore

extension Reader {
    func discover(_ query: DiscoveryQuery) async throws -> DiscoveryPage {
        try await pool.read { try DiscoverySearch.discover($0, tenant, query, frequencies: frequencies) }
    }
}

extension Writer {
    func discover(_ query: DiscoveryQuery) async throws -> DiscoveryPage {
        try await pool.writeWithoutTransaction { try DiscoverySearch.discover($0, tenant, query, frequencies: frequencies) }
    }

    func setDiscovery(_ entry: DiscoveryEntry?, for kind: Kind, id: String) async throws {
        try await pool.writeWithoutTransaction { try DiscoverySQL.set($0, tenant, kind, id, entry) }
    }
}

/// The discovery index on SQLite: FTS5 ranks text (`bm25` with the fields' weights), plain
/// tables hold whole values and facet values, which the database counts.
enum DiscoverySQL {
    /// The FTS5 columns, in table order (the order of ``DiscoveryRank``'s weights).
    static let columns = DiscoveryField.allCases

    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4 discovery") { db in
            try db.execute(
                sql: """
                    CREATE TABLE discovery_rows (
                        rowid INTEGER PRIMARY KEY,
                        tenant TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        id TEXT NOT NULL,
                        sort TEXT NOT NULL DEFAULT '{}',
                        UNIQUE (tenant, kind, id)
                    );
                    CREATE VIRTUAL TABLE discovery_text USING fts5(
                        \(columns.map(\.rawValue).joined(separator: ", ")), tokenize = 'unicode61 remove_diacritics 2'
                    );
                    CREATE TABLE discovery_whole (row INTEGER NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL);
                    CREATE INDEX discovery_whole_value ON discovery_whole (field, value);
                    CREATE INDEX discovery_whole_row ON discovery_whole (row);
                    CREATE TABLE discovery_facets (row INTEGER NOT NULL, facet TEXT NOT NULL, value TEXT NOT NULL);
                    CREATE INDEX discovery_facets_value ON discovery_facets (facet, value);
                    CREATE INDEX discovery_facets_row ON discovery_facets (row);
                    """
            )
        }
    }

    /// After the portal's tables: the facet values with ids (a shipped migration never changes).
    static func registerFacetIDs(_ migrator: inout DatabaseMigrator) {
        // Facet values get ids, and each row's ids are clustered by row: counting the facets
        // of ten thousand matches reads ten thousand short ranges, and only the values counted
        // most are looked up by id.
        migrator.registerMigration("v10 discovery facet ids") { db in
            try db.execute(
                sql: """
                    CREATE TABLE discovery_facet_values (
                        id INTEGER PRIMARY KEY, facet TEXT NOT NULL, value TEXT NOT NULL, UNIQUE (facet, value)
                    );
                    CREATE TABLE discovery_facet_rows (
                        row INTEGER NOT NULL, facet TEXT NOT NULL, value_id INTEGER NOT NULL, PRIMARY KEY (row, facet, value_id)
                    ) WITHOUT ROWID;
                    INSERT INTO discovery_facet_values (facet, value) SELECT DISTINCT facet, value FROM discovery_facets;
                    INSERT OR IGNORE INTO discovery_facet_rows (row, facet, value_id)
                        SELECT f.row, f.facet, v.id FROM discovery_facets f JOIN discovery_facet_values v ON v.facet = f.facet AND v.value = f.value;
                    DROP TABLE discovery_facets;
                    CREATE INDEX discovery_rows_order ON discovery_rows (tenant, kind);
                    """
            )
        }
    }

    /// After the facet ids: each entry's facet values in its own row, as one JSON object of
    /// facet names to value ids (`{"creator":[77,88],"rtype":[3]}`), counted by ``FacetTally``.
    /// One row per entry instead of one per value: a search reads a match's facets with the
    /// same lookup that finds it, and an import writes one value instead of a dozen index rows.
    static func registerFacetsPerRow(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v11 discovery facets per row") { db in
            try db.execute(
                sql: """
                    ALTER TABLE discovery_rows ADD COLUMN facets TEXT NOT NULL DEFAULT '{}';
                    UPDATE discovery_rows SET facets = coalesce((
                        SELECT json_group_object(facet, json(ids)) FROM (
                            SELECT facet, json_group_array(value_id) AS ids FROM discovery_facet_rows
                            WHERE row = discovery_rows.rowid GROUP BY facet ORDER BY facet
                        )
                    ), '{}');
                    DROP TABLE discovery_facet_rows;
                    """
            )
        }
    }

    /// The JSON path of facet `name`'s ids in `discovery_rows.facets`.
    static func facetPath(_ name: String) -> String {
        "$.\"" + name.replacingOccurrences(of: "\"", with: "") + "\""
    }

    // MARK: - Writing

    static func set(_ db: Database, _ tenant: String, _ kind: Kind, _ id: String, _ entry: DiscoveryEntry?) throws {
        try remove(db, tenant, kind, id)
        guard let entry else { return }
        let sort = try JSONSerialization.data(withJSONObject: entry.sort, options: [.sortedKeys])
        try db.cachedStatement(sql: "INSERT INTO discovery_rows (tenant, kind, id, sort, facets) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [tenant, kind.rawValue, id, String(decoding: sort, as: UTF8.self), try facetIDs(db, entry.facets)])
        let row = db.lastInsertedRowID
        var textArguments: StatementArguments = [row]
        for column in columns { textArguments += [entry.text[column] ?? ""] }
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        try db.cachedStatement(
            sql: "INSERT INTO discovery_text (rowid, \(columns.map(\.rawValue).joined(separator: ", "))) VALUES (?, \(placeholders))"
        )
        .execute(arguments: textArguments)
        let whole = try db.cachedStatement(sql: "INSERT INTO discovery_whole (row, field, value) VALUES (?, ?, ?)")
        for (field, values) in entry.wholeValues {
            for value in Set(values) { try whole.execute(arguments: [row, field.rawValue, value]) }
        }
    }

    /// `facets` as the JSON object of `discovery_rows.facets`, each value by its id (given one
    /// if new), names and ids in order.
    private static func facetIDs(_ db: Database, _ facets: [String: [String]]) throws -> String {
        let valueID = try db.cachedStatement(sql: "SELECT id FROM discovery_facet_values WHERE facet = ? AND value = ?")
        let newValue = try db.cachedStatement(sql: "INSERT INTO discovery_facet_values (facet, value) VALUES (?, ?)")
        var out = "{"
        for (name, values) in facets.sorted(by: { $0.key < $1.key }) {
            var ids: [Int64] = []
            for value in Set(values) where !value.isEmpty {
                if let id = try Int64.fetchOne(valueID, arguments: [name, value]) {
                    ids.append(id)
                } else {
                    try newValue.execute(arguments: [name, value])
                    ids.append(db.lastInsertedRowID)
                }
            }
            guard !ids.isEmpty else { continue }
            if out.count > 1 { out += "," }
            DocumentSQL.jsonString(name, into: &out)
            out += ":[" + ids.sorted().map(String.init).joined(separator: ",") + "]"
        }
        return out + "}"
    }

    static func remove(_ db: Database, _ tenant: String, _ kind: Kind, _ id: String) throws {
        let find = try db.cachedStatement(sql: "SELECT rowid FROM discovery_rows WHERE tenant = ? AND kind = ? AND id = ?")
        guard let row = try Int64.fetchOne(find, arguments: [tenant, kind.rawValue, id]) else { return }
        for sql in [
            "DELETE FROM discovery_text WHERE rowid = ?", "DELETE FROM discovery_whole WHERE row = ?",
            "DELETE FROM discovery_rows WHERE rowid = ?",
        ] {
            try db.cachedStatement(sql: sql).execute(arguments: [row])
        }
    }

    /// Removes every entry of `tenant` (facet values stay: they are only names).
    static func purge(_ db: Database, _ tenant: String) throws {
        let rows = "SELECT rowid FROM discovery_rows WHERE tenant = ?"
        for statement in [
            "DELETE FROM discovery_text WHERE rowid IN (\(rows))",
            "DELETE FROM discovery_whole WHERE row IN (\(rows))",
            "DELETE FROM discovery_rows WHERE tenant = ?",
        ] {
            try db.execute(sql: statement, arguments: [tenant])
        }
    }
}
