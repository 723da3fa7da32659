import LecternCore
import LecternPeople
import LecternRepresentation
import LecternStore

/// The code tables courses, reading lists and citations are written with, loaded once per write:
/// a client sends a code, the stored object carries it with its description.
struct CourseCodes: Sendable {
    static let academicDepartments = "AcademicDepartments"
    static let processingDepartments = "CourseProcessingDepartments"
    static let terms = "CourseTerms"
    static let campuses = "CampusListOfValues"
    static let listStatuses = "ReadingListStatuses"
    static let listVisibility = "ReadingListVisibility"
    static let listPublishing = "ReadingListPublishingStatuses"
    static let citationStatuses = "CitationStatuses"
    static let copyrightStatuses = "CitationCopyrightStatuses"
    static let citationTypes = "CitationTypes"
    static let secondaryTypes = "CitationSecondaryTypes"
    static let tagTypes = "CitationTagTypes"
    static let tags = "CitationTags"
    static let accessRights = "ReadingListAccessRights"

    private static let all = [
        academicDepartments, processingDepartments, terms, campuses, listStatuses, listVisibility, listPublishing, citationStatuses,
        copyrightStatuses, citationTypes, secondaryTypes, tagTypes, tags, accessRights,
    ]

    let tables: CodeTables

    /// The tables as the tenant has them; a tenant created before they were standard gets the
    /// standard rows.
    static func load(from reader: any StoreReader) async throws -> CourseCodes {
        let standard = Dictionary(uniqueKeysWithValues: all.map { ($0, StandardCodeTables.rows(of: $0)) })
        return CourseCodes(tables: try await CodeTables.load(all, from: reader).withDefaults(standard))
    }

    /// `<name desc="…">code</name>` for the code sent in `sent` (its text), or `fallback` when
    /// none was sent; `nil` when neither. A code its table does not hold is `refusal`.
    func code(_ name: String, _ sent: Node?, in table: String, fallback: String? = nil, refusal: (String) -> APIError) throws -> Node? {
        let sentCode = sent?.text.flatMap { $0.isEmpty ? nil : $0 }
        guard let code = sentCode ?? fallback else { return nil }
        guard let description = tables.description(of: code, in: table) else { throw refusal(code) }
        return Node(name, attributes: [.init("desc", description)], text: code)
    }

    /// The code refused as a parameter that is not valid, naming the field and the code.
    static func notValid(_ field: String) -> (String) -> APIError {
        { code in APIError(.parameterNotValid, "Parameter is not valid: \(field) \(code) is not a known code.") }
    }
}
