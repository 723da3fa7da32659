extension PNXContext {
    /// `control`: identity and provenance (PRIMO.md §4 control, VE column).
    func control() -> PNXSection {
        var section = PNXSection()
        section.append("sourcerecordid", mmsID)
        section.append("recordid", recordID)
        section.append("sourceid", "alma")
        section.append("originalsourceid", facts.systemNumbers)
        section.append("sourcesystem", "ILS")
        section.append("sourceformat", "MARC21")
        return section
    }

    /// `display`: what the front end shows (PRIMO.md §4 display).
    func display() -> PNXSection {
        var section = PNXSection()
        section.append("type", type.code)
        section.append("title", facts.titles.map(\.display))
        section.append("creator", facts.creators.map(\.display))
        section.append("contributor", facts.contributors.map(\.display))
        section.append("edition", facts.editions)
        section.append("publisher", publication.map(\.display))
        section.append("place", publication.flatMap(\.places))
        section.append("creationdate", displayDate)
        section.append("format", facts.extents)
        section.append("identifier", facts.identifiers)
        section.append("subject", facts.subjects.map(Self.displaySubject))
        section.append("description", facts.summaries)
        section.append("contents", facts.contents)
        section.append("language", languages)
        section.append("source", "Alma")
        section.append("ispartof", facts.hostItems.map(\.display))
        section.append("series", facts.series.map(\.display))
        section.append("relation", facts.relations)
        section.append("mms", mmsID)
        section.append("version", "0")
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
