import Foundation
import GRDB
import GRDBSQLite
import LecternStore

/// Discovery search on SQLite, bounded: whatever the words, it reads at most
/// ``exactLimit`` + 1 matches, newest first, and ranks, sorts and counts facets over them.
///
/// Up to ``exactLimit`` matches everything is exact: the total, the order, the facet counts.
/// Above, the total is estimated from how far into the institution's entries the newest
/// ``exactLimit`` matches reach, and the newest ``sampleLimit`` matches (as many as a client
/// can page through) are ranked and their facets counted, scaled to the estimate; a sort by
/// title, author or date orders the newest ``exactLimit``. Counting, ranking and faceting
/// every match of a common word (`the`, `history`) would read hundreds of thousands of rows
/// per search.
enum DiscoverySearch {
    static let exactLimit = 10_000
    /// Above ``exactLimit`` matches, the ranking and the facet counts take this many, the newest.
    static let sampleLimit = 2_000

    private struct Candidate {
        var row: Int64
        var score = 0.0
        var key: String?
    }

    static func discover(_ db: Database, _ tenant: String, _ query: DiscoveryQuery, frequencies: DocumentFrequencies) throws -> DiscoveryPage {
        let empty = DiscoveryPage(matches: [], total: 0, facets: [:])
        let match = DiscoveryMatch(query.expression)
        guard !match.matchesNothing, !query.kinds.isEmpty else { return empty }
        var conditions = match.conditions
        for filter in query.filters {
            let ids = try valueIDs(db, filter)
            guard !ids.isEmpty else {
                if filter.exclude { continue } else { return empty }
            }
            // Value ids are unique across facets, and facet codes in the array are negative.
            let list = ids.map(String.init).joined(separator: ", ")
            let exists = "EXISTS (SELECT 1 FROM json_each(r.facets) WHERE value IN (\(list)))"
            conditions.append((filter.exclude ? "NOT \(exists)" : exists, []))
        }

        // Every match of the text is one of the search's when nothing else narrows it, in a
        // database that holds only entries the search can find.
        var textAlone = false
        if case .relevance = query.order, match.fullText != nil, conditions.isEmpty {
            textAlone = try holdsOnly(db, tenant, query.kinds)
        }
        // The phrases' document frequencies, read once, when needed.
        var phraseHits: [Int64]?
        func hits() throws -> [Int64] {
            if let phraseHits { return phraseHits }
            let read = try frequencies.hits(db, match.phrases)
            phraseHits = read
            return read
        }
        // A search for one phrase whose every match is a candidate, when the phrase's kept count
        // (``DocumentFrequencies``) says which matches to rank, reads them in one ranking pass:
        // not once to find them and again to rank them. Either the count is at most nine tenths
        // of ``exactLimit`` (room for entries written since it was counted), and the pass reads
        // them all; or it is at least twice that, and it is the total (a count kept from before
        // some entries were deleted is still above ``exactLimit``, unless they were thousands),
        // and the pass reads the newest ``sampleLimit``. The pass finds out for sure: fewer than
        // it asked for are all the matches, whatever the count said; more than ``exactLimit``
        // (a count too low) are searched the candidates' way below.
        if textAlone, let rankedText = match.rankedText, match.phrases.count == 1, let count = try hits().first,
            count <= exactLimit * 9 / 10 || count >= 2 * exactLimit
        {
            let knownTotal = count >= 2 * exactLimit ? Int(count) : nil
            let limit = knownTotal == nil ? exactLimit + 1 : sampleLimit
            let facetLimit = query.facetNames.isEmpty ? nil : query.facetValueLimit
            var (ranked, tally) = try rankNewest(db, rankedText, hits: hits(), limit: limit, facetLimit: facetLimit)
            if let total = ranked.count < limit ? ranked.count : knownTotal {
                ranked.sort(by: isRankedBefore)
                return try page(db, ranked, total: total, tally: tally, scale: Double(total) / Double(max(ranked.count, 1)), query)
            }
        }
        let read = try candidates(db, tenant, query, match.fullText, conditions, textAlone: textAlone)
        let isExact = read.count <= exactLimit
        let total = isExact ? read.count : try estimatedTotal(db, tenant, query.kinds, sampleEnd: read[exactLimit].row)
        // The matches whose facets are counted: all of them, or the newest ``sampleLimit``.
        let counted = isExact ? read : Array(read.prefix(sampleLimit))
        let facetLimit = query.facetNames.isEmpty || read.isEmpty ? nil : query.facetValueLimit
        var tally: String?
        var ordered: [Candidate]
        switch query.order {
        case .relevance:
            ordered = counted
            if let rankedText = match.rankedText, let oldest = ordered.last?.row {
                tally = try rank(&ordered, db, rankedText, hits: hits(), from: oldest, facetLimit: facetLimit)
            }
            ordered.sort(by: isRankedBefore)
        case .key(_, let descending):
            ordered = Array(read.prefix(exactLimit))
            sortByKey(&ordered, descending: descending)
        }

        if let facetLimit, tally == nil { tally = try facetTally(db, rows: counted.map(\.row), limit: facetLimit) }
        return try page(db, ordered, total: total, tally: tally, scale: isExact ? 1 : Double(total) / Double(counted.count), query)
    }

