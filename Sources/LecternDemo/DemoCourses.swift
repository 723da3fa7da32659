import Foundation
import LecternAlma
import LecternCore
import LecternDiscovery
import LecternPeople
import LecternRepresentation
import LecternStore

/// The demo institution's course reserves: two terms of courses in every academic department,
/// taught by faculty and taken by students, most with a reading list of demo titles and articles,
/// written through the same rules as the API.
enum DemoCourses {
    static let levels = ["Introduction to", "Foundations of", "Methods in", "Topics in", "Advanced", "Seminar in", "History of"]

    /// Writes the courses into `tenant`, the fall term starting on September 1 before `now`.
    static func seed(_ store: any Store, tenant: Tenant, now: Date = Date()) async throws {
        try await store.write(in: tenant) { tx in
            let users = try await tx.find(DocumentQuery(kind: .user)).items.filter { $0.body.value("status") != "INACTIVE" }
            let faculty = users.filter { $0.body.value("user_group") == "FACULTY" }.map(\.id)
            let students = users.filter { ["UNDERGRAD", "GRAD"].contains($0.body.value("user_group")) }.map(\.id)
            let bibs = try await tx.find(DocumentQuery(kind: .bib, limit: 500)).items.map(\.id)
            guard !faculty.isEmpty, !students.isEmpty, !bibs.isEmpty else { return }
            let writer = try await CourseWriter.open(tx, institution: tenant.institution, now: now, user: "demo")
            var random = SeededGenerator(seed: 2026)
            let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: now)
            let fallYear = (parts.month ?? 9) >= 8 ? (parts.year ?? 2026) : (parts.year ?? 2026) - 1
            let terms = [
                (code: "FALL", section: "01", year: fallYear, start: "\(fallYear)-09-01", end: "\(fallYear)-12-20"),
                (code: "SPRING", section: "02", year: fallYear + 1, start: "\(fallYear + 1)-01-15", end: "\(fallYear + 1)-05-15"),
            ]
            let departments = StandardCodeTables.rows(of: "AcademicDepartments")
            for term in terms {
                for department in departments {
                    for (level, prefix) in levels.enumerated() {
                        let code = "\(department.code)\(100 * (1 + level / 3) + level % 3 + (term.code == "FALL" ? 1 : 4))"
                        let name = "\(prefix) \(department.description)"
                        let instructors = Array(Set((0..<(1 + random.int(3) / 2)).map { _ in random.pick(faculty) })).sorted()
                        let enrolled = Array(Set((0..<(8 + random.int(23))).map { _ in random.pick(students) })).sorted()
                        let course = try await writer.createCourse(
                            Self.course(
                                code: code, section: term.section, name: name, department: department.code, term: term,
                                instructors: instructors, participants: enrolled.count
                            )
                        )
                        try await writer.enroll(enrolled, in: course.id)
                        guard random.int(10) != 0 else { continue }
                        let list = try await writer.createReadingList(
                            Self.readingList(code: "\(code)-\(term.section)-\(term.year)", name: "Readings: \(name)", due: term.end, random: &random),
                            course: course.id
                        )
                        _ = try await writer.putOwner(Node("owner"), userID: instructors[0], list: list.id)
                        for index in 0..<(3 + random.int(6)) {
                            let citation =
                                index % 5 == 4
                                ? Self.article(department: department.description, index: index, random: &random)
                                : Self.book(random.pick(bibs), essential: index < 2)
                            _ = try await writer.createCitation(citation, list: list.id)
                        }
                    }
                }
            }
        }
    }

    private static func course(
        code: String,
        section: String,
        name: String,
        department: String,
        term: (code: String, section: String, year: Int, start: String, end: String),
        instructors: [String],
        participants: Int
    ) -> Node {
        Node(
            "course",
            children: [
                Node("code", text: code), Node("name", text: name), Node("section", text: section),
                Node("academic_department", text: department), Node("processing_department", text: "COURSE_UNIT"),
                Node("terms", children: [Node("term", text: term.code)]), Node("status", text: "ACTIVE"),
                Node("start_date", text: term.start), Node("end_date", text: term.end), Node("weekly_hours", text: "3"),
                Node("participants", text: String(participants)), Node("year", text: String(term.year)),
                Node("instructors", children: instructors.map { Node("instructor", children: [Node("primary_id", text: $0)]) }),
                Node("campuses", children: [Node("campus", children: [Node("campus_code", text: "MAIN")])]),
                Node("searchable_ids", children: [Node("searchable_id", text: "\(code)-\(section)-\(term.code)\(term.year)")]),
            ]
        )
    }

    private static func readingList(code: String, name: String, due: String, random: inout SeededGenerator) -> Node {
        let published = random.int(4) != 0
        return Node(
            "reading_list",
            children: [
                Node("code", text: code), Node("name", text: name), Node("due_back_date", text: due),
                Node("status", text: published ? "Complete" : "BeingPrepared"),
                Node("visibility", text: published ? "OPEN_TO_INSTITUTION" : "RESTRICTED"),
                Node("publishingStatus", text: published ? "PUBLISHED" : "DRAFT"),
                Node("description", text: "Required and recommended readings"),
            ]
        )
    }

    private static func book(_ mmsID: String, essential: Bool) -> Node {
        Node(
            "citation",
            children: [
                Node("status", text: "Complete"), Node("copyrights_status", text: "NOTREQUIRED"), Node("type", text: "BK"),
                Node("secondary_type", text: "BK"), Node("metadata", children: [Node("mms_id", text: mmsID)]),
                Node("section_info", children: [Node("name", text: essential ? "Core readings" : "Further reading")]),
                Node(
                    "citation_tags",
                    children: [Node("citation_tag", children: [Node("value", text: essential ? "ESSENTIAL" : "RECOMMENDED")])]
                ),
            ]
        )
    }

    private static func article(department: String, index: Int, random: inout SeededGenerator) -> Node {
        let author = "\(random.pick(["Okafor", "Lindqvist", "Tanaka", "Moreau", "Haddad", "Kowalski"])), \(random.pick(["A.", "J.", "M.", "S."]))"
        return Node(
            "citation",
            children: [
                Node("status", text: "Complete"), Node("copyrights_status", text: "APPROVED"), Node("type", text: "CR"),
                Node("secondary_type", text: "CR"),
                Node(
                    "metadata",
                    children: [
                        Node("author", text: author), Node("journal_title", text: "Journal of \(department)"),
                        Node("article_title", text: "Recent work in \(department.lowercased()) (\(index))"),
                        Node("volume", text: String(10 + random.int(30))), Node("issue", text: String(1 + random.int(4))),
                        Node("year", text: String(2010 + random.int(16))),
                    ]
                ),
                Node("section_info", children: [Node("name", text: "Articles")]),
            ]
        )
    }
}
