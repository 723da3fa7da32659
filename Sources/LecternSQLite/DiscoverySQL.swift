import Foundation
import GRDB
import LecternCore
import LecternStore

extension Reader {
    func discover(_ query: DiscoveryQuery) async throws -> DiscoveryPage {
        try await pool.read { try DiscoverySQL.discover($0, tenant, query) }
    }
}

extension Writer {
    func discover(_ query: DiscoveryQuery) async throws -> DiscoveryPage {
        try await pool.writeWithoutTransaction { try DiscoverySQL.discover($0, tenant, query) }
    }

    func setDiscovery(_ entry: DiscoveryEntry?, for kind: Kind, id: String) async throws {
        try await pool.writeWithoutTransaction { try DiscoverySQL.set($0, tenant, kind, id, entry) }
    }
}

/// The discovery index on SQLite: FTS5 ranks text (`bm25` with the fields' weights), plain
/// tables hold whole values and facet values, which the database counts.
enum DiscoverySQL {
    /// The FTS5 columns, in table order (the order of `bm25`'s weights).
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

    // MARK: - Writing

    static func set(_ db: Database, _ tenant: String, _ kind: Kind, _ id: String, _ entry: DiscoveryEntry?) throws {
        try remove(db, tenant, kind, id)
        guard let entry else { return }
        let sort = try JSONSerialization.data(withJSONObject: entry.sort, options: [.sortedKeys])
        try db.cachedStatement(sql: "INSERT INTO discovery_rows (tenant, kind, id, sort) VALUES (?, ?, ?, ?)")
            .execute(arguments: [tenant, kind.rawValue, id, String(decoding: sort, as: UTF8.self)])
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
        let facet = try db.cachedStatement(sql: "INSERT INTO discovery_facets (row, facet, value) VALUES (?, ?, ?)")
        for (name, values) in entry.facets {
            for value in Set(values) where !value.isEmpty { try facet.execute(arguments: [row, name, value]) }
        }
    }

    static func remove(_ db: Database, _ tenant: String, _ kind: Kind, _ id: String) throws {
        let find = try db.cachedStatement(sql: "SELECT rowid FROM discovery_rows WHERE tenant = ? AND kind = ? AND id = ?")
        guard let row = try Int64.fetchOne(find, arguments: [tenant, kind.rawValue, id]) else { return }
        for sql in [
            "DELETE FROM discovery_text WHERE rowid = ?", "DELETE FROM discovery_whole WHERE row = ?",
            "DELETE FROM discovery_facets WHERE row = ?", "DELETE FROM discovery_rows WHERE rowid = ?",
        ] {
            try db.cachedStatement(sql: sql).execute(arguments: [row])
        }
    }

    // MARK: - Searching

