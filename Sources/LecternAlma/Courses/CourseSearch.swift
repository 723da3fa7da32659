import Foundation
import LecternCore
import LecternPeople
import LecternStore

/// `GET /courses`'s `q`, `exact_search` and `order_by`.
enum CourseSearch {
    /// Words in fields, as the users' brief search.
    static let brief = BriefSearch(fields: CourseDocuments.searchFields)

    /// The fields `exact_search` matches as whole values, by the link they are stored under.
    private static let exactLinks = ["code": "code", "section": "section", "searchable_ids": "searchable_id"]

    /// Narrows `query` to `q` with `exact_search=true`: `code`, `section` and `searchable_ids`
    /// match the whole value (through the links' index); other fields match words. Terms join
    /// with AND only. Answers `false` when no course can match (one field, two values).
    static func exact(_ q: String, into query: inout DocumentQuery) throws -> Bool {
        guard q.count <= BriefSearch.maximumLength else { throw APIError.invalidCourseQuery("longer than \(BriefSearch.maximumLength) characters") }
        let terms = q.replacingOccurrences(of: " and ", with: " AND ", options: .caseInsensitive).components(separatedBy: " AND ")
        guard terms.count <= BriefSearch.maximumTerms else { throw APIError.invalidCourseQuery("more than \(BriefSearch.maximumTerms) terms") }
        var words: [String] = []
        for term in terms {
            guard term.range(of: " OR ", options: .caseInsensitive) == nil, let tilde = term.firstIndex(of: "~") else {
                throw APIError.invalidCourseQuery("exact_search takes field~value terms joined by AND")
            }
            let field = String(term[..<tilde]).trimmingCharacters(in: .whitespaces)
            let value = String(term[term.index(after: tilde)...]).trimmingCharacters(in: .whitespaces)
            if let link = exactLinks[field] {
                if let other = query.linked[link], other != value { return false }
                query.linked[link] = value
            } else {
                words.append("\(field)~\(value)")
            }
        }
        if !words.isEmpty { query.search = try brief.parse(words.joined(separator: " AND ")) }
        return true
    }

    /// The sort keys of `orderBy` (comma separated); the id breaks ties, as Alma documents.
    static func order(_ orderBy: String, descending: Bool) throws -> [DocumentQuery.SortKey] {
        let keys = orderBy.commaSeparatedValues
        guard !keys.isEmpty, keys.count <= CoursesAPI.sortKeys.count else { throw APIError.parameterNotValid("order_by") }
        for key in keys where !CoursesAPI.sortKeys.contains(key) { throw APIError.parameterNotValid("order_by") }
        return keys.map { DocumentQuery.SortKey($0, descending: descending) }
    }
}

extension APIError {
    static func invalidCourseQuery(_ reason: String) -> Self {
        .coursesGeneralError("Invalid search query: \(reason)")
    }
}
