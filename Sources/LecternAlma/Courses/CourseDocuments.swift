import LecternRepresentation
import LecternStore

/// How courses, reading lists, citations, owners and enrolments are stored: the canonical
/// object plus what the store indexes, lifted from it on every write.
enum CourseDocuments {
    /// The brief-search fields of `GET /courses` (courses OpenAPI document, `q`).
    static let searchFields: Set<String> = [
        "code", "section", "name", "notes", "instructors", "searchable_ids", "year", "academic_department", "ALL",
    ]

    /// The key that keeps a course's code and section unique together.
    static let codeSectionKey = "code_section"

    static func codeSection(code: String, section: String) -> String {
        "\(code)\u{1F}\(section)"
    }

    /// A course; its code, section and searchable ids are links, for `exact_search`.
    static func course(_ course: Node) -> Document {
        let code = course.value("code") ?? ""
        let section = course.value("section") ?? ""
        let instructors = (course.child("instructors")?.children(named: "instructor") ?? []).map {
            [$0.value("primary_id"), $0.value("first_name"), $0.value("last_name")].compactMap { $0 }.joined(separator: " ")
        }
        let searchable = (course.child("searchable_ids")?.children(named: "searchable_id") ?? []).compactMap(\.text)
        let department = course.child("academic_department")
        var terms: [String: String] = [
            "code": code,
            "section": section,
            "name": course.value("name") ?? "",
            "notes": (course.child("notes")?.children(named: "note") ?? []).compactMap { $0.value("content") }.joined(separator: " "),
            "instructors": instructors.joined(separator: " "),
            "searchable_ids": searchable.joined(separator: " "),
            "year": course.value("year") ?? "",
            "academic_department": [department?.text, department?.attribute("desc")].compactMap { $0 }.joined(separator: " "),
        ]
        terms["ALL"] = terms.values.joined(separator: " ")
        var fields: [String: String] = ["id": course.value("id") ?? "", "status": course.value("status") ?? ""]
        for name in ["code", "section", "name", "start_date", "end_date"] { fields[name] = course.value(name) ?? "" }
        for name in ["participants", "weekly_hours"] { fields[name] = sortable(course.value(name)) }
        let links = [Document.Link("code", code), Document.Link("section", section)] + searchable.map { Document.Link("searchable_id", $0) }
        return Document(
            kind: .course,
            id: course.value("id") ?? "",
            body: course,
            keys: [Document.Key(type: codeSectionKey, value: codeSection(code: code, section: section))],
            terms: terms,
            fields: fields,
            links: links
        )
    }

    /// A reading list; its code is unique, and it links to every course it belongs to.
    static func readingList(_ list: Node, courses: [String]) -> Document {
        Document(
            kind: .readingList,
            id: list.value("id") ?? "",
            body: list,
            keys: [Document.Key(type: "code", value: list.value("code") ?? "")],
            fields: ["order": sortable(list.value("order")), "code": list.value("code") ?? "", "courses": courses.joined(separator: ",")],
            links: courses.map { Document.Link("course", $0) }
        )
    }

    /// The courses a stored reading list belongs to (kept in its fields: links are an index, not read back).
    static func courses(of list: Document) -> [String] {
        (list.fields["courses"] ?? "").split(separator: ",").map(String.init)
    }

    /// A citation, child of its reading list, linked to the bib it cites.
    static func citation(_ citation: Node, list: String) -> Document {
        let mmsID = citation.value("metadata/mms_id") ?? ""
        return Document(
            kind: .citation,
            id: citation.value("id") ?? "",
            parent: list,
            body: citation,
            links: mmsID.isEmpty ? [] : [Document.Link("bib", mmsID)]
        )
    }

    /// An owner of a reading list.
    static func owner(_ owner: Node, list: String) -> Document {
        let user = owner.value("primary_id") ?? ""
        return Document(kind: .readingListOwner, id: "\(list)/\(user)", parent: list, body: owner, links: [Document.Link("user", user)])
    }

    /// A user's enrolment in a course.
    static func enrollment(user: String, course: String) -> Document {
        Document(
            kind: .courseEnrollment,
            id: "\(course)/\(user)",
            parent: course,
            body: Node("user", children: [Node("primary_id", text: user)]),
            links: [Document.Link("user", user)]
        )
    }

    /// A whole number as text that sorts as the number does.
    private static func sortable(_ text: String?) -> String {
        let value = max(0, Int(text ?? "") ?? 0)
        let digits = String(value)
        return String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }
}
