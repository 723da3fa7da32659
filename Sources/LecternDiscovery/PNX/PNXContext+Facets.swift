extension PNXContext {
    /// `sort`: the keys of `sort=title|author|date` (PRIMO.md §4 sort).
    func sort() -> PNXSection {
        var section = PNXSection(capacity: 4)
        if let title = Self.principal(facts.titles, vernacular: \.vernacular) {
            section.add("title", title.sort)
        }
        let author = Self.principal(facts.creators, vernacular: \.vernacular) ?? Self.principal(facts.contributors, vernacular: \.vernacular)
        if let author { section.add("author", author.linking) }
        section.add("creationdate", year)
        return section
    }

    /// `facets`: the values the response facets count (PRIMO.md §4 facets; the response names
    /// differ: ``PrimoFacetName``).
    func facets() -> PNXSection {
        var section = PNXSection(capacity: 16)
        section.add("rsrctype", type.plural)
        section.add("prefilter", type.prefilter)
        var topics: [String] = []
        for subject in facts.subjects { topics.appendUnique(Self.topic(subject)) }
        section.add("topic", topics)
        var names: [String] = []
        for name in facts.creators + facts.contributors { names.appendUnique(name.facet) }
        section.add("creatorcontrib", names)
        section.add("language", languages)
        section.add("creationdate", year)
        var libraries: [String] = []
        var collections: [String] = []
        for holding in holdings {
            libraries.appendUnique(holding.libraryCode)
            collections.appendUnique(holding.locationName.isEmpty ? holding.locationCode : holding.locationName)
        }
        section.add("library", libraries)
        section.add("collection", collections)
        var topLevel: [String] = []
        if holdings.contains(where: \.isAvailable) { topLevel.append("available") }
        if !onlineLinks.isEmpty { topLevel.append("online_resources") }
        section.add("toplevel", topLevel)
        var genres: [String] = []
        for genre in facts.genreTerms { genres.appendUnique(genre) }
        for subject in facts.subjects {
            for subdivision in subject.subdivisions where subdivision.code == "v" { genres.appendUnique(subdivision.value) }
        }
        section.add("genre", genres)
        // 6: a record in no FRBR group, as on the recorded local records (KB, TULI).
        section.add("frbrtype", "6")
        return section
    }

    /// `Operas–Excerpts`: the heading and its form and topical subdivisions joined by an en
    /// dash, as the recorded classic facet (S:primo/primo_pnxs_get_record.yml).
    static func topic(_ subject: BibFacts.Subject) -> String {
        var joiner = TextJoiner()
        joiner.add(subject.main, separator: "\u{2013}")
        for subdivision in subject.subdivisions where subdivision.code == "v" || subdivision.code == "x" {
            joiner.add(subdivision.value, separator: "\u{2013}")
        }
        return joiner.text
    }

    /// `delivery`: `Alma-P` when there are holdings, `Alma-E` when an 856 links to the resource.
    func delivery() -> PNXSection {
        var section = PNXSection(capacity: 2)
        var categories: [String] = []
        if !holdings.isEmpty { categories.append("Alma-P") }
        if !onlineLinks.isEmpty { categories.append("Alma-E") }
        section.add("delcategory", categories)
        section.add("institution", institution)
        return section
    }

    /// `links`: `linktorsrc` as `$$U<url>$$D<label>` (S:primo/primo_pnxs_get_record.yml).
    func links() -> PNXSection {
        var section = PNXSection(capacity: 1)
        section.add("linktorsrc", onlineLinks.map { $0.label.isEmpty ? "$$U" + $0.url : "$$U" + $0.url + "$$D" + $0.label })
        return section
    }
}