    /// Best first; among equals, the newer first.
    private static func isRankedBefore(_ a: Candidate, _ b: Candidate) -> Bool {
        (a.score, b.row) > (b.score, a.row)
    }

    /// The page `query` asks for of the `ordered` matches, with the facet counts of `tally`
    /// (none without) multiplied by `scale`.
    private static func page(
        _ db: Database,
        _ ordered: [Candidate],
        total: Int,
        tally: String?,
        scale: Double,
        _ query: DiscoveryQuery
    ) throws -> DiscoveryPage {
        let start = min(query.offset, ordered.count)
        let end = min(start + max(query.limit, 0), ordered.count)
        let matches = try named(db, Array(ordered[start..<end]))
        let facets = try tally.map { try facetCounts(db, tally: $0, names: query.facetNames, scale: scale) } ?? [:]
        return DiscoveryPage(matches: matches, total: total, facets: facets)
    }

    // MARK: - Reading the matches

    /// The matching rows, newest first, at most ``exactLimit`` + 1: FTS5 drives when there is text to
    /// match (alone, when every match of the text is a candidate: `textAlone`), the tenant's
    /// rows of each kind otherwise.
    private static func candidates(
        _ db: Database,
        _ tenant: String,
        _ query: DiscoveryQuery,
        _ fullText: String?,
        _ conditions: [(sql: String, arguments: StatementArguments)],
        textAlone: Bool
    ) throws -> [Candidate] {
        let limit = exactLimit + 1
        var filter = ""
        var filterArguments: StatementArguments = []
        for condition in conditions {
            filter += " AND \(condition.sql)"
            filterArguments += condition.arguments
        }
        var keyColumn = "NULL"
        var keyJoin = ""
        var keyArguments: StatementArguments = []
        if case .key(let key, _) = query.order {
            keyColumn = "lower(json_extract(s.sort, ?))"
            keyJoin = " LEFT JOIN discovery_sort s ON s.rowid = r.rowid"
            keyArguments = ["$.\"\(key.replacingOccurrences(of: "\"", with: ""))\""]
        }
        func read(_ sql: String, _ arguments: StatementArguments) throws -> [Candidate] {
            var candidates: [Candidate] = []
            candidates.reserveCapacity(limit)
            // A cursor reads each row in place, without copying ten thousand rows first.
            let statement = try db.makeStatement(sql: sql)
            let rows = try Row.fetchCursor(statement, arguments: arguments)
            let columns = statement.sqliteStatement
            while try rows.next() != nil {
                let key = sqlite3_column_text(columns, 1).map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: Int(sqlite3_column_bytes(columns, 1))), as: UTF8.self)
                }
                candidates.append(Candidate(row: sqlite3_column_int64(columns, 0), key: key))
            }
            return candidates
        }
        if let fullText, textAlone {
            return try read(
                "SELECT rowid, NULL FROM discovery_text WHERE discovery_text MATCH ? ORDER BY rowid DESC LIMIT ?",
                [fullText, limit]
            )
        }
        if let fullText {
            let kinds = databaseQuestionMarks(count: query.kinds.count)
            var arguments = keyArguments
            arguments += [fullText, tenant]
            arguments += StatementArguments(query.kinds.map(\.rawValue))
            arguments += filterArguments
            arguments += [limit]
            return try read(
                """
                SELECT r.rowid, \(keyColumn) FROM discovery_text CROSS JOIN discovery_rows r ON r.rowid = discovery_text.rowid\(keyJoin)
                WHERE discovery_text MATCH ? AND r.tenant = ? AND r.kind IN (\(kinds))\(filter)
                ORDER BY discovery_text.rowid DESC LIMIT ?
                """,
                arguments
            )
        }
        var all: [Candidate] = []
        for kind in query.kinds {
            var arguments = keyArguments
            arguments += [tenant, kind.rawValue]
            arguments += filterArguments
            arguments += [limit]
            all += try read(
                "SELECT r.rowid, \(keyColumn) FROM discovery_rows r\(keyJoin) WHERE r.tenant = ? AND r.kind = ?\(filter) ORDER BY r.rowid DESC LIMIT ?",
                arguments
            )
        }
        if query.kinds.count > 1 { all.sort { $0.row > $1.row } }
        return Array(all.prefix(limit))
    }

    /// Whether every discovery entry in the database is `tenant`'s and of one of `kinds`, as in
    /// a database that serves one institution: then every full-text match is a candidate, and
    /// the matches need not be looked up one by one to check. A few index seeks: no entry of
    /// another tenant before or after it, none of another kind before, between or after `kinds`.
    private static func holdsOnly(_ db: Database, _ tenant: String, _ kinds: [Kind]) throws -> Bool {
        let sorted = Set(kinds.map(\.rawValue)).sorted()
        var gaps: [(sql: String, arguments: StatementArguments)] = [
            ("tenant < ?", [tenant]), ("tenant > ?", [tenant]),
            ("tenant = ? AND kind < ?", [tenant, sorted[0]]), ("tenant = ? AND kind > ?", [tenant, sorted[sorted.count - 1]]),
        ]
        for (low, high) in zip(sorted, sorted.dropFirst()) {
            gaps.append(("tenant = ? AND kind > ? AND kind < ?", [tenant, low, high]))
        }
        for gap in gaps {
            let statement = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM discovery_rows WHERE \(gap.sql))")
            if try Bool.fetchOne(statement, arguments: gap.arguments) == true { return false }
        }
        return true
    }

    /// The ids of the facet values `filter` names (or whose values fall in its range).
    private static func valueIDs(_ db: Database, _ filter: FacetFilter) throws -> [Int64] {
        if let range = filter.range {
            return try Int64.fetchAll(
                db,
                sql: "SELECT id FROM discovery_facet_values WHERE facet = ? AND value BETWEEN ? AND ?",
                arguments: [filter.facet, range.lowerBound, range.upperBound]
            )
        }
        guard !filter.values.isEmpty else { return [] }
        var arguments: StatementArguments = [filter.facet]
        arguments += StatementArguments(filter.values)
        return try Int64.fetchAll(
            db,
            sql:
                "SELECT id FROM discovery_facet_values WHERE facet = ? AND value IN (\(databaseQuestionMarks(count: filter.values.count)))",
            arguments: arguments
        )
    }

    /// How many entries match, from a sample that ends at row `sampleEnd` (the first match
    /// past ``exactLimit``, newest first): the sample's share of the tenant's rows, by rowid.
    private static func estimatedTotal(_ db: Database, _ tenant: String, _ kinds: [Kind], sampleEnd: Int64) throws -> Int {
        var span = 0.0
        var covered = 0.0
        for kind in kinds {
            // Two statements: SQLite finds a lone min() or max() at one end of the index, but
            // reads the whole range for both in one.
            let arguments: StatementArguments = [tenant, kind.rawValue]
            guard let low = try Int64.fetchOne(db, sql: "SELECT min(rowid) FROM discovery_rows WHERE tenant = ? AND kind = ?", arguments: arguments),
                let high = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM discovery_rows WHERE tenant = ? AND kind = ?", arguments: arguments)
            else { continue }
            span += Double(high - low + 1)
            if high >= sampleEnd { covered += Double(high - max(sampleEnd, low) + 1) }
        }
        let sampled = Double(exactLimit + 1)
        guard covered > 0 else { return exactLimit + 1 }
        return max(exactLimit + 1, Int((sampled * span / covered).rounded()))
    }

    // MARK: - Order, page, facets

    /// Scores `candidates` by relevance (``DiscoveryRank``: `bm25` with the fields' weights,
    /// higher is better), reading the matches of `rankedText` (``DiscoveryMatch/rankedText``, the
    /// same matches as the search's text) from row `oldest` on, given its phrases' document
    /// frequencies. With a `facetLimit`, the candidates' facets are tallied (``FacetTally``) from
    /// the same rows, which are then read once, not twice: the tally is returned.
    private static func rank(
        _ candidates: inout [Candidate],
        _ db: Database,
        _ rankedText: String,
        hits: [Int64],
        from oldest: Int64,
        facetLimit: Int?
    ) throws -> String? {
        var positions: [Int64: Int] = [:]
        positions.reserveCapacity(candidates.count)
        for (position, candidate) in candidates.enumerated() { positions[candidate.row] = position }
        let tally = facetLimit.map { FacetTally.onSpare(limit: $0) }
        try rankedRows(db, rankedText, hits: hits, "AND discovery_text.rowid >= ?2", oldest) { row, score, facets in
            // Rows of other institutions, or that other conditions leave out, are no candidates.
            guard let position = positions[row] else { return }
            candidates[position].score = score
            if let tally, let facets { tally.counts.step(facets) }
        }
        return tally?.finish()
    }

    /// The newest `limit` matches of `rankedText`, scored, newest first, with their facets'
    /// tally (none when there are none), as ``rank(_:_:_:hits:from:facetLimit:)`` gives them for
    /// candidates.
    private static func rankNewest(
        _ db: Database,
        _ rankedText: String,
        hits: [Int64],
        limit: Int,
        facetLimit: Int?
    ) throws -> (ranked: [Candidate], tally: String?) {
        var ranked: [Candidate] = []
        let tally = facetLimit.map { FacetTally.onSpare(limit: $0) }
        try rankedRows(db, rankedText, hits: hits, "ORDER BY discovery_text.rowid DESC LIMIT ?2", Int64(limit)) { row, score, facets in
            ranked.append(Candidate(row: row, score: score))
            if let tally, let facets { tally.counts.step(facets) }
        }
        let counts = tally?.finish()
        return (ranked, ranked.isEmpty ? nil : counts)
    }

    /// Reads the matches of `rankedText` that `bound` (SQL after the match, with `?2`, which is
    /// `boundValue`) selects, handing `visit` each one's row id, score and facets' text. Each
    /// row's columns are read where SQLite holds them (the facets' text is not copied).
    private static func rankedRows(
        _ db: Database,
        _ rankedText: String,
        hits: [Int64],
        _ bound: String,
        _ boundValue: Int64,
        visit: (_ row: Int64, _ score: Double, _ facets: UnsafeBufferPointer<UInt8>?) -> Void
    ) throws {
        var arguments: StatementArguments = [rankedText, boundValue]
        arguments += StatementArguments(hits)
        let counts = hits.indices.map { ", ?\($0 + 3)" }.joined()
        let statement = try db.cachedStatement(
            sql: """
                SELECT r.rowid, \(DiscoveryRank.name)(discovery_text, r.length\(counts)), r.facets
                FROM discovery_text CROSS JOIN discovery_rows r ON r.rowid = discovery_text.rowid
                WHERE discovery_text MATCH ?1 \(bound)
                """
        )
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        let columns = statement.sqliteStatement
        while try rows.next() != nil {
            let facets = sqlite3_column_text(columns, 2).map {
                UnsafeBufferPointer(start: $0, count: Int(sqlite3_column_bytes(columns, 2)))
            }
            visit(sqlite3_column_int64(columns, 0), sqlite3_column_double(columns, 1), facets)
        }
    }

    /// Orders by sort key as SQLite orders text (absent first, then by UTF-8 bytes), then by row.
    private static func sortByKey(_ candidates: inout [Candidate], descending: Bool) {
        candidates.sort { left, right in
            guard left.key != right.key else { return left.row < right.row }
            guard let a = left.key else { return !descending }
            guard let b = right.key else { return descending }
            return descending ? b.utf8.lexicographicallyPrecedes(a.utf8) : a.utf8.lexicographicallyPrecedes(b.utf8)
        }
    }

    /// The page's kinds and ids, in the page's order.
    private static func named(_ db: Database, _ page: [Candidate]) throws -> [DiscoveryPage.Match] {
        guard !page.isEmpty else { return [] }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT r.rowid, r.kind, r.id, d.display FROM discovery_rows r LEFT JOIN discovery_display d ON d.rowid = r.rowid
                WHERE r.rowid IN (\(page.map { String($0.row) }.joined(separator: ", ")))
                """
        )
        var byRow: [Int64: (kind: String, id: String, display: String?)] = [:]
        for row in rows { byRow[row[0]] = (row[1], row[2], row[3]) }
        return page.compactMap { candidate in
            byRow[candidate.row].map {
                DiscoveryPage.Match(kind: Kind(rawValue: $0.kind), id: $0.id, score: candidate.score, display: $0.display)
            }
        }
    }

    /// The ``FacetTally`` of `rows`, at most `limit` values per facet, by the database.
    private static func facetTally(_ db: Database, rows: [Int64], limit: Int) throws -> String {
        let rowList = "[" + rows.map(String.init).joined(separator: ",") + "]"
        let statement = try db.cachedStatement(
            sql: "SELECT \(FacetTally.name)(r.facets, ?2) FROM discovery_rows r WHERE r.rowid IN (SELECT value FROM json_each(?1))"
        )
        return try String.fetchOne(statement, arguments: [rowList, limit]) ?? "[]"
    }

    /// The counts of a ``FacetTally``'s values of facets `names` with their names, most frequent
    /// first, each multiplied by `scale` (1 when the tally counted all the matches). Among values
    /// counted equally at the cut, the tally kept the first indexed.
    private static func facetCounts(
        _ db: Database,
        tally: String,
        names: [String],
        scale: Double
    ) throws -> [String: [(value: String, count: Int)]] {
        let counted = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT n.name, v.value, t.value ->> 2 AS count
                    FROM json_each(?1) t
                    JOIN discovery_facet_names n ON n.code = t.value ->> 0 AND n.name IN (\(databaseQuestionMarks(count: names.count)))
                    JOIN discovery_facet_values v ON v.id = t.value ->> 1
                    ORDER BY 1, count DESC, v.value
                    """
            ),
            arguments: [tally] + StatementArguments(names)
        )
        var facets: [String: [(value: String, count: Int)]] = [:]
        while let row = try counted.next() {
            let name: String = row[0]
            let count: Int = row[2]
            facets[name, default: []].append((value: row[1], count: scale == 1 ? count : max(1, Int((Double(count) * scale).rounded()))))
        }
        return facets
    }
}
