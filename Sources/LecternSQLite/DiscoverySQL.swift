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

/// The discovery index on SQLite: FTS5 finds and ranks text (``DiscoveryRank``), a second FTS5
/// table finds whole values (``DiscoveryExact``), and each entry's row holds its facet value
/// ids, which ``FacetTally`` counts.
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

    /// After the facets per row: `any` whole values without copies of their own.
    static func registerWholeValuesInAny(_ migrator: inout DatabaseMigrator) {
        // `any` repeats the whole values of the other fields, so its copies were half of all
        // whole-value rows. Each row now says whether its value is also one of `any`'s
        // (`in_any`), and only a value of `any` that no other field has keeps an `any` row.
        // The rows are clustered by field and value, which is what exact and begins-with
        // matches read; the row index serves deletes.
        migrator.registerMigration("v12 discovery whole values in any") { db in
            try db.execute(
                sql: """
                    CREATE TABLE discovery_whole_values (
                        field TEXT NOT NULL, value TEXT NOT NULL, row INTEGER NOT NULL, in_any INTEGER NOT NULL,
                        PRIMARY KEY (field, value, row)
                    ) WITHOUT ROWID;
                    INSERT OR IGNORE INTO discovery_whole_values (field, value, row, in_any)
                        SELECT w.field, w.value, w.row, EXISTS (
                            SELECT 1 FROM discovery_whole a WHERE a.field = 'any' AND a.value = w.value AND a.row = w.row
                        ) FROM discovery_whole w WHERE w.field <> 'any';
                    INSERT OR IGNORE INTO discovery_whole_values (field, value, row, in_any)
                        SELECT a.field, a.value, a.row, 1 FROM discovery_whole a WHERE a.field = 'any' AND NOT EXISTS (
                            SELECT 1 FROM discovery_whole w WHERE w.row = a.row AND w.value = a.value AND w.field <> 'any'
                        );
                    DROP TABLE discovery_whole;
                    ALTER TABLE discovery_whole_values RENAME TO discovery_whole;
                    CREATE INDEX discovery_whole_row ON discovery_whole (row);
                    """
            )
        }
    }

    /// After the whole values: each entry's row holds only what a search reads for every match.
    static func registerNarrowRows(_ migrator: inout DatabaseMigrator) {
        // A search reads the row of each of its matches, thousands of rows spread over the file,
        // mostly not yet in memory: the fewer pages the rows fill, the more of them stay cached.
        // The sort keys (read only to sort by title, author or date) move to `discovery_sort`,
        // and the facets name each facet by a code: a flat array of each facet's code, negated,
        // then its value ids (`[-2,77,88,-5,3]`). Value ids are positive, so a filter finds an id
        // among the array's values without knowing its facet. A third of the size before. The
        // row also keeps the entry's length for ranking (``DiscoveryRank``), which FTS5 keeps in
        // a table of its own: one page to read per match instead of two.
        migrator.registerMigration("v13 discovery narrow rows") { db in
            try db.execute(
                sql: """
                    CREATE TABLE discovery_facet_names (code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
                    INSERT INTO discovery_facet_names (name) SELECT DISTINCT facet FROM discovery_facet_values ORDER BY facet;
                    CREATE TABLE discovery_sort (rowid INTEGER PRIMARY KEY, sort TEXT NOT NULL);
                    INSERT INTO discovery_sort (rowid, sort) SELECT rowid, sort FROM discovery_rows WHERE sort <> '{}';
                    CREATE TABLE discovery_narrow_rows (
                        rowid INTEGER PRIMARY KEY,
                        tenant TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        id TEXT NOT NULL,
                        facets TEXT NOT NULL DEFAULT '[]',
                        length INTEGER,
                        UNIQUE (tenant, kind, id)
                    );
                    INSERT INTO discovery_narrow_rows (rowid, tenant, kind, id, facets, length)
                        SELECT r.rowid, r.tenant, r.kind, r.id, coalesce((
                            SELECT json_group_array(value) FROM (
                                SELECT value FROM (
                                    SELECT n.name, -1 AS position, -n.code AS value FROM json_each(r.facets) f
                                    JOIN discovery_facet_names n ON n.name = f.key
                                    UNION ALL
                                    SELECT f.key, i.key, i.value FROM json_each(r.facets) f, json_each(f.value) i
                                ) ORDER BY name, position
                            )
                        ), '[]'), (
                            SELECT \(DiscoveryRank.lengthName)(sz) FROM discovery_text_docsize WHERE id = r.rowid
                        ) FROM discovery_rows r ORDER BY r.rowid;
                    DROP TABLE discovery_rows;
                    ALTER TABLE discovery_narrow_rows RENAME TO discovery_rows;
                    CREATE INDEX discovery_rows_order ON discovery_rows (tenant, kind);
                    """
            )
        }
    }

    /// After the narrow rows: entries keep what a page of results shows (``DiscoveryEntry/display``)
    /// in a table of their own, read for a page's ten matches and not for the thousands a
    /// search ranks. Entries written before have none, and their families read the documents.
    static func registerDisplays(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v14 discovery displays") { db in
            try db.execute(sql: "CREATE TABLE discovery_display (rowid INTEGER PRIMARY KEY, display TEXT NOT NULL)")
        }
    }

    // MARK: - Writing

    /// Sets (or with `nil`, removes) the discovery entry of one document.
    static func set(_ db: Database, _ tenant: String, _ kind: Kind, _ id: String, _ entry: DiscoveryEntry?) throws {
        try set(db, tenant, [(kind, id, entry)])
    }

    /// Sets (or with `nil`, removes) the discovery entries of several documents, as setting
    /// them one after the other would: a document named twice keeps its last entry, and entries
    /// are numbered (which orders newest first) in the order given.
    ///
    /// A few statements for all of them, each reading its rows from a JSON array
    /// (`json_each`), instead of a few dozen per entry. The full-text rows go last: FTS5 writes
    /// its pending terms to disk whenever a later statement opens a savepoint.
    static func set(_ db: Database, _ tenant: String, _ entries: [(kind: Kind, id: String, entry: DiscoveryEntry?)]) throws {
        guard !entries.isEmpty else { return }
        var entries = entries
        if entries.count > 1 {
            var seen = Set<String>()
            entries = entries.reversed().filter { seen.insert($0.kind.rawValue + "\u{1F}" + $0.id).inserted }.reversed()
        }
        try remove(db, tenant, entries.map { ($0.kind, $0.id) })
        let kept = entries.compactMap { write in write.entry.map { (write.kind, write.id, $0) } }
        guard !kept.isEmpty else { return }
        let first = (try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(rowid) FROM discovery_rows")) ?? 0) + 1
        let facetIDs = try self.facetIDs(db, kept.map(\.2.facets))
        var rows = JSONRows()
        var sorts = JSONRows()
        var text = JSONRows()
        var wholeValues = JSONRows()
        var displays = JSONRows()
        for (offset, (kind, id, entry)) in kept.enumerated() {
            let row = first + Int64(offset)
            rows.append([kind.rawValue, id, facetIDs[offset]])
            if !entry.sort.isEmpty { sorts.append(row: row, [DocumentSQL.jsonObject(entry.sort)]) }
            if let display = entry.display { displays.append(row: row, [display]) }
            text.append(row: row, columns.map { entry.text[$0] ?? "" })
            let values = DiscoveryExact.columns(of: entry)
            if !values.inAny.isEmpty || !values.elsewhere.isEmpty { wholeValues.append(row: row, [values.inAny, values.elsewhere]) }
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO discovery_rows (rowid, tenant, kind, id, facets)
                SELECT ?1 + key, ?2, value ->> 0, value ->> 1, value ->> 2 FROM json_each(?3)
                """
        )
        .execute(arguments: [first, tenant, rows.text])
        for (table, column, values) in [("discovery_sort", "sort", sorts), ("discovery_display", "display", displays)] where !values.isEmpty {
            try db.cachedStatement(sql: "INSERT INTO \(table) (rowid, \(column)) SELECT value ->> 0, value ->> 1 FROM json_each(?)")
                .execute(arguments: [values.text])
        }
        if !wholeValues.isEmpty {
            try db.cachedStatement(
                sql: "INSERT INTO \(DiscoveryExact.table) (rowid, in_any, elsewhere) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)"
            )
            .execute(arguments: [wholeValues.text])
        }
        let names = columns.map(\.rawValue)
        try db.cachedStatement(
            sql: """
                INSERT INTO discovery_text (rowid, \(names.joined(separator: ", ")))
                SELECT value ->> 0, \(names.indices.map { "value ->> \($0 + 1)" }.joined(separator: ", ")) FROM json_each(?)
                """
        )
        .execute(arguments: [text.text])
        try db.cachedStatement(
            sql: """
                UPDATE discovery_rows SET length = (
                    SELECT \(DiscoveryRank.lengthName)(sz) FROM discovery_text_docsize WHERE id = discovery_rows.rowid
                ) WHERE rowid BETWEEN ? AND ?
                """
        )
        .execute(arguments: [first, first + Int64(kept.count) - 1])
    }

    /// Each entry's `facets` as `discovery_rows.facets` holds them (each facet's code, negated,
    /// then its value ids), new names and values getting their codes and ids first, in the
    /// order met; a few statements for all the entries.
    private static func facetIDs(_ db: Database, _ facets: [[String: [String]]]) throws -> [String] {
        var pairs = JSONRows()
        var pairIndex: [String: Int] = [:]
        var names = Set<String>()
        let named = facets.map { facets in
            facets.sorted { $0.key < $1.key }.compactMap { name, values -> (String, [Int])? in
                var seen = Set<String>()
                let indexes = values.filter { !$0.isEmpty && seen.insert($0).inserted }.map { value in
                    let key = name + "\u{1F}" + value
                    if let index = pairIndex[key] { return index }
                    pairIndex[key] = pairIndex.count
                    pairs.append([name, value])
                    return pairIndex.count - 1
                }
                guard !indexes.isEmpty else { return nil }
                names.insert(name)
                return (name, indexes)
            }
        }
        guard !pairs.isEmpty else { return named.map { _ in "[]" } }
        var ids = [Int64](repeating: 0, count: pairIndex.count)
        try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO discovery_facet_values (facet, value) SELECT value ->> 0, value ->> 1 FROM json_each(?)"
        )
        .execute(arguments: [pairs.text])
        let read = try db.cachedStatement(
            sql: """
                SELECT j.key, v.id FROM json_each(?) j
                CROSS JOIN discovery_facet_values v ON v.facet = j.value ->> 0 AND v.value = j.value ->> 1
                """
        )
        for row in try Row.fetchAll(read, arguments: [pairs.text]) { ids[row[0]] = row[1] }
        let codes = try self.codes(db, names)
        return named.map { facets in
            let groups = facets.compactMap { name, indexes in codes[name].map { (code: $0, ids: indexes.map { ids[$0] }.sorted()) } }
            let values = groups.sorted { $0.code < $1.code }.flatMap { [-$0.code] + $0.ids }
            return "[" + values.map(String.init).joined(separator: ",") + "]"
        }
    }

    /// The codes of facet `names`, new names getting theirs.
    private static func codes(_ db: Database, _ names: Set<String>) throws -> [String: Int64] {
        var list = "["
        for name in names.sorted() {
            if list.count > 1 { list += "," }
            DocumentSQL.jsonString(name, into: &list)
        }
        list += "]"
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO discovery_facet_names (name) SELECT value FROM json_each(?)")
            .execute(arguments: [list])
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT name, code FROM discovery_facet_names WHERE name IN (SELECT value FROM json_each(?))"),
            arguments: [list]
        )
        return Dictionary(uniqueKeysWithValues: rows.map { ($0[0], $0[1]) })
    }

    /// The tables that hold a part of an entry under its `discovery_rows` rowid: removing an
    /// entry removes its row from each, then from `discovery_rows`.
    private static let partTables = ["discovery_text", DiscoveryExact.table, "discovery_sort", "discovery_display"]

    /// Removes the entries of `documents`, if they have any.
    static func remove(_ db: Database, _ tenant: String, _ documents: [(kind: Kind, id: String)]) throws {
        var names = JSONRows()
        for (kind, id) in documents { names.append([kind.rawValue, id]) }
        let find = try db.cachedStatement(
            sql: """
                SELECT r.rowid FROM json_each(?2) j
                CROSS JOIN discovery_rows r ON r.tenant = ?1 AND r.kind = j.value ->> 0 AND r.id = j.value ->> 1
                """
        )
        for row in try Int64.fetchAll(find, arguments: [tenant, names.text]) {
            for table in partTables + ["discovery_rows"] {
                try db.cachedStatement(sql: "DELETE FROM \(table) WHERE rowid = ?").execute(arguments: [row])
            }
        }
    }

    /// Removes every entry of `tenant` (facet values stay: they are only names).
    static func purge(_ db: Database, _ tenant: String) throws {
        for table in partTables {
            try db.execute(sql: "DELETE FROM \(table) WHERE rowid IN (SELECT rowid FROM discovery_rows WHERE tenant = ?)", arguments: [tenant])
        }
        try db.execute(sql: "DELETE FROM discovery_rows WHERE tenant = ?", arguments: [tenant])
    }
}
