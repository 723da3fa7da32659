extension PNXContext {
    /// `addata`: the citation block behind OpenURL and RIS exports (PRIMO.md §4 addata; values
    /// shaped as in the KB VE record and S:primo/primo_pnxs_get_record.yml).
    func addata() -> PNXSection {
        var section = PNXSection()
        if let creator = Self.principal(facts.creators, vernacular: \.vernacular) {
            if creator.kind == .personal {
                section.append("au", creator.primary)
                if creator.indicator1 == "1", let parts = Self.split(creator.primary) {
                    section.append("aulast", parts.surname)
                    section.append("aufirst", parts.forenames)
                    section.append("auinit", Self.initials(parts.forenames))
                } else if creator.indicator1 == "0" {
                    section.append("aufirst", creator.primary)
                }
            } else {
                section.append("aucorp", creator.facet)
            }
        }
        var additional: [String] = []
        for name in facts.contributors where !name.vernacular { additional.appendUnique(name.facet) }
        section.append("addau", additional)
        if let title = Self.principal(facts.titles, vernacular: \.vernacular) {
            switch type.citationGenre {
            case "article", "bookitem":
                section.append("atitle", title.short)
                let host = facts.hostItems.first?.title ?? ""
                section.append(type.isSerial ? "jtitle" : "btitle", host)
            default:
                section.append(type.isSerial ? "jtitle" : "btitle", title.short)
            }
        }
        section.append("date", displayDate)
        section.append("risdate", year)
        if let imprint = publication.first(where: { !$0.vernacular }) {
            section.append("pub", imprint.publishers.first.map(Self.citationName) ?? "")
            section.append("cop", imprint.places.first.map(Self.citationName) ?? "")
        }
        var isbns: [String] = []
        for text in facts.isbns { isbns.appendUnique(StandardNumber.isbn(text) ?? "") }
        section.append("isbn", isbns)
        var issns: [String] = []
        for text in facts.issns { issns.appendUnique(StandardNumber.issn(text) ?? "") }
        section.append("issn", issns)
        var oclc: [String] = []
        for number in facts.systemNumbers { oclc.appendUnique(StandardNumber.oclcNumber(number) ?? "") }
        section.append("oclcid", oclc)
        section.append("format", type.citationFormat)
        section.append("genre", type.citationGenre)
        section.append("ristype", type.risType)
        section.append("abstract", facts.summaries.first ?? "")
        var seriesTitles: [String] = []
        for series in facts.series { seriesTitles.appendUnique(series.title) }
        section.append("seriestitle", seriesTitles)
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
