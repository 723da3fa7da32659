import LecternCore
import LecternDiscovery
public import LecternMARC
public import LecternStore

/// Imports many records into one tenant's catalogue, each as ``Catalogue/importRecord(_:)``
/// does, a batch to a transaction of a ``BulkStore``.
///
/// A batch goes in segments: the stored bibs, system numbers and barcodes that a run of
/// records names are looked up in a few statements; the records are matched in file order;
/// their documents and discovery entries are built and rendered on every core; then they are
/// written. A record that names what an earlier record of the segment writes (the same bib,
/// 001, 035 or barcode) ends the segment, and is matched, after the segment is written,
/// against what the store then holds: as if the records had been imported one by one.
public struct CatalogImporter: Sendable {
    private let planner: ImportPlanner

    /// The importer of `institution`'s catalogue, with its codes read through `reader` once
    /// for the whole import; its writes are `created_by` `user`.
    public static func load(institution: String, user: String = "import", from reader: any StoreReader) async throws -> CatalogImporter {
        let planner = ImportPlanner(
            ids: CatalogIDs(institution: institution),
            codes: try await CatalogCodes.load(from: reader),
            stamp: CatalogStamp(),
            user: user
        )
        return CatalogImporter(planner: planner)
    }

    private init(planner: ImportPlanner) {
        self.planner = planner
    }

    /// Imports `records` in `writer`'s transaction.
    ///
    /// Identifiers are reserved in blocks (the unused rest of the last block is skipped, which
    /// leaves a gap in the numbers), and each segment's discovery entries are written after its
    /// documents: SQLite's full-text index flushes its pending terms to disk at each later
    /// statement that opens a savepoint, so interleaving them would write the index once per
    /// record.
    ///
    /// - returns: for each record, what importing it did or why it was rejected (nothing of a
    ///   rejected record was written; the others were).
    /// - throws: an error of the store, or of a code table without a default code: the
    ///   transaction must then be abandoned.
    public func importRecords(_ records: [MARCRecord], into writer: any BulkWriter) throws -> [Result<ImportOutcome, ImportRejection>] {
        var planner = planner
        planner.stamp = CatalogStamp()
        let check = ImportCheck(codes: planner.codes)
        let splits = try records.parallelMap { record in Result { () throws(ImportRejection) in try check.split(record) } }
        var results = [Result<ImportOutcome, ImportRejection>?](repeating: nil, count: records.count)
        var numbers = ImportNumbers()
        var start = 0
        var window = records.count
        while start < records.count {
            let end = min(records.count, start + window)
            let facts = try ImportLookup(splits[start..<end], planner: planner, writer: writer)
            var claimed = Set<String>()
            var matched: [(index: Int, match: ImportMatch, first: Int64)] = []
            var stop = end
            for index in start..<end {
                let split: ImportSplit
                switch splits[index] {
                case .failure(let rejection):
                    results[index] = .failure(rejection)
                    continue
                case .success(let value):
                    split = value
                }
                let (stored, owners) = facts.stored(for: split)
                var claims = facts.claims(of: split)
                if let id = stored.bib?.id { claims.append("b" + id) }
                guard claimed.isDisjoint(with: claims) else {
                    stop = index
                    break
                }
                let match: ImportMatch
                do {
                    match = try planner.match(split, stored: stored, owners: owners, barcodeOwners: facts.barcodeOwners)
                } catch {
                    results[index] = .failure(error)
                    continue
                }
                let first = try numbers.take(match.newCount, from: writer)
                if stored.bib == nil { claims.append("b" + planner.ids.id(.bib, first)) }
                claimed.formUnion(claims)
                matched.append((index, match, first))
            }
            let outcomes = try planAndWrite(matched.map { ($0.match, $0.first) }, planner: planner, into: writer)
            for (entry, outcome) in zip(matched, outcomes) { results[entry.index] = .success(outcome) }
            // After a segment cut short, look up less at a time: records that repeat each other
            // tend to come close together.
            window = stop < end ? max(64, 2 * (stop - start)) : window
            start = stop
        }
        return results.map { $0! }
    }
}

extension CatalogImporter {
    /// Records planned and written together: few enough that the next chunk is planned while
    /// this one is written, many enough that SQLite's full-text index, whose pending terms are
    /// flushed when documents are written after them, is written in large pieces.
    static let chunk = 250

    /// Plans `matched` (matches and the first of their new numbers) and writes the plans, a
    /// chunk at a time: the first chunk is planned on every core, each later one on another
    /// thread while the writer writes the chunk before it. That thread also frees the chunk
    /// written before: its documents are thousands of small allocations, and the writer has
    /// better things to do.
    ///
    /// - returns: the plans' outcomes, in order.
    private func planAndWrite(
        _ matched: [(match: ImportMatch, first: Int64)],
        planner: ImportPlanner,
        into writer: any BulkWriter
    ) throws -> [ImportOutcome] {
        @Sendable func plan(_ entry: (match: ImportMatch, first: Int64)) throws -> (ImportPlan, [RenderedDocument]) {
            let plan = try planner.plan(entry.match, firstNumber: entry.first)
            return (plan, plan.documents.map(RenderedDocument.init))
        }
        let chunks = stride(from: 0, to: matched.count, by: Self.chunk).map { Array(matched[$0..<min($0 + Self.chunk, matched.count)]) }
        var outcomes: [ImportOutcome] = []
        outcomes.reserveCapacity(matched.count)
        var planned = try chunks.first?.parallelMap(plan) ?? []
        var written: [(ImportPlan, [RenderedDocument])] = []
        for index in chunks.indices {
            let next = index + 1 < chunks.count ? chunks[index + 1] : nil
            let pending = next.map { next in
                Pending { [written] in
                    let plans = try next.map(plan)
                    _ = written  // the last reference, released with this closure
                    return plans
                }
            }
            written = []
            try writer.put(planned.flatMap(\.1))
            try writer.setDiscovery(planned.map { (plan, _) in (.bib, plan.mmsID, plan.entry) })
            outcomes += planned.map(\.0.outcome)
            swap(&written, &planned)
            if let pending { planned = try pending.wait() }
        }
        return outcomes
    }
}

/// Counter numbers reserved ahead, a block at a time (or what one record needs, if more).
private struct ImportNumbers {
    static let block = 256
    private var next: Int64 = 0
    private var end: Int64 = 0

    /// The first of `count` consecutive numbers of the catalogue counter.
    mutating func take(_ count: Int, from writer: any BulkWriter) throws -> Int64 {
        guard count > 0 else { return next }
        if end - next < Int64(count) {
            let reserved = max(count, Self.block)
            next = try writer.reserveNumbers(CatalogIDs.counter, count: reserved)
            end = next + Int64(reserved)
        }
        defer { next += Int64(count) }
        return next
    }
}
