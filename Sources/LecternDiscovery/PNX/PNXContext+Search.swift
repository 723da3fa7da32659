extension PNXContext {
    /// `search`: the values the search indexes read (PRIMO.md §4 search, the classic names).
    /// No `$$` markup: each value is text to match.
    func search() -> PNXSection {
        var section = PNXSection(capacity: 24)
        section.add("title", facts.titles.map(\.display))
        var addtitle: [String] = []
        for series in facts.series { addtitle.appendUnique(series.title) }
        for title in facts.relatedTitles { addtitle.appendUnique(title) }
        for host in facts.hostItems { addtitle.appendUnique(host.title) }
        section.add("addtitle", addtitle)
        section.add("alttitle", facts.variantTitles)
        var names: [String] = []
        for name in facts.creators + facts.contributors {
            for form in Self.searchForms(of: name) { names.appendUnique(form) }
        }
        section.add("creatorcontrib", names)
        section.add("creator", facts.creators.map(\.linking))
        section.add("contributor", facts.contributors.map(\.linking))
        var subjects = facts.subjects.map(Self.searchSubject)
        for genre in facts.genreTerms { subjects.appendUnique(genre) }
        section.add("subject", subjects)
        section.add("description", facts.summaries + facts.contents)
        var general = facts.notes
        for title in facts.titles { general.appendNonEmpty(title.medium) }
        for imprint in publication {
            for publisher in imprint.publishers { general.appendNonEmpty(Self.citationName(publisher)) }
        }
        general.append(contentsOf: facts.editions)
        // DOIs are searchable as any other text (`any,contains,10.1000/xyz`).
        general.append(contentsOf: facts.dois)
        section.add("general", general)
        section.add("isbn", StandardNumber.searchISBNs(facts.isbns))
        var issns: [String] = []
        for issn in facts.issns { issns.appendUnique(StandardNumber.issn(issn) ?? "") }
        section.add("issn", issns)
        section.add("recordid", recordID)
        section.add("addsrcrecordid", mmsID)
        section.add("sourceid", "alma")
        section.add("rsrctype", type.plural)
        section.add("creationdate", year)
        if !year.isEmpty {
            section.add("startdate", year + "0101")
            section.add("enddate", (endYear.isEmpty ? year : endYear) + "1231")
        }
        var scope = [institution]
        for holding in holdings { scope.appendUnique(holding.libraryCode) }
        section.add("scope", scope)
        return section
    }

    /// `Castaways Fiction`: heading and subdivisions joined by spaces.
    static func searchSubject(_ subject: BibFacts.Subject) -> String {
        var joiner = TextJoiner()
        joiner.add(subject.main)
        for subdivision in subject.subdivisions { joiner.add(subdivision.value) }
        return joiner.text
    }

    /// The forms a name is searched by: the heading (`Defoe, Daniel, 1661?-1731`), the facet
    /// form (`Defoe, Daniel`), and for inverted personal names the direct order
    /// (`Daniel Defoe`) and the initial form (`Defoe, D`) of classic `creatorcontrib`.
    static func searchForms(of name: BibFacts.Name) -> [String] {
        var forms = [name.linking]
        forms.appendUnique(name.facet)
        if name.kind == .personal, name.indicator1 == "1", let parts = split(name.facet) {
            forms.appendUnique(parts.forenames + " " + parts.surname)
            if let initial = parts.forenames.first { forms.appendUnique(parts.surname + ", " + String(initial)) }
        }
        return forms
    }

    /// `"Defoe, Daniel"` → (`Defoe`, `Daniel`); `nil` without a comma.
    static func split(_ invertedName: String) -> (surname: String, forenames: String)? {
        guard let comma = invertedName.firstIndex(of: ",") else { return nil }
        let surname = PNXText.trimmed(String(invertedName[..<comma]))
        let forenames = PNXText.trimmed(String(invertedName[invertedName.index(after: comma)...]))
        guard !surname.isEmpty, !forenames.isEmpty else { return nil }
        return (surname, forenames)
    }

    /// A publisher or place as a citation gives it: no brackets, no trailing punctuation.
    static func citationName(_ text: String) -> String {
        PNXText.trimmingTrailing(PNXText.removing(PNXText.brackets, from: text), PNXText.headingPunctuation)
    }
}
