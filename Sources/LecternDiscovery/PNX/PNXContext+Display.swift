extension PNXContext {
    /// `control`: identity and provenance (PRIMO.md §4 control, VE column).
    func control() -> PNXSection {
        var section = PNXSection(capacity: 8)
        section.add("sourcerecordid", mmsID)
        section.add("recordid", recordID)
        section.add("sourceid", "alma")
        section.add("originalsourceid", facts.systemNumbers)
        section.add("sourcesystem", "ILS")
        section.add("sourceformat", "MARC21")
        return section
    }

    /// `display`: what the front end shows (PRIMO.md §4 display).
    func display() -> PNXSection {
        var section = PNXSection(capacity: 24)
        section.add("type", type.code)
        section.add("title", facts.titles.map(\.display))
        section.add("creator", facts.creators.map(\.display))
        section.add("contributor", facts.contributors.map(\.display))
        section.add("edition", facts.editions)
        section.add("publisher", publication.map(\.display))
        section.add("place", publication.flatMap(\.places))
        section.add("creationdate", displayDate)
        section.add("format", facts.extents)
        section.add("identifier", facts.identifiers)
        section.add("subject", facts.subjects.map(Self.displaySubject))
        section.add("description", facts.summaries)
        section.add("contents", facts.contents)
        section.add("language", languages)
        section.add("source", "Alma")
        section.add("ispartof", facts.hostItems.map(\.display))
        section.add("series", facts.series.map(\.display))
        section.add("relation", facts.relations)
        section.add("mms", mmsID)
        section.add("version", "0")
        return section
    }

    /// `Castaways -- Fiction`: the heading, then each subdivision after ` -- `.
    static func displaySubject(_ subject: BibFacts.Subject) -> String {
        var joiner = TextJoiner()
        joiner.add(subject.main, separator: " -- ")
        for subdivision in subject.subdivisions { joiner.add(subdivision.value, separator: " -- ") }
        return joiner.text
    }
}
