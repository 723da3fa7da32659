import LecternMARC
import LecternRepresentation

/// The asset as a MARC record, so that discovery normalizes assets by the same PNX rules as
/// bibs. The crosswalk, field by field:
///
/// | asset | MARC |
/// |---|---|
/// | `resourcetype.esploro` | leader/06-07 and 008/21, 008/24, 008/29 (see ``leaderAndFixedFields(_:)``) |
/// | `date.published` (its year) | 008/07-10 and `264 _1 $c` |
/// | `language` (first) | 008/35-37 |
/// | `identifier.doi` | `024 7_ $a … $2 doi` |
/// | first of `creators` | `100 1_ $a Family, Given` (`700 1_` for the others) |
/// | `title`, `title.subtitle` | `245 10 $a $b` |
/// | `publisher` | `264 _1 $b` |
/// | `description.abstract` | `520 3_ $a` |
/// | a thesis type | `502 $a Thesis` |
/// | `keywords`, `subject.esploro` | `653 __ $a` |
/// | `links` (`link.url`) | `856 40 $u` |
enum AssetMARC {
    static func record(_ asset: AssetRecord, id: String) -> MARCRecord {
        let type = asset.text("resourcetype.esploro") ?? "other.other"
        let (leader, fixed) = leaderAndFixedFields(type)
        let year = String((asset.text("date.published") ?? "").prefix(4))
        let language = AssetDocument.strings(asset["language"]).first ?? "eng"
        var field008 = Array("000000s\(year.count == 4 ? year : "    ")    xx            000 0 \(language.count == 3 ? language : "eng") d")
        for (position, value) in fixed { field008[position] = value }
        var fields: [MARCRecord.Field] = [.control(tag: "001", value: id), .control(tag: "008", value: String(field008))]
        if let doi = asset.text("identifier.doi") {
            fields.append(.data(tag: "024", indicator1: "7", indicator2: " ", subfields: [.init("a", doi), .init("2", "doi")]))
        }
        for (index, creator) in AssetDocument.objects(asset["creators"]).enumerated() {
            let name = [creator.text("familyname"), creator.text("givenname")].compactMap { $0 }.joined(separator: ", ")
            guard let heading = name.isEmpty ? creator.text("creatorname") : name else { continue }
            fields.append(.data(tag: index == 0 ? "100" : "700", indicator1: "1", indicator2: " ", subfields: [.init("a", heading)]))
        }
        var title: [MARCRecord.Subfield] = [.init("a", asset.text("title") ?? "")]
        if let subtitle = asset.text("title.subtitle") { title.append(.init("b", subtitle)) }
        fields.append(.data(tag: "245", indicator1: "1", indicator2: "0", subfields: title))
        var publication: [MARCRecord.Subfield] = []
        if let publisher = asset.text("publisher") { publication.append(.init("b", publisher)) }
        if year.count == 4 { publication.append(.init("c", year)) }
        if !publication.isEmpty { fields.append(.data(tag: "264", indicator1: " ", indicator2: "1", subfields: publication)) }
        if type.hasPrefix("etd.") { fields.append(.data(tag: "502", indicator1: " ", indicator2: " ", subfields: [.init("a", "Thesis")])) }
        for abstract in AssetDocument.objects(asset["description.abstract"]).compactMap({ $0.text("value") }) {
            fields.append(.data(tag: "520", indicator1: "3", indicator2: " ", subfields: [.init("a", abstract)]))
        }
        let keywords = AssetDocument.objects(asset["keywords"]).flatMap { AssetDocument.strings($0["values"]) }
        for term in AssetDocument.strings(asset["subject.esploro"]) + keywords {
            fields.append(.data(tag: "653", indicator1: " ", indicator2: " ", subfields: [.init("a", term)]))
        }
        for url in AssetDocument.objects(asset["links"]).compactMap({ $0.text("link.url") }) {
            fields.append(.data(tag: "856", indicator1: "4", indicator2: "0", subfields: [.init("u", url)]))
        }
        return MARCRecord(leader: leader, fields: fields)
    }

    /// The leader and the 008 positions that give the asset its Primo resource type.
    static func leaderAndFixedFields(_ type: String) -> (leader: String, fixed: [Int: Character]) {
        func leader(_ recordType: Character, _ level: Character) -> String { "00000n\(recordType)\(level) a2200000 i 4500" }
        switch type {
        case "publication.journalArticle", "publication.review", "publication.editorial", "publication.preprint":
            return (leader("a", "b"), [21: "p"])
        case "publication.bookChapter": return (leader("a", "a"), [:])
        case "publication.conferenceProceeding", "publication.conferencePaper", "conference.presentation", "conference.poster":
            return (leader("a", "m"), [29: "1"])
        case "etd.doctoral", "etd.graduate", "etd.undergraduate": return (leader("a", "m"), [24: "m"])
        case "dataset.dataset": return (leader("m", "m"), [26: "a"])
        case "software.software": return (leader("m", "m"), [26: "b"])
        default: return (leader("a", "m"), [:])
        }
    }
}
