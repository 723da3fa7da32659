import GRDB
import GRDBSQLite
import Synchronization

/// `facet_tally(facets, limit)`: SQLite's missing hash aggregate, for facet counts.
///
/// SQLite groups by sorting: `GROUP BY facet, value_id` over the facet values of ten thousand
/// matches sorts some hundred thousand rows, most of a search's time. This aggregate counts the
/// same values by id as the query hands it each match's `discovery_rows.facets` (a flat JSON
/// array: each facet's code, negated, then its value ids, `[-2,77,88,-5,3]`), and answers the
/// `limit` values counted most per facet, ties to the lower id, as a JSON array of
/// `[facet code, value id, count]`, by code. A row whose text is not that shape counts for
/// nothing.
///
/// Registered on SQLite's C interface, so that each step reads the text where SQLite holds it.
final class FacetTally {
    static let name = "facet_tally"

    static func register(_ db: Database) {
        _ = sqlite3_create_function_v2(
            db.sqliteConnection,
            name,
            2,
            SQLITE_UTF8 | SQLITE_DETERMINISTIC,
            Unmanaged.passRetained(FacetScratch()).toOpaque(),
            nil,
            facetTallyStep,
            facetTallyFinal,
            { scratch in scratch.map { Unmanaged<FacetScratch>.fromOpaque($0).release() } }
        )
    }

    /// All the state, in one value: a step mutates it in one access.
    var counts: FacetCounts
    /// Where the count arrays came from, and go back to.
    private let scratch: FacetScratch?
    /// Whether `scratch` is one of the spares, kept again once finished.
    private let isSpare: Bool

    init(limit: Int, scratch: FacetScratch?, isSpare: Bool = false) {
        self.isSpare = isSpare
        if let scratch, !scratch.lent {
            scratch.lent = true
            counts = FacetCounts(limit: limit, counts: scratch.counts)
            scratch.counts = []
            self.scratch = scratch
        } else {
            counts = FacetCounts(limit: limit, counts: [])
            self.scratch = nil
        }
    }

    /// A tally made outside SQL, on a spare scratch (see ``FacetScratch/lend()``).
    static func onSpare(limit: Int) -> FacetTally {
        FacetTally(limit: limit, scratch: FacetScratch.lend(), isSpare: true)
    }

    /// The answer; the count array, zeroed, goes back to the connection (or to the spares).
    func finish() -> String {
        let result = counts.result()
        if let scratch {
            scratch.counts = counts.zeroedCounts()
            scratch.lent = false
            if isSpare { FacetScratch.giveBack(scratch) }
        }
        return result
    }
}

/// A connection's count array, kept from one tally to the next: sized by the highest value id
/// counted (megabytes for a large catalogue), which a new allocation per search would have the
/// system zero page by page. A tally zeroes what it counted before it gives it back.
///
/// A tally made outside SQL (``DiscoverySearch`` tallies as it ranks) borrows one from a few
/// spares (``lend()``), and gives it back. A scratch is used by one tally at a time, which the
/// flag `lent` and the spares' lock ensure, hence `@unchecked Sendable`.
final class FacetScratch: @unchecked Sendable {
    var counts: [Int32] = []
    var lent = false

    /// At most this many spares are kept: one per reader connection of a store.
    static let spareLimit = 8
    private static let spares = Mutex<[FacetScratch]>([])

    /// A spare scratch, or a new one.
    static func lend() -> FacetScratch {
        spares.withLock { $0.popLast() } ?? FacetScratch()
    }

    /// Keeps `scratch` for the next ``lend()``, unless enough are kept.
    static func giveBack(_ scratch: FacetScratch) {
        spares.withLock { spares in
            if spares.count < spareLimit { spares.append(scratch) }
        }
    }
}

/// The counts of one ``FacetTally``: by value id in an array (ids are dense, from 1), above
/// ``denseLimit`` in a dictionary.
///
/// Ids are spread over the array (a catalogue's creators alone are hundreds of thousands), so
/// counting is mostly waiting for memory: each id's facet is kept in the list of ids counted,
/// which grows in order, not in a second array beside the counts.
struct FacetCounts {
    static let denseLimit = 1 << 24

    private let limit: Int
    /// One more than the highest facet code counted.
    private var codes = 0
    private var counts: [Int32] = []
    /// The ids counted in `counts`, in the order first met, with their facet codes.
    private var counted: [(id: Int, facet: Int)] = []
    private var sparse: [Int64: (facet: Int, count: Int)] = [:]
    /// One row's values (facet index and id), counted once the whole row has been read.
    private var row: [(facet: Int, id: Int64)] = []

    init(limit: Int, counts: [Int32]) {
        self.limit = max(limit, 0)
        self.counts = counts
    }

    /// The count array with every count back to zero (and this tally's taken away).
    mutating func zeroedCounts() -> [Int32] {
        for value in counted { counts[value.id] = 0 }
        counted.removeAll()
        defer { counts = [] }
        return counts
    }

