import Foundation
import GRDB
import GRDBSQLite
import LecternStore

/// `lectern_rank(discovery_text, hits...)`: FTS5's `bm25` with the fields' weights, higher is
/// better, taking each phrase's document frequency as an argument.
///
/// `bm25` counts, on every query, the rows that match each phrase, by reading the phrase's
/// whole document list: for a common word (`the`, `history`) that costs more than ranking the
/// matches. The caller passes the counts instead, in phrase order (``DiscoveryMatch/phrases``),
/// from ``DocumentFrequencies``; the score is `bm25`'s formula otherwise (k1 = 1.2, b = 0.75,
/// the same IDF floor). Given a different number of counts than the query has phrases, it
/// counts them itself as `bm25` does.
enum DiscoveryRank {
    static let name = "lectern_rank"

    static func register(_ db: Database) {
        let api = FTS5.api(db)
        _ = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), name, nil, rank, nil)
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
        if Int(count) == phrases, let values {
            for phrase in 0..<phrases { hits[phrase] = sqlite3_value_double(values[phrase]) }
        } else {
            for phrase in 0..<phrases { hits[phrase] = Double(matchingRows(api, fts, phrase)) }
        }
        var instances: Int32 = 0
        guard api.xInstCount(fts, &instances) == SQLITE_OK else {
            sqlite3_result_error_code(context, SQLITE_ERROR)
            return
        }
        for instance in 0..<instances {
            var phrase: Int32 = 0
            var column: Int32 = 0
            var offset: Int32 = 0
            guard api.xInst(fts, instance, &phrase, &column, &offset) == SQLITE_OK else { continue }
            let weights = DiscoveryRank.weights
            frequencies[Int(phrase)] += Int(column) < weights.count ? weights[Int(column)] : 1
        }
        var length: Int32 = 0
        _ = api.xColumnSize(fts, -1, &length)
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

/// How many rows match phrase `phrase` of the query, as `bm25` counts them.
private func matchingRows(_ api: Fts5ExtensionApi, _ fts: OpaquePointer, _ phrase: Int) -> Int64 {
    var rows: Int64 = 0
    _ = api.xQueryPhrase(fts, Int32(phrase), &rows) { _, _, counter in
        counter?.assumingMemoryBound(to: Int64.self).pointee += 1
        return SQLITE_OK
    }
    return rows
}
