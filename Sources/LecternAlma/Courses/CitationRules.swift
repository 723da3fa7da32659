import LecternCore
import LecternRepresentation

/// What a citation write must hold, and the canonical citation it becomes. A citation of a bib
/// (`metadata/mms_id`) takes the bib's description where the client sent none, so that it still
/// reads as it did if the bib is deleted later.
enum CitationRules {
    static let metadataFields = AlmaShapes.citationMetadata.members.map(\.name)
    static let textFields = ["open_url", "leganto_permalink", "public_note"] + (1...10).map { "source\($0)" } + ["file_link", "license_type"]

    static let schema = SchemaRules(
        Dictionary(uniqueKeysWithValues: metadataFields.map { ("metadata/\($0)", SchemaRules.Rule(.string, maximumLength: 4000)) })
            .merging(textFields.map { ($0, SchemaRules.Rule(.string, maximumLength: 4000)) }) { $1 }
            .merging([
                ("section_info/name", .init(.string, maximumLength: 255)), ("section_info/description", .init(.string, maximumLength: 4000)),
                ("section_info/visibility", .init(.boolean)), ("section_info/section_locked", .init(.boolean)),
                ("section_info/start_date", .init(.date)), ("section_info/end_date", .init(.date)),
            ]) { $1 }
    )

    /// Secondary types that describe an article: they need an article title and take no chapter.
    static let articleTypes: Set<String> = ["CR", "E_CR", "NEWSPAPER_ARTICLE"]
    static let chapterFields = ["chapter", "chapter_title", "chapter_author"]

    /// The bib's lifted fields a citation's metadata takes, by metadata field.
    static let fromBib: [(metadata: String, bib: String)] = [
        ("title", "title"), ("author", "author"), ("publisher", "publisher_const"), ("publication_date", "date_of_publication"),
        ("edition", "complete_edition"), ("isbn", "isbn"), ("issn", "issn"), ("place_of_publication", "place_of_publication"),
    ]

    /// The MMS id `incoming` cites, if any.
    static func mmsID(in incoming: Node) -> String? {
        let id = CourseRules.text(incoming, "metadata/mms_id")
        return id.isEmpty ? nil : id
    }

    /// The citation to store for `incoming` as the citation `id`; `bib` is the cited bib's body.
    static func prepare(_ incoming: Node, id: String, isNew: Bool, bib: Node?, codes: CourseCodes, stamp: CatalogStamp) throws -> Node {
        let sentID = CourseRules.text(incoming, "id")
        if !sentID.isEmpty, isNew || sentID != id { throw APIError.identifierNotEmpty("Citation") }
        guard incoming.child("status")?.text.map({ !$0.isEmpty }) == true else { throw APIError.statusMandatory("Citation") }
        if let (path, reason) = schema.firstViolation(in: incoming) { throw CourseRules.notValid(path, reason) }

        var citation = Node("citation")
        citation.children.append(Node("id", text: id))
        let coded: [(String, String, String?)] = [
            ("status", CourseCodes.citationStatuses, nil), ("copyrights_status", CourseCodes.copyrightStatuses, "NOTDETERMINED"),
            ("type", CourseCodes.citationTypes, nil), ("secondary_type", CourseCodes.secondaryTypes, "BK"),
        ]
        for (field, table, fallback) in coded {
            if let node = try codes.code(field, incoming.child(field), in: table, fallback: fallback, refusal: CourseCodes.notValid(field)) {
                citation.children.append(node)
            }
        }
        let metadata = try metadata(incoming, bib: bib, secondaryType: citation.value("secondary_type") ?? "BK")
        citation.children.append(metadata)
        for field in textFields {
            let value = CourseRules.text(incoming, field)
            if !value.isEmpty { citation.children.append(Node(field, text: value)) }
        }
        citation.children.append(Node("last_modified_date", text: stamp.date))
        if let section = incoming.child("section_info") { citation.children.append(sectionInfo(section)) }
        citation.children.append(try tags(incoming.child("citation_tags"), codes: codes))
        return citation
    }

    private static func metadata(_ incoming: Node, bib: Node?, secondaryType: String) throws -> Node {
        var values: [String: String] = [:]
        for field in metadataFields {
            let value = CourseRules.text(incoming, "metadata/\(field)")
            if !value.isEmpty { values[field] = value }
        }
        if let bib {
            for (field, bibField) in fromBib where values[field] == nil {
                if let value = bib.value(bibField), !value.isEmpty { values[field] = value }
            }
        }
        guard values["title"] != nil || values["article_title"] != nil || values["journal_title"] != nil else { throw APIError.titleMandatory }
        if articleTypes.contains(secondaryType) {
            guard values["article_title"] != nil else { throw APIError.articleTitleMandatory }
            if let field = chapterFields.first(where: { values[$0] != nil }) {
                throw APIError.citationTypeIncompatible("\(field) is not a field of an article (\(secondaryType))")
            }
        }
        return Node("metadata", children: metadataFields.compactMap { field in values[field].map { Node(field, text: $0) } })
    }

    private static func sectionInfo(_ incoming: Node) -> Node {
        var section = Node("section_info")
        for field in ["id", "name", "description"] {
            let value = CourseRules.text(incoming, field)
            if !value.isEmpty { section.children.append(Node(field, text: value)) }
        }
        section.children.append(Node("visibility", text: boolean(CourseRules.text(incoming, "visibility"), default: true)))
        for field in ["start_date", "end_date"] {
            let value = CourseRules.text(incoming, field)
            if !value.isEmpty { section.children.append(Node(field, text: CourseRules.day(value))) }
        }
        section.children.append(Node("section_locked", text: boolean(CourseRules.text(incoming, "section_locked"), default: false)))
        return section
    }

    /// The tags `incoming` (a `citation_tags` element) holds: each a known value and a type, `PUBLIC` unless sent.
    static func tags(_ incoming: Node?, codes: CourseCodes) throws -> Node {
        let tags = try (incoming?.children(named: "citation_tag") ?? []).compactMap { tag -> Node? in
            guard let value = try codes.code("value", tag.child("value"), in: CourseCodes.tags, refusal: CourseCodes.notValid("citation_tag"))
            else { return nil }
            let type = try codes.code("type", tag.child("type"), in: CourseCodes.tagTypes, fallback: "PUBLIC", refusal: CourseCodes.notValid("type"))
            return Node("citation_tag", children: [value] + (type.map { [$0] } ?? []))
        }
        guard tags.count <= 100 else { throw CourseRules.notValid("citation_tags", "holds more than 100 tags") }
        return CourseRules.wrapper("citation_tags", tags)
    }

    private static func boolean(_ text: String, default value: Bool) -> String {
        switch text {
        case "true", "1": "true"
        case "false", "0": "false"
        default: String(value)
        }
    }
}
