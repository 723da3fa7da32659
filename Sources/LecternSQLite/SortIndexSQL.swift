import Foundation
import GRDB
import LecternStore

/// The SQL of ``SortIndex``es: a partial index of one kind's documents over the `fields` values
/// they are ordered by, and the literal expressions ``SQLiteStore`` queries with so that SQLite's
/// planner matches them to the index (a bound parameter in place of a path or a kind would not).
enum SortIndexSQL {
    /// Creates `index` unless it exists (on a large database, the first time takes a while).
    static func create(_ index: SortIndex, in db: Database) throws {
        // Filters compare as `=` does (binary); the order as queries sort, without case.
        let columns = index.filters.map(field) + index.fields.map { "\(field($0)) COLLATE NOCASE" } + ["id"]
        try db.execute(
            sql: """
                CREATE INDEX IF NOT EXISTS \(name(index)) ON documents (tenant, kind, \(columns.joined(separator: ", ")))
                WHERE kind = \(literal(index.kind.rawValue))
                """
        )
    }

    /// `json_extract(fields, '$."name"')`, as written in the index.
    static func field(_ name: String) -> String {
        "json_extract(fields, \(literal(path(name))))"
    }

    /// The JSON path of the field `name` in `fields`.
    static func path(_ name: String) -> String {
        "$.\"\(name.replacingOccurrences(of: "\"", with: ""))\""
    }

    /// `text` as an SQL string literal.
    static func literal(_ text: String) -> String {
        "'\(text.replacingOccurrences(of: "'", with: "''"))'"
    }

    private static func name(_ index: SortIndex) -> String {
        let filters = index.filters.isEmpty ? "" : "where_\(index.filters.joined(separator: "_"))_"
        let raw = "sort_\(index.kind.rawValue)_\(filters)by_\(index.fields.joined(separator: "_"))"
        return String(raw.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }
}
