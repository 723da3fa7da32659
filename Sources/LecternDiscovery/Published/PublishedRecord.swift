public import LecternMARC
import LecternRepresentation
public import LecternStore

/// A record as its family publishes it to discovery, kept as its discovery entry's
/// ``LecternStore/DiscoveryEntry/display``: all that a page of Primo results shows of it, read
/// from the entry alone, without the family's documents or code. The catalogue publishes each
/// bib with its holdings, Esploro each approved research asset (without holdings), in the same
/// transaction as the write, so what a search shows is what was last written.
///
/// The published ``text`` is the MARC record in ISO 2709 with one `AVA` field per holding, as
/// Alma publishes availability to Primo: `$b` library code, `$c` location name, `$d` call number,
/// `$f` items, `$g` items not in place, `$j` location code, `$q` library name. The names are the
/// places' names when the record was published. A record ISO 2709 cannot hold (a field over
/// 9,999 bytes, a record over 99,999, a tag or indicator it has no byte for) is published as its
/// `<record>` element in XML instead, the form the catalogue stores it in.
///
/// ```swift
/// // The family, as it writes the record:
/// let published = PublishedRecord(record: record, holdings: holdings)
/// try await tx.setDiscovery(published.entry(id: mmsID, institution: "DEMO"), for: .bib, id: mmsID)
/// // Primo, for each match of a search:
/// let shown = match.display.flatMap(PublishedRecord.init(text:))
/// ```
public struct PublishedRecord: Sendable, Hashable {
    /// The tag of the fields that carry the holdings.
    public static let availabilityTag = "AVA"

    /// The record, without `AVA` fields.
    public var record: MARCRecord
    /// The record's holdings, in order.
    public var holdings: [DiscoveryHolding]

    /// `record` with `holdings`, ready to publish. The record's own `AVA` fields, if it has any,
    /// are left out: discovery reads none, and the published ones are the holdings.
    public init(record: MARCRecord, holdings: [DiscoveryHolding] = []) {
        var record = record
        record.fields.removeAll { $0.tag == Self.availabilityTag }
        self.record = record
        self.holdings = holdings
    }

    /// The discovery entry of the record `id`: the index entry of its PNX, with this published
    /// record as its display.
    public func entry(id: String, institution: String) -> DiscoveryEntry {
        let pnx = PNXNormalizer(institution: institution).record(bib: record, mmsID: id, holdings: holdings)
        var entry = DiscoveryIndex(pnx).entry
        entry.display = text
        return entry
    }
}
