import Foundation
import GRDB
import LecternStore

/// Whole values (``DiscoveryEntry/wholeValues``, for `exact` and `begins_with`) as words of a
/// full-text table of their own, `discovery_exact`: a value is its words, the first one joined
/// to its field's name, the last to an end mark (`title_war and peace_e`). Its tokenizer keeps
/// `_` inside words, which normalized text never has, so no searched word can be one of these.
///
/// - `title,exact,war and peace` is the phrase `"title_war and peace_e"`;
/// - `title,begins_with,war and p` is the phrase `"title_war and p" *`, whose last word is a
///   prefix: it starts `p`, `peace` or `peace_e`, so the value starts with the text;
/// - a phrase never spans two values: only a value's first word has the field's name.
///
/// Values that `any` repeats are in the column `in_any`, the others in `elsewhere`: a field's
/// values are in either column, `any`'s are its own (named `any`) and those of every field in
/// `in_any`. One row per entry, with its rowid; an import appends them, where whole values as
/// rows of a plain index were each inserted at their place in it (two and a half times the
/// time of all the other full text).
enum DiscoveryExact {
    static let table = "discovery_exact"

    static func register(_ migrator: inout DatabaseMigrator) {
        // Each row's values, by the same rule as ``columns(of:)``; the exact and begins-with
        // conditions (``match(_:_:prefix:)``) then read this table instead of `discovery_whole`.
        migrator.registerMigration("v15 discovery whole values as words") { db in
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE \(table) USING fts5(
                        in_any, elsewhere, tokenize = 'unicode61 remove_diacritics 2 tokenchars ''_''', columnsize = 0
                    );
                    INSERT INTO \(table) (rowid, in_any, elsewhere)
                        SELECT row,
                            coalesce(group_concat(CASE WHEN in_any THEN field || '_' || value || '_e' END, ' '), ''),
                            coalesce(group_concat(CASE WHEN NOT in_any THEN field || '_' || value || '_e' END, ' '), '')
                        FROM discovery_whole GROUP BY row ORDER BY row;
                    DROP TABLE discovery_whole;
                    """
            )
        }
    }

    /// The columns `in_any` and `elsewhere` of `entry`: each distinct value of a field once,
    /// in `in_any` when `any` has it too; and `any`'s values that no other field has, in `in_any`.
    static func columns(of entry: DiscoveryEntry) -> (inAny: String, elsewhere: String) {
        let anyValues = Set(entry.wholeValues[.any] ?? [])
        var inAny = ""
        var elsewhere = ""
        var repeated = Set<String>()
        for field in DiscoveryField.allCases where field != .any {
            guard let values = entry.wholeValues[field] else { continue }
            var seen = Set<String>()
            for value in values where seen.insert(value).inserted {
                if anyValues.contains(value) {
                    repeated.insert(value)
                    append(field, value, to: &inAny)
                } else {
                    append(field, value, to: &elsewhere)
                }
            }
        }
        var seen = Set<String>()
        for value in entry.wholeValues[.any] ?? [] where !repeated.contains(value) && seen.insert(value).inserted {
            append(.any, value, to: &inAny)
        }
        return (inAny, elsewhere)
    }

    private static func append(_ field: DiscoveryField, _ value: String, to column: inout String) {
        if !column.isEmpty { column += " " }
        column += field.rawValue + "_" + value + "_e"
    }

    /// The condition on `r.rowid` that one of `field`'s whole values is `words` (or, with
    /// `prefix`, starts with them), with its argument.
    static func match(_ field: DiscoveryField, _ words: [String], prefix: Bool) -> (sql: String, arguments: StatementArguments) {
        let text = words.joined(separator: " ")
        func phrase(_ field: DiscoveryField) -> String {
            let value = field.rawValue + "_" + text + (prefix ? "" : "_e")
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (prefix ? " *" : "")
        }
        let query =
            field == .any
            ? "in_any : (" + DiscoveryField.allCases.map(phrase).joined(separator: " OR ") + ")"
            : phrase(field)
        return ("r.rowid IN (SELECT rowid FROM \(table) WHERE \(table) MATCH ?)", [query])
    }
}
