extension PNXContext {
    /// `addata`: the citation block behind OpenURL and RIS exports (PRIMO.md §4 addata; values
    /// shaped as in the KB VE record and S:primo/primo_pnxs_get_record.yml).
    func addata() -> PNXSection {
        var section = PNXSection(capacity: 24)
        if let creator = Self.principal(facts.creators, vernacular: \.vernacular) {
            if creator.kind == .personal {
                section.add("au", creator.primary)
                if creator.indicator1 == "1", let parts = Self.split(creator.primary) {
                    section.add("aulast", parts.surname)
                    section.add("aufirst", parts.forenames)
                    section.add("auinit", Self.initials(parts.forenames))
                } else if creator.indicator1 == "0" {
                    section.add("aufirst", creator.primary)
                }
            } else {
                section.add("aucorp", creator.facet)
            }
        }
        var additional: [String] = []
        for name in facts.contributors where !name.vernacular { additional.appendUnique(name.facet) }
        section.add("addau", additional)
        if let title = Self.principal(facts.titles, vernacular: \.vernacular) {
            switch type.citationGenre {
            case "article", "bookitem":
                section.add("atitle", title.short)
                let host = facts.hostItems.first?.title ?? ""
                section.add(type.isSerial ? "jtitle" : "btitle", host)
            default:
                section.add(type.isSerial ? "jtitle" : "btitle", title.short)
            }
        }
        section.add("date", displayDate)
        section.add("risdate", year)
        if let imprint = publication.first(where: { !$0.vernacular }) {
            section.add("pub", imprint.publishers.first.map(Self.citationName) ?? "")
            section.add("cop", imprint.places.first.map(Self.citationName) ?? "")
        }
        var isbns: [String] = []
        for text in facts.isbns { isbns.appendUnique(StandardNumber.isbn(text) ?? "") }
        section.add("isbn", isbns)
        var issns: [String] = []
        for text in facts.issns { issns.appendUnique(StandardNumber.issn(text) ?? "") }
        section.add("issn", issns)
        var oclc: [String] = []
        for number in facts.systemNumbers { oclc.appendUnique(StandardNumber.oclcNumber(number) ?? "") }
        section.add("oclcid", oclc)
        section.add("doi", facts.dois)
        section.add("format", type.citationFormat)
        section.add("genre", type.citationGenre)
        section.add("ristype", type.risType)
        section.add("abstract", facts.summaries.first ?? "")
        var seriesTitles: [String] = []
        for series in facts.series { seriesTitles.appendUnique(series.title) }
        section.add("seriestitle", seriesTitles)
        return section
    }

    /// `"Anne Sofie"` → `"AS"`: the first letter of each forename.
    static func initials(_ forenames: String) -> String {
        var initials = ""
        for word in forenames.split(separator: " ") {
            if let first = word.first, first.isLetter { initials.append(first) }
        }
        return initials
    }
}
