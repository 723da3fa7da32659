import Foundation
import LecternCore
import LecternPeople
import LecternRepresentation

/// What a course write must hold, and the canonical course it becomes: the fields in the
/// recorded order, codes with their descriptions, instructors as the users they are, dates as
/// Alma writes them (`2020-08-31Z`), and who created and last changed it.
enum CourseRules {
    /// The longest values and the typed fields (no XSD is vendored: the lengths are Alma's usual ones).
    static let schema = SchemaRules([
        "id": .init(.string, maximumLength: 255),
        "code": .init(.string, maximumLength: 50),
        "name": .init(.string, maximumLength: 255),
        "section": .init(.string, maximumLength: 50),
        "start_date": .init(.date),
        "end_date": .init(.date),
        "submit_by_date": .init(.date),
        "weekly_hours": .init(.int),
        "participants": .init(.int),
        "year": .init(.string, maximumLength: 20),
        "rolled_from": .init(.string, maximumLength: 255),
        "instructors/instructor/primary_id": .init(.string, maximumLength: 255),
        "campuses/campus/campus_participants": .init(.int),
        "searchable_ids/searchable_id": .init(.string, maximumLength: 255),
        "notes/note/content": .init(.string, maximumLength: 4000),
    ])

    static let statuses: Set<String> = ["ACTIVE", "INACTIVE"]

    /// The primary ids of the instructors `incoming` names, in order, once each.
    static func instructorIDs(in incoming: Node) -> [String] {
        var seen: Set<String> = []
        return (incoming.child("instructors")?.children(named: "instructor") ?? []).compactMap { instructor in
            guard let id = instructor.value("primary_id"), !id.isEmpty, seen.insert(id).inserted else { return nil }
            return id
        }
    }

    /// The course to store for `incoming`, the client's course; `stored` is the course it
    /// replaces, `users` the instructors by primary id.
    static func prepare(
        _ incoming: Node,
        id: String,
        stored: Node?,
        codes: CourseCodes,
        users: [String: Node],
        stamp: CatalogStamp,
        user: String
    ) throws -> Node {
        let sentID = text(incoming, "id")
        if !sentID.isEmpty, stored == nil || sentID != id { throw APIError.identifierNotEmpty("Course") }
        let code = text(incoming, "code")
        let name = text(incoming, "name")
        guard !code.isEmpty, !name.isEmpty else { throw APIError.codeAndNameMandatory("Course") }
        if let stored, stored.value("code") != code { throw APIError.courseCodeUnchangeable }
        let status = text(incoming, "status")
        guard !status.isEmpty else { throw APIError.statusMandatory("Course") }
        guard statuses.contains(status) else { throw notValid("status", status) }
        if let (path, reason) = schema.firstViolation(in: incoming) { throw notValid(path, reason) }
        for path in ["weekly_hours", "participants"] where text(incoming, path).hasPrefix("-") {
            throw notValid(path, "is negative")
        }

        var course = Node("course")
        func add(_ name: String, _ value: String) { course.children.append(Node(name, text: value)) }
        add("id", id)
        add("code", code)
        add("name", name)
        add("section", text(incoming, "section"))
        if let department = try codes.code(
            "academic_department",
            incoming.child("academic_department"),
            in: CourseCodes.academicDepartments,
            refusal: CourseCodes.notValid("academic_department")
        ) {
            course.children.append(department)
        }
        let defaultUnit = codes.tables.description(of: "COURSE_UNIT", in: CourseCodes.processingDepartments) == nil ? nil : "COURSE_UNIT"
        if let unit = try codes.code(
            "processing_department",
            incoming.child("processing_department"),
            in: CourseCodes.processingDepartments,
            fallback: defaultUnit,
            refusal: APIError.courseUnitNotValid
        ) {
            course.children.append(unit)
        }
        let terms = try (incoming.child("terms")?.children(named: "term") ?? []).compactMap {
            try codes.code("term", $0, in: CourseCodes.terms, refusal: CourseCodes.notValid("term"))
        }
        if !terms.isEmpty { course.children.append(Node("terms", children: terms)) }
        add("status", status)
        for field in ["start_date", "end_date"] {
            let date = text(incoming, field)
            if !date.isEmpty { add(field, day(date)) }
        }
        add("weekly_hours", number(incoming, "weekly_hours"))
        add("participants", number(incoming, "participants"))
        add("year", text(incoming, "year"))
        course.children.append(wrapper("instructors", try instructorIDs(in: incoming).map { try instructor($0, users) }))
        course.children.append(wrapper("campuses", try campuses(in: incoming, codes: codes)))
        var seenIDs: Set<String> = []
        let searchable = (incoming.child("searchable_ids")?.children(named: "searchable_id") ?? []).compactMap {
            $0.text.flatMap { $0.isEmpty || !seenIDs.insert($0).inserted ? nil : Node("searchable_id", text: $0) }
        }
        if !searchable.isEmpty { course.children.append(Node("searchable_ids", children: searchable)) }
        course.children.append(wrapper("notes", notes(in: incoming, stamp: stamp, user: user)))
        let submitBy = text(incoming, "submit_by_date")
        if !submitBy.isEmpty { add("submit_by_date", day(submitBy)) }
        add("created_by", stored?.value("created_by") ?? user)
        add("created_date", stored?.value("created_date") ?? stamp.date)
        add("last_modified_by", user)
        add("last_modified_date", stamp.date)
        add("rolled_from", stored?.value("rolled_from") ?? text(incoming, "rolled_from"))
        return course
    }

