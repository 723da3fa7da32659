import GRDB
import Synchronization

/// How many discovery entries match each phrase of a search, for ``DiscoveryRank``: counting the
/// entries with a common word reads its whole document list, so counts are kept while the index
/// has hardly changed.
///
/// A count is reused while the highest discovery row id (every new or rewritten entry takes a
/// new one, in any process) has moved by at most a thousandth of what it was when counted: a
/// relevance weight off by no more than that. A small index is counted anew after any write.
/// Purging an institution empties the cache.
final class DocumentFrequencies: Sendable {
    /// The most counts kept; when full, the cache starts over.
    static let capacity = 8192
    /// The most phrases counted for one search: each count is an argument of `lectern_rank`,
    /// and SQLite allows a function 127. A longer search gets none, and the function counts.
    static let phraseLimit = 100

    private struct Count {
        var hits: Int64
        var highestRow: Int64
    }

    private let counts = Mutex([String: Count]())

    /// The number of entries matching each of `phrases` (FTS5 queries), in order; none for
    /// more than ``phraseLimit`` phrases.
    func hits(_ db: Database, _ phrases: [String]) throws -> [Int64] {
        guard !phrases.isEmpty, phrases.count <= Self.phraseLimit else { return [] }
        let highestRow = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM discovery_rows") ?? 0
        let known = counts.withLock { counts in phrases.map { counts[$0] } }
        var hits: [Int64] = []
        var counted: [(String, Count)] = []
        for (phrase, count) in zip(phrases, known) {
            if let count, abs(highestRow - count.highestRow) <= count.highestRow / 1000 {
                hits.append(count.hits)
                continue
            }
            let statement = try db.cachedStatement(sql: "SELECT count(*) FROM discovery_text WHERE discovery_text MATCH ?")
            let matching = try Int64.fetchOne(statement, arguments: [phrase]) ?? 0
            hits.append(matching)
            counted.append((phrase, Count(hits: matching, highestRow: highestRow)))
        }
        if !counted.isEmpty {
            counts.withLock { counts in
                if counts.count + counted.count > Self.capacity { counts.removeAll(keepingCapacity: true) }
                for (phrase, count) in counted { counts[phrase] = count }
            }
        }
        return hits
    }

    func removeAll() {
        counts.withLock { $0.removeAll() }
    }
}
