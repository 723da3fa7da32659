import Foundation
import GRDB
import GRDBSQLite
import LecternStore

/// `lectern_rank(discovery_text, length, hits...)`: FTS5's `bm25` with the fields' weights,
/// higher is better, taking the entry's length and each phrase's document frequency as
/// arguments; and `lectern_length(sz)`, the length it takes.
///
/// `bm25` counts, on every query, the rows that match each phrase, by reading the phrase's
/// whole document list: for a common word (`the`, `history`) that costs more than ranking the
/// matches. The caller passes the counts instead, in phrase order (``DiscoveryMatch/phrases``),
/// from ``DocumentFrequencies``; the score is `bm25`'s formula otherwise (k1 = 1.2, b = 0.75,
/// the same IDF floor). Given a different number of counts than the query has phrases, it
/// counts them itself as `bm25` does.
///
/// The length is the entry's number of tokens, all fields together (`discovery_rows.length`).
/// FTS5 keeps it in a table of its own, one more page to read for each match of a search; the
/// search reads each match's row anyway. A `NULL` length is read from FTS5. It is written with
/// the entry, by `lectern_length(sz)` from FTS5's `discovery_text_docsize.sz` (a varint per
/// field, as SQLite writes varints): FTS5's own functions know a row's length only in a
/// `MATCH` query.
enum DiscoveryRank {
    static let name = "lectern_rank"
    static let lengthName = "lectern_length"

    static func register(_ db: Database) {
        let api = FTS5.api(db)
        _ = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), name, nil, rank, nil)
        _ = sqlite3_create_function_v2(db.sqliteConnection, lengthName, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil, length, nil, nil, nil)
    }

    /// The columns' weights, in table order.
    fileprivate static let weights = DiscoverySQL.columns.map(\.weight)
}

private let k1 = 1.2
private let b = 0.75

private func rank(
    api: UnsafePointer<Fts5ExtensionApi>?,
    fts: OpaquePointer?,
    context: OpaquePointer?,
    count: Int32,
    values: UnsafeMutablePointer<OpaquePointer?>?
) {
    guard let api = api?.pointee, let fts, let context else { return }
    let phrases = Int(api.xPhraseCount(fts))
    var rows: Int64 = 0
    var tokens: Int64 = 0
    guard api.xRowCount(fts, &rows) == SQLITE_OK, api.xColumnTotalSize(fts, -1, &tokens) == SQLITE_OK else {
        sqlite3_result_error_code(context, SQLITE_ERROR)
        return
    }
    let averageLength = rows > 0 ? Double(tokens) / Double(rows) : 1
    withUnsafeTemporaryAllocation(of: Double.self, capacity: max(phrases, 1) * 2) { buffer in
        let frequencies = UnsafeMutableBufferPointer(rebasing: buffer[0..<phrases])
        let hits = UnsafeMutableBufferPointer(rebasing: buffer[phrases..<(2 * phrases)])
        frequencies.initialize(repeating: 0)
        if Int(count) == phrases + 1, let values {
            for phrase in 0..<phrases { hits[phrase] = sqlite3_value_double(values[phrase + 1]) }
        } else {
            for phrase in 0..<phrases { hits[phrase] = Double(matchingRows(api, fts, phrase)) }
        }
        var instances: Int32 = 0
        guard api.xInstCount(fts, &instances) == SQLITE_OK else {
            sqlite3_result_error_code(context, SQLITE_ERROR)
            return
        }
        let weights = DiscoveryRank.weights
        for instance in 0..<instances {
            var phrase: Int32 = 0
            var column: Int32 = 0
            var offset: Int32 = 0
            guard api.xInst(fts, instance, &phrase, &column, &offset) == SQLITE_OK else { continue }
            frequencies[Int(phrase)] += Int(column) < weights.count ? weights[Int(column)] : 1
        }
        var length: Int32 = 0
        if count >= 1, let values, sqlite3_value_type(values[0]) == SQLITE_INTEGER {
            length = Int32(clamping: sqlite3_value_int64(values[0]))
        } else {
            _ = api.xColumnSize(fts, -1, &length)
        }
        var score = 0.0
        for phrase in 0..<phrases {
            var idf = log((Double(rows) - hits[phrase] + 0.5) / (hits[phrase] + 0.5))
            if idf <= 0 { idf = 1e-6 }
            let frequency = frequencies[phrase]
            score += idf * (frequency * (k1 + 1)) / (frequency + k1 * (1 - b + b * Double(length) / averageLength))
        }
        sqlite3_result_double(context, score)
    }
}

private func length(context: OpaquePointer?, count: Int32, values: UnsafeMutablePointer<OpaquePointer?>?) {
    guard let context, let values, count == 1, sqlite3_value_type(values[0]) == SQLITE_BLOB else {
        sqlite3_result_null(context)
        return
    }
    let bytes = UnsafeRawBufferPointer(start: sqlite3_value_blob(values[0]), count: Int(sqlite3_value_bytes(values[0])))
    guard let total = DocumentSizes.total(bytes) else {
        sqlite3_result_null(context)
        return
    }
    sqlite3_result_int64(context, total)
}

/// FTS5's `docsize` blob: one SQLite varint per field (big-endian groups of 7 bits, the high bit
/// set on every byte but the last; a ninth byte carries 8 bits).
enum DocumentSizes {
    /// The sum of the varints; `nil` if the bytes are not varints (one cut short).
    static func total(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        var total: Int64 = 0
        var at = 0
        while at < bytes.count {
            var value: UInt64 = 0
            var length = 0
            while true {
                guard at < bytes.count else { return nil }
                let byte = bytes[at]
                at += 1
                length += 1
                if length == 9 {
                    value = value << 8 | UInt64(byte)
                    break
                }
                value = value << 7 | UInt64(byte & 0x7F)
                if byte & 0x80 == 0 { break }
            }
            guard value <= UInt64(Int32.max) else { return nil }
            total += Int64(value)
        }
        return total
    }
}

/// How many rows match phrase `phrase` of the query, as `bm25` counts them.
private func matchingRows(_ api: Fts5ExtensionApi, _ fts: OpaquePointer, _ phrase: Int) -> Int64 {
    var rows: Int64 = 0
    _ = api.xQueryPhrase(fts, Int32(phrase), &rows) { _, _, counter in
        counter?.assumingMemoryBound(to: Int64.self).pointee += 1
        return SQLITE_OK
    }
    return rows
}