    private static func instructor(_ id: String, _ users: [String: Node]) throws -> Node {
        guard let user = users[id] else {
            throw APIError(.parameterNotValid, "Parameter is not valid: instructor \(id) is not a user of the institution.")
        }
        return Node(
            "instructor",
            children: [
                Node("primary_id", text: id), Node("first_name", text: user.value("first_name") ?? ""),
                Node("last_name", text: user.value("last_name") ?? ""),
            ]
        )
    }

    private static func campuses(in incoming: Node, codes: CourseCodes) throws -> [Node] {
        try (incoming.child("campuses")?.children(named: "campus") ?? []).compactMap { campus in
            guard
                let code = try codes.code(
                    "campus_code",
                    campus.child("campus_code"),
                    in: CourseCodes.campuses,
                    refusal: CourseCodes.notValid("campus_code")
                )
            else { return nil }
            return Node("campus", children: [code, Node("campus_participants", text: number(campus, "campus_participants"))])
        }
    }

    private static func notes(in incoming: Node, stamp: CatalogStamp, user: String) -> [Node] {
        (incoming.child("notes")?.children(named: "note") ?? []).compactMap { note in
            let content = text(note, "content")
            guard !content.isEmpty else { return nil }
            let by = text(note, "created_by")
            let date = text(note, "created_date")
            return Node(
                "note",
                children: [
                    Node("content", text: content), Node("created_by", text: by.isEmpty ? user : by),
                    Node("created_date", text: date.isEmpty ? stamp.date : date),
                ]
            )
        }
    }

    /// A list's wrapper, kept when empty (`<notes/>`, JSON `"note": []`, as recorded).
    static func wrapper(_ name: String, _ children: [Node]) -> Node {
        Node(name, text: children.isEmpty ? "" : nil, children: children)
    }

    static func notValid(_ field: String, _ reason: String) -> APIError {
        APIError(.parameterNotValid, "Parameter is not valid: \(field) \(reason).")
    }

    /// The text of the child `name`, trimmed; empty when absent.
    static func text(_ node: Node, _ name: String) -> String {
        (node.value(name) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A whole number as stored: `0` when absent, without a sign or leading zeros.
    private static func number(_ node: Node, _ name: String) -> String {
        String(Int32(text(node, name).replacingOccurrences(of: "+", with: "")) ?? 0)
    }

    /// A valid `xs:date` as Alma writes it: the day and `Z`.
    static func day(_ date: String) -> String {
        String(date.prefix(10)) + "Z"
    }
}
