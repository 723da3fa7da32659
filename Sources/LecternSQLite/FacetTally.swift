import GRDB

/// `facet_tally(facets, limit)`: SQLite's missing hash aggregate, for facet counts.
///
/// SQLite groups by sorting: `GROUP BY facet, value_id` over the facet values of ten thousand
/// matches sorts some hundred thousand rows, most of a search's time. This aggregate counts the
/// same values in a hash table as the query hands it each match's `discovery_rows.facets`
/// (`{"creator":[77,88],"rtype":[3]}`: facet names and value ids), and answers the `limit`
/// values counted most per facet, ties to the lower id, as a JSON array of
/// `[facet, value id, count]` in that order. A row whose text is not that shape counts for
/// nothing.
struct FacetTally: DatabaseAggregate {
    static let function = DatabaseFunction("facet_tally", argumentCount: 2, pure: true, aggregate: FacetTally.self)

    private struct Tally {
        var facet: Int
        var count: Int
    }

    private var names: [[UInt8]] = []
    private var tallies: [Int64: Tally] = [:]
    private var limit = 0
    /// One row's values (facet index and id), counted once the whole row has been read.
    private var row: [(facet: Int, id: Int64)] = []

    init() {}

    mutating func step(_ values: [DatabaseValue]) {
        if limit == 0, let limit = Int.fromDatabaseValue(values[1]) { self.limit = max(limit, 0) }
        guard case .string(var text) = values[0].storage else { return }
        row.removeAll(keepingCapacity: true)
        let complete = text.withUTF8 { bytes in
            var parser = FacetsParser(bytes: bytes)
            return parser.parse { name, id in row.append((facetIndex(bytes[name]), id)) }
        }
        guard complete else { return }
        for value in row { tallies[value.id, default: Tally(facet: value.facet, count: 0)].count += 1 }
    }

    func finalize() -> (any DatabaseValueConvertible)? {
        var byFacet = [[(id: Int64, count: Int)]](repeating: [], count: names.count)
        for (id, tally) in tallies { byFacet[tally.facet].append((id, tally.count)) }
        var out = "["
        for (facet, counted) in byFacet.enumerated() {
            let name = String(decoding: names[facet], as: UTF8.self)
            let top = counted.sorted { ($0.count, $1.id) > ($1.count, $0.id) }.prefix(limit)
            for value in top {
                if out.count > 1 { out += "," }
                out += "["
                DocumentSQL.jsonString(name, into: &out)
                out += ",\(value.id),\(value.count)]"
            }
        }
        return out + "]"
    }

    private mutating func facetIndex(_ name: UnsafeBufferPointer<UInt8>.SubSequence) -> Int {
        if let index = names.firstIndex(where: { $0.elementsEqual(name) }) { return index }
        names.append(Array(name))
        return names.count - 1
    }
}

/// Reads one `discovery_rows.facets` text: an object of facet names (no escapes) to arrays of
/// integers, nothing else; `nil` for anything else.
struct FacetsParser {
    let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Reads the text, handing each value to `visit` with the range of its facet's name in
    /// `bytes`; whether the whole text is that shape.
    mutating func parse(_ visit: (Range<Int>, Int64) -> Void) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return at == bytes.count }
        repeat {
            guard take(UInt8(ascii: "\"")) else { return false }
            let start = at
            while at < bytes.count, bytes[at] != UInt8(ascii: "\""), bytes[at] != UInt8(ascii: "\\") { at += 1 }
            let name = start..<at
            guard take(UInt8(ascii: "\"")), take(UInt8(ascii: ":")), take(UInt8(ascii: "[")) else { return false }
            if !take(UInt8(ascii: "]")) {
                repeat {
                    guard let id = integer() else { return false }
                    visit(name, id)
                } while take(UInt8(ascii: ","))
                guard take(UInt8(ascii: "]")) else { return false }
            }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}")) && at == bytes.count
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
