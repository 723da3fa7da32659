public import LecternMARC

/// Builds the PNX record of a MARC 21 bib: the Primo VE shape that `/primo/v1/search` returns
/// in `docs[].pnx`, from the bib, its MMS id and a summary of its holdings.
///
/// ```swift
/// let normalizer = PNXNormalizer(institution: "01LECTERN_INST")
/// let pnx = normalizer.record(bib: record, mmsID: "991234567890123", holdings: holdings)
/// pnx.control["recordid"]  // ["alma991234567890123"]
/// let index = DiscoveryIndex(pnx)  // what the search engine stores
/// ```
///
/// The mapping follows PRIMO.md §4 (Primo VE's out-of-the-box MARC 21 rules): each MARC field
/// occurrence becomes its own value, trailing punctuation is removed as VE does, names carry
/// their linking form after `$$Q`, identifiers their label after `$$C`. The resource type
/// comes from ``ResourceType``. Values that depend on live data (`control.score`, the
/// top-level `delivery` object of a doc) are the search handler's to add.
///
/// Normalization is pure and total: any record, however incomplete, gives a record (an empty
/// title gives no `display.title`); it never throws and never traps. It reads the fields in one
/// pass, without Foundation or regular expressions: it runs for every bib the catalogue writes.
public struct PNXNormalizer: Sendable {
    /// The institution code (`01LECTERN_INST`): `delivery.institution` and the first `search.scope`.
    public var institution: String

    /// Creates a normalizer for `institution`.
    public init(institution: String) {
        self.institution = institution
    }

    /// The PNX record of `bib`.
    ///
    /// - parameter bib: the bibliographic record.
    /// - parameter mmsID: its MMS id; the record id is `alma` + this id.
    /// - parameter holdings: its holdings, for the library, availability and delivery fields.
    public func record(bib: MARCRecord, mmsID: String, holdings: [DiscoveryHolding] = []) -> PNXRecord {
        let context = PNXContext(facts: BibFacts(bib), mmsID: mmsID, institution: institution, holdings: holdings)
        var pnx = PNXRecord()
        pnx.control = context.control()
        pnx.display = context.display()
        pnx.links = context.links()
        pnx.search = context.search()
        pnx.sort = context.sort()
        pnx.facets = context.facets()
        pnx.delivery = context.delivery()
        pnx.addata = context.addata()
        return pnx
    }
}