    static func discover(_ db: Database, _ tenant: String, _ query: DiscoveryQuery) throws -> DiscoveryPage {
        var filter = "r.tenant = ? AND r.kind IN (\(Array(repeating: "?", count: max(query.kinds.count, 1)).joined(separator: ", ")))"
        var arguments: StatementArguments = [tenant]
        arguments += StatementArguments(query.kinds.isEmpty ? [""] : query.kinds.map(\.rawValue))
        if let expression = query.expression {
            let (sql, expressionArguments) = predicate(expression)
            filter += " AND \(sql)"
            arguments += expressionArguments
        }
        for condition in query.filters {
            var sql = "SELECT row FROM discovery_facets WHERE facet = ? AND "
            var conditionArguments: StatementArguments = [condition.facet]
            if let range = condition.range {
                sql += "value BETWEEN ? AND ?"
                conditionArguments += [range.lowerBound, range.upperBound]
            } else {
                sql += "value IN (\(Array(repeating: "?", count: max(condition.values.count, 1)).joined(separator: ", ")))"
                conditionArguments += StatementArguments(condition.values.isEmpty ? [""] : condition.values)
            }
            filter += " AND r.rowid \(condition.exclude ? "NOT IN" : "IN") (\(sql))"
            arguments += conditionArguments
        }

        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM discovery_rows r WHERE \(filter)", arguments: arguments) ?? 0

        let rank = query.expression.map(rankQuery) ?? ""
        var sql = "SELECT r.kind, r.id, COALESCE(s.score, 0) AS score FROM discovery_rows r "
        var pageArguments: StatementArguments = []
        if rank.isEmpty {
            sql += "LEFT JOIN (SELECT NULL AS rowid, 0 AS score) s ON 0 "
        } else {
            let weights = columns.map { String($0.weight) }.joined(separator: ", ")
            sql += """
                LEFT JOIN (SELECT rowid, -bm25(discovery_text, \(weights)) AS score FROM discovery_text WHERE discovery_text MATCH ?) s
                ON s.rowid = r.rowid 
                """
            pageArguments += [rank]
        }
        sql += "WHERE \(filter) ORDER BY "
        pageArguments += arguments
        switch query.order {
        case .relevance:
            sql += "score DESC, r.rowid"
        case .key(let key, let descending):
            sql += "json_extract(r.sort, ?) COLLATE NOCASE \(descending ? "DESC" : "ASC"), score DESC, r.rowid"
            pageArguments += ["$.\"\(key.replacingOccurrences(of: "\"", with: ""))\""]
        }
        sql += " LIMIT ? OFFSET ?"
        pageArguments += [query.limit, query.offset]
        let matches = try Row.fetchAll(db, sql: sql, arguments: pageArguments).map { row in
            DiscoveryPage.Match(kind: Kind(rawValue: row["kind"]), id: row["id"], score: row["score"])
        }

        var facets: [String: [(value: String, count: Int)]] = [:]
        if !query.facetNames.isEmpty {
            var facetArguments = StatementArguments(query.facetNames)
            facetArguments += arguments
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT facet, value, COUNT(*) AS count FROM discovery_facets
                    WHERE facet IN (\(Array(repeating: "?", count: query.facetNames.count).joined(separator: ", ")))
                    AND row IN (SELECT r.rowid FROM discovery_rows r WHERE \(filter))
                    GROUP BY facet, value ORDER BY facet, count DESC, value
                    """,
                arguments: facetArguments
            )
            for row in rows {
                let name: String = row["facet"]
                if facets[name, default: []].count < query.facetValueLimit {
                    facets[name, default: []].append((value: row["value"], count: row["count"]))
                }
            }
        }
        return DiscoveryPage(matches: matches, total: total, facets: facets)
    }

    /// An SQL condition on `r.rowid` for `expression`, with its arguments.
    private static func predicate(_ expression: DiscoveryExpression) -> (String, StatementArguments) {
        switch expression {
        case .words(let field, let words):
            let match = matchExpression(field, words, phrase: false)
            return match.isEmpty ? ("1", []) : ("r.rowid IN (SELECT rowid FROM discovery_text WHERE discovery_text MATCH ?)", [match])
        case .phrase(let field, let words):
            let match = matchExpression(field, words, phrase: true)
            return match.isEmpty ? ("1", []) : ("r.rowid IN (SELECT rowid FROM discovery_text WHERE discovery_text MATCH ?)", [match])
        case .whole(let field, let words, let prefix):
            let value = words.joined(separator: " ")
            if prefix {
                return (
                    "r.rowid IN (SELECT row FROM discovery_whole WHERE field = ? AND substr(value, 1, ?) = ?)",
                    [field.rawValue, value.count, value]
                )
            }
            return ("r.rowid IN (SELECT row FROM discovery_whole WHERE field = ? AND value = ?)", [field.rawValue, value])
        case .and(let operands), .or(let operands):
            // No operands: AND holds for everything, OR for nothing.
            guard !operands.isEmpty else { return (expression == .and([]) ? "1" : "0", []) }
            let joiner = if case .and = expression { " AND " } else { " OR " }
            var parts: [String] = []
            var arguments: StatementArguments = []
            for operand in operands {
                let (sql, operandArguments) = predicate(operand)
                parts.append(sql)
                arguments += operandArguments
            }
            return ("(" + parts.joined(separator: joiner) + ")", arguments)
        case .andNot(let positive, let negative):
            let (keep, keepArguments) = predicate(positive)
            let (drop, dropArguments) = predicate(negative)
            var arguments = keepArguments
            arguments += dropArguments
            return ("(\(keep) AND NOT \(drop))", arguments)
        }
    }

    /// An FTS5 query: each word quoted (so no word is read as syntax), a word ending in `*` a prefix.
    private static func matchExpression(_ field: DiscoveryField?, _ words: [String], phrase: Bool) -> String {
        let quoted = words.compactMap { word -> String? in
            let isPrefix = word.hasSuffix("*")
            let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: "*"))
            guard !bare.isEmpty else { return nil }
            return "\"\(bare.replacingOccurrences(of: "\"", with: "\"\""))\"" + (isPrefix && !phrase ? "*" : "")
        }
        guard !quoted.isEmpty else { return "" }
        let column = field.map { "\($0.rawValue) : " } ?? ""
        if phrase {
            // One FTS5 phrase: the words' quoted forms joined with `+`.
            return column + quoted.joined(separator: " + ")
        }
        return quoted.map { column + $0 }.joined(separator: " AND ")
    }

    /// The FTS5 query whose `bm25` ranks the matches: every positive word, and the words of each
    /// clause as a phrase too, so that the exact phrase ranks above the same words scattered.
    private static func rankQuery(_ expression: DiscoveryExpression) -> String {
        var parts: [String] = []
        func collect(_ expression: DiscoveryExpression) {
            switch expression {
            case .words(_, let words), .phrase(_, let words), .whole(_, let words, _):
                for word in words {
                    let match = matchExpression(nil, [word], phrase: false)
                    if !match.isEmpty { parts.append(match) }
                }
                if words.count > 1 {
                    let phrase = matchExpression(nil, words, phrase: true)
                    if !phrase.isEmpty { parts.append(phrase) }
                }
            case .and(let operands), .or(let operands):
                operands.forEach(collect)
            case .andNot(let positive, _):
                collect(positive)
            }
        }
        collect(expression)
        return parts.joined(separator: " OR ")
    }
}
