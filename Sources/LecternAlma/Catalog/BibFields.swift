import LecternMARC
import LecternRepresentation

/// The fields of a bib that Alma lifts from its MARC record: computed from the record on every
/// write, never accepted from the client, so they cannot disagree with it.
enum BibFields {
    /// The lifted elements of `<bib>`, in the order Alma writes them (before `holdings`).
    static let names: Set<String> = [
        "title", "author", "isbn", "issn", "complete_edition", "network_numbers", "place_of_publication",
        "date_of_publication", "publisher_const",
    ]

    /// The lifted elements for `record`, absent ones left out (JSON shows `isbn`/`issn` as null).
    static func lifted(from record: MARCRecord) -> [Node] {
        var nodes: [Node] = []
        func add(_ name: String, _ value: String?) {
            if let value, !value.isEmpty { nodes.append(Node(name, text: value)) }
        }
        add("title", title(record))
        add("author", author(record))
        add("isbn", record.firstSubfieldValue("020", "a"))
        add("issn", record.firstSubfieldValue("022", "a"))
        // A bib without a 250 has no `complete_edition` (every recorded bib); an item's
        // `bib_data` shows it as "" (`CatalogViews.item`).
        add("complete_edition", record.firstSubfieldValue("250", "a"))
        let systemNumbers = systemNumbers(record)
        if !systemNumbers.isEmpty {
            nodes.append(Node("network_numbers", children: systemNumbers.map { Node("network_number", text: $0) }))
        }
        let imprint = imprint(record)
        add("place_of_publication", imprint?.subfieldValue("a"))
        add("date_of_publication", imprint?.subfieldValue("c"))
        add("publisher_const", imprint?.subfieldValue("b"))
        return nodes
    }

    /// 245 $a $b $n $p, as Alma shows the title (punctuation kept).
    static func title(_ record: MARCRecord) -> String? {
        guard let field = record.dataFields("245").first else { return nil }
        let parts = field.subfields.filter { "abnp".contains($0.code) }.map(\.value)
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// The main entry: 100, 110 or 111 $a.
    static func author(_ record: MARCRecord) -> String? {
        record.firstSubfieldValue("100", "a") ?? record.firstSubfieldValue("110", "a") ?? record.firstSubfieldValue("111", "a")
    }

    /// The 035 $a system numbers, in record order, without repeats: a re-import matches on them.
    static func systemNumbers(_ record: MARCRecord) -> [String] {
        var seen = Set<String>()
        return record.subfieldValues("035", "a").filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The publication statement: 264 with second indicator 1, else 260, else any 264.
    private static func imprint(_ record: MARCRecord) -> MARCRecord.Field? {
        let publication = record.dataFields("264").first {
            if case .data(_, _, let indicator2, _) = $0 { return indicator2 == "1" }
            return false
        }
        return publication ?? record.dataFields("260").first ?? record.dataFields("264").first
    }
}
