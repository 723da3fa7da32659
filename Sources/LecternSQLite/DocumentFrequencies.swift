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
            let matching = try matchCount(db, phrase, highestRow: highestRow)
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

    /// The most entries counted one by one for a phrase: the count of a more common one is
    /// estimated (see ``matchCount(_:_:highestRow:)``).
    let countLimit: Int

    init(countLimit: Int = 10_000) {
        self.countLimit = countLimit
    }

    /// How many entries match `phrase`: counted up to ``countLimit``; above, estimated from the
    /// share of all entries' row ids that the newest ``countLimit`` + 1 matches span. A common
    /// word (`the`, in a third of a large catalogue) would have its whole document list read;
    /// its weight in the ranking hardly changes with a count a few percent off.
    private func matchCount(_ db: Database, _ phrase: String, highestRow: Int64) throws -> Int64 {
        let statement = try db.cachedStatement(
            sql: "SELECT count(*), min(rowid) FROM (SELECT rowid FROM discovery_text WHERE discovery_text MATCH ? ORDER BY rowid DESC LIMIT ?)"
        )
        guard let counted = try Row.fetchOne(statement, arguments: [phrase, countLimit + 1]) else { return 0 }
        let matching: Int64 = counted[0]
        guard matching > countLimit, let oldestCounted: Int64 = counted[1],
            let lowestRow = try Int64.fetchOne(db, sql: "SELECT min(rowid) FROM discovery_rows"), highestRow >= oldestCounted
        else { return matching }
        let share = Double(highestRow - oldestCounted + 1) / Double(max(highestRow - lowestRow + 1, 1))
        return max(matching, Int64((Double(matching) / share).rounded()))
    }

    func removeAll() {
        counts.withLock { $0.removeAll() }
    }
}