    mutating func step(_ bytes: UnsafeBufferPointer<UInt8>) {
        row.removeAll(keepingCapacity: true)
        var parser = FacetsParser(bytes: bytes)
        guard parser.parse({ row.append(($0, $1)) }) else { return }
        var highest = -1
        for (facet, id) in row {
            codes = max(codes, facet + 1)
            if id < Self.denseLimit { highest = max(highest, Int(id)) } else { sparse[id, default: (facet, 0)].count += 1 }
        }
        if highest >= counts.count { counts += repeatElement(0, count: max(highest + 1, counts.count * 2, 1024) - counts.count) }
        // The array is moved out while its buffer is written: no uniqueness or bounds check per
        // value (the ids were checked against its size above).
        var counts = self.counts
        self.counts = []
        defer { self.counts = counts }
        counts.withUnsafeMutableBufferPointer { counts in
            for (facet, id) in row where id < Self.denseLimit {
                let index = Int(id)
                if counts[index] == 0 { counted.append((index, facet)) }
                counts[index] &+= 1
            }
        }
    }

    /// The `limit` values counted most, ties to the lower id, in that order: one pass that keeps
    /// the best few, where sorting every value (thousands of creators) would cost more than
    /// counting them.
    static func top(_ values: [(id: Int64, count: Int)], _ limit: Int) -> [(id: Int64, count: Int)] {
        var top = Top(limit: limit)
        for value in values { top.offer(value) }
        return top.best
    }

    /// The best `limit` values offered so far, best first.
    struct Top {
        let limit: Int
        private(set) var best: [(id: Int64, count: Int)] = []

        init(limit: Int) {
            self.limit = limit
        }

        private static func precedes(_ a: (id: Int64, count: Int), _ b: (id: Int64, count: Int)) -> Bool {
            (a.count, b.id) > (b.count, a.id)
        }

        mutating func offer(_ value: (id: Int64, count: Int)) {
            guard limit > 0 else { return }
            if best.count == limit, let last = best.last, !Self.precedes(value, last) { return }
            var index = best.count
            while index > 0, Self.precedes(value, best[index - 1]) { index -= 1 }
            best.insert(value, at: index)
            if best.count > limit { best.removeLast() }
        }
    }

    func result() -> String {
        var tops = [Top](repeating: Top(limit: limit), count: codes)
        counts.withUnsafeBufferPointer { counts in
            for value in counted { tops[value.facet].offer((Int64(value.id), Int(counts[value.id]))) }
        }
        for (id, value) in sparse { tops[value.facet].offer((id, value.count)) }
        var entries: [String] = []
        for (facet, top) in tops.enumerated() {
            for value in top.best { entries.append("[\(facet),\(value.id),\(value.count)]") }
        }
        return "[" + entries.joined(separator: ",") + "]"
    }
}

/// The aggregate's state lives in SQLite's aggregate context, as a retained ``FacetTally``,
/// made by the first step and released by the final call (which SQLite makes even when the
/// statement stops early).
private func facetTallyStep(context: OpaquePointer?, count: Int32, values: UnsafeMutablePointer<OpaquePointer?>?) {
    guard let context, let values, count == 2,
        let slot = sqlite3_aggregate_context(context, Int32(MemoryLayout<UnsafeMutableRawPointer?>.size))?
            .assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
    else { return }
    let tally: FacetTally
    if let existing = slot.pointee {
        tally = Unmanaged<FacetTally>.fromOpaque(existing).takeUnretainedValue()
    } else {
        let scratch = sqlite3_user_data(context).map { Unmanaged<FacetScratch>.fromOpaque($0).takeUnretainedValue() }
        tally = FacetTally(limit: Int(sqlite3_value_int64(values[1])), scratch: scratch)
        slot.pointee = Unmanaged.passRetained(tally).toOpaque()
    }
    guard sqlite3_value_type(values[0]) == SQLITE_TEXT, let text = sqlite3_value_text(values[0]) else { return }
    tally.counts.step(UnsafeBufferPointer(start: text, count: Int(sqlite3_value_bytes(values[0]))))
}

private func facetTallyFinal(context: OpaquePointer?) {
    guard let context else { return }
    var result = "[]"
    if let slot = sqlite3_aggregate_context(context, 0)?.assumingMemoryBound(to: UnsafeMutableRawPointer?.self),
        let pointer = slot.pointee
    {
        result = Unmanaged<FacetTally>.fromOpaque(pointer).takeRetainedValue().finish()
        slot.pointee = nil
    }
    sqlite3_result_text(context, result, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
}

/// Reads one `discovery_rows.facets` text: a JSON array of integers, each facet's code
/// negated (1 to ``maxCode``) before its value ids (not negative), and nothing else.
struct FacetsParser {
    static let maxCode = Int(UInt16.max)

    let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Reads the text, handing each value id to `visit` with its facet's code; whether the
    /// whole text is that shape.
    mutating func parse(_ visit: (Int, Int64) -> Void) -> Bool {
        guard take(UInt8(ascii: "[")) else { return false }
        if take(UInt8(ascii: "]")) { return at == bytes.count }
        var code: Int?
        repeat {
            if take(UInt8(ascii: "-")) {
                guard let negated = integer(), (1...Int64(Self.maxCode)).contains(negated) else { return false }
                code = Int(negated)
            } else {
                guard let code, let id = integer() else { return false }
                visit(code, id)
            }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) && at == bytes.count
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard at < bytes.count, bytes[at] == byte else { return false }
        at += 1
        return true
    }

    /// A non-negative decimal integer of at most 18 digits.
    private mutating func integer() -> Int64? {
        let start = at
        var value: Int64 = 0
        while at < bytes.count, at - start < 18, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) {
            value = value * 10 + Int64(bytes[at] - UInt8(ascii: "0"))
            at += 1
        }
        return at > start ? value : nil
    }
}
