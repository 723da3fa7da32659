// Access points: subject headings (6XX), added entries (7XX) and the series added entry (830).

import LecternCore
import LecternMARC

extension DemoCatalogueBuilder {
    /// `600`, `650`, `651` from the planned headings (the first with the form subdivision), then
    /// `655` genre, each group in tag order and without repeats.
    mutating func appendSubjects() {
        var byTag: [(tag: String, indicator1: Character, subfields: [Subfield])] = []
        for (position, heading) in headings.enumerated() {
            var subfields = heading.subfields
            if position == 0, let form { subfields.append(Subfield("v", form)) }
            subfields = Self.closed(subfields)
            if byTag.contains(where: { $0.subfields == subfields }) { continue }
            byTag.append((heading.tag, heading.indicator1, subfields))
        }
        for tag in ["600", "650", "651"] {
            for heading in byTag where heading.tag == tag {
                append(tag, heading.indicator1, "0", heading.subfields)
            }
        }
        if let genre { append("655", " ", "7", [Subfield("a", genre + "."), Subfield("2", "lcgft")]) }
    }

    /// `700` people, `710` bodies, `830` series.
    mutating func appendAddedEntries() {
        for contributor in contributors {
            append("700", "1", " ", Self.name(contributor.person, dates: contributor.dates, role: contributor.role))
        }
        for body in bodies {
            append("710", "2", " ", [Subfield("a", body.name + ","), Subfield("e", body.role + ".")])
        }
        if let series {
            append("830", " ", "0", [Subfield("a", series.title + " ;"), Subfield("v", String(series.number) + ".")])
        }
    }

    /// `880`: the title in its original script, linked to `245` by `$6`.
    mutating func appendScript() {
        guard let script = title.script, let code = language.scriptCode else { return }
        let subfields =
            [Subfield("6", "245-01/" + code)] + Self.titleSubfields(script.main, dates: nil, remainder: script.remainder, statement: script.statement)
        append("880", creator == nil ? "0" : "1", "0", subfields)
    }
}
