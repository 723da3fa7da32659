public import LecternMARC

/// A reproducible demo library catalogue: MARC 21 bibliographic records of books, e-books,
/// journals, scores, recordings, films, maps, manuscripts and data sets, in nine languages and
/// seventeen subject areas, with their holdings and items embedded.
///
/// Record `index` depends only on the seed, the institution and the index: the same three always
/// give the same record, whatever else was made before, so records can be made in any order
/// or in parallel. Making one takes a few microseconds in a release build.
///
/// ```swift
/// let catalogue = DemoCatalogue(seed: 2026)
/// for record in catalogue.records(0..<100_000) {
///     try ISO2709.encode(record, into: &bytes)
/// }
/// ```
///
/// Each record is one bibliographic record without `001` (the catalogue assigns MMS ids). Its
/// `035` holds ``systemNumber(_:)``, which re-imports match on. Holdings and items are embedded
/// after the descriptive fields, the convention the importer reads:
///
/// - `852 0_` one per holding: `$8` a linking number (`1`, `2`), `$b` library and `$c` location
///   (a location of the demo campus), `$h` and `$i` the LC call number, as in `050`.
/// - `876` one per item, after the `852`s: `$8` its holding's linking number, `$3` the volume
///   or issue, `$p` the barcode (unique in the catalogue), `$t` the copy number, `$w` the Alma
///   physical material type (`BOOK`, `ISSUE`, `SCORE`, `CD`, `DVD`, `MAP`, `MANUSCRIPT`),
///   sometimes `$z` a public and `$x` an internal note.
/// - About 3% of records (e-books, data sets) have no holdings, only an `856 40` link.
public struct DemoCatalogue: Sendable {
    /// How many records a catalogue can make: indexes run from 0 to `maximumCount - 1`.
    /// Beyond, barcodes (nine digits for index and item) would repeat.
    public static let maximumCount = 100_000_000

    /// The seed all records derive from.
    public let seed: UInt64
    /// The institution code, in `035` and `040`.
    public let institution: String

    /// Creates a catalogue; equal seeds and institutions give equal records.
    public init(seed: UInt64, institution: String = "DEMO") {
        self.seed = seed
        self.institution = institution
    }

    /// Record number `index`, counting from 0.
    ///
    /// - precondition: `index` is in `0..<DemoCatalogue.maximumCount`.
    public func record(_ index: Int) -> MARCRecord {
        precondition(index >= 0 && index < Self.maximumCount, "demo catalogue index \(index) is outside 0..<\(Self.maximumCount)")
        var builder = DemoCatalogueBuilder(catalogue: self, index: index)
        return builder.build()
    }

    /// The records with the indexes in `indexes`, made one by one as the sequence is read.
    ///
    /// - precondition: every index is in `0..<DemoCatalogue.maximumCount`.
    public func records(_ indexes: Range<Int>) -> LazyMapSequence<Range<Int>, MARCRecord> {
        indexes.lazy.map { record($0) }
    }

    /// The system number of record `index` as its `035 $a` carries it: `(DEMO)000000001` for
    /// index 0. It does not depend on the seed, so a re-import of the same index matches.
    public func systemNumber(_ index: Int) -> String {
        "(" + institution + ")" + DemoCatalogueNumbers.padded(index + 1, width: 9)
    }

    /// The barcode of item `item` (0 to 9, counted across the record's holdings) of record
    /// `index`: `39999` and nine digits, a permutation of `index * 10 + item` salted by the seed.
    func barcode(_ index: Int, item: Int) -> String {
        precondition(item >= 0 && item < 10, "a demo record has at most ten items")
        return "39999" + DemoCatalogueNumbers.padded(DemoCatalogueNumbers.scrambled(index * 10 + item, salt: seed), width: 9)
    }
}
