/// One normalization under way: the facts read from the bib and the values several sections
/// share (resource type, dates, languages), computed once.
struct PNXContext {
    let facts: BibFacts
    let mmsID: String
    let institution: String
    let holdings: [DiscoveryHolding]
    let type: ResourceType
    /// `display.creationdate`: the publication date as recorded, cleaned.
    let displayDate: String
    /// The first year of publication (`YYYY`), or `""`.
    let year: String
    /// The last year of publication for a range (008 Date 2), or `""`.
    let endYear: String
    /// Language codes from 008/35-37 and 041, or `["und"]`.
    let languages: [String]
    /// The 260 fields and the 264 fields of publication (ind2 `1`); the other 264 fields
    /// (production, distribution, manufacture) when there are none. 264 ind2 `4` (copyright
    /// date) never counts.
    let publication: [BibFacts.Imprint]
    /// The 856 links to the resource itself (ind2 other than `2`, "related resource").
    let onlineLinks: [BibFacts.Link]

    init(facts: BibFacts, mmsID: String, institution: String, holdings: [DiscoveryHolding]) {
        self.facts = facts
        self.mmsID = mmsID
        self.institution = institution
        self.holdings = holdings
        type = ResourceType(
            leader: facts.leader,
            field008: facts.field008,
            field007: facts.field007,
            hasDissertationNote: facts.hasDissertationNote
        )
        var publication = facts.imprints.filter { $0.tag == 260 || $0.indicator2 == "1" }
        if publication.isEmpty { publication = facts.imprints.filter { $0.indicator2 != "4" } }
        self.publication = publication
        onlineLinks = facts.links.filter { $0.indicator2 != "2" }

        let fixed = Array(facts.field008.utf8)
        let date1 = fixed.count >= 11 ? fixed[7..<11] : []
        let date2 = fixed.count >= 15 ? fixed[11..<15] : []
        var recorded = ""
        for imprint in publication where !imprint.vernacular {
            if let date = imprint.dates.first {
                recorded = PNXText.trimmingLeading(PNXText.trimmingTrailing(date, PNXText.dateTrailing), PNXText.dateLeading)
                if !recorded.isEmpty { break }
            }
        }
        let fixedYear = PNXText.isDigits(date1) ? String(decoding: date1, as: UTF8.self) : ""
        displayDate = recorded.isEmpty ? fixedYear : recorded
        year = fixedYear.isEmpty ? PNXText.firstYear(recorded) ?? "" : fixedYear
        // Date 2 ends a range for continuing (c, d), inclusive (i, k), multiple (m) and
        // questionable (q) dates; for the others it is a reprint, copyright or detailed date.
        let rangeTypes = ASCIISet("cdikmq")
        if fixed.count >= 7, rangeTypes.contains(fixed[6]), PNXText.isDigits(date2), !year.isEmpty {
            endYear = String(decoding: date2, as: UTF8.self)
        } else {
            endYear = ""
        }

        var languages: [String] = []
        if fixed.count >= 38 {
            BibFacts.splitLanguageCodes(String(decoding: fixed[35..<38], as: UTF8.self), into: &languages)
        }
        for code in facts.languageCodes { languages.appendUnique(code) }
        self.languages = languages.isEmpty ? ["und"] : languages
    }

    /// The record id: `alma` + MMS id (PRIMO.md §4 control, the KB VE record).
    var recordID: String { "alma" + mmsID }

    /// The first non-vernacular value, or the first value.
    static func principal<T>(_ values: [T], vernacular: (T) -> Bool) -> T? {
        values.first { !vernacular($0) } ?? values.first
    }
}
