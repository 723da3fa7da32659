public import Foundation
import LecternAlma
public import LecternCore
import LecternDiscovery
import LecternPeople
import LecternRepresentation
public import LecternStore

/// The demo institution's course reserves: two terms of courses in every academic department,
/// taught by faculty and taken by students, most with a reading list of demo titles and articles,
/// written through the same rules as the API.
public enum DemoCourses {
    static let levels = ["Introduction to", "Foundations of", "Methods in", "Topics in", "Advanced", "Seminar in", "History of"]

    /// One course to write: its code, section, name, department and term.
    struct Plan {
        var code: String
        var section: String
        var name: String
        var department: String
        var term: Term
    }

    /// A term: its code, year and dates.
    struct Term {
        var code: String
        var year: Int
        var start: String
        var end: String
    }

    /// The people and titles courses are made of.
    struct Campus {
        var faculty: [String]
        var students: [String]
        var bibs: [String]

        static func load(_ reader: any StoreReader) async throws -> Campus? {
            let users = try await reader.find(DocumentQuery(kind: .user)).items.filter { $0.body.value("status") != "INACTIVE" }
            let campus = Campus(
                faculty: users.filter { $0.body.value("user_group") == "FACULTY" }.map(\.id),
                students: users.filter { ["UNDERGRAD", "GRAD"].contains($0.body.value("user_group")) }.map(\.id),
                bibs: try await reader.find(DocumentQuery(kind: .bib, limit: 500)).items.map(\.id)
            )
            return campus.faculty.isEmpty || campus.students.isEmpty || campus.bibs.isEmpty ? nil : campus
        }
    }

    /// Writes the demo's courses into `tenant`: the fall term starting on September 1 before
    /// `now`, and the spring term after it, seven courses a term in every academic department.
    static func seed(_ store: any Store, tenant: Tenant, now: Date = Date()) async throws {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: now)
        let fallYear = (parts.month ?? 9) >= 8 ? (parts.year ?? 2026) : (parts.year ?? 2026) - 1
        let terms = [
            (Term(code: "FALL", year: fallYear, start: "\(fallYear)-09-01", end: "\(fallYear)-12-20"), "01"),
            (Term(code: "SPRING", year: fallYear + 1, start: "\(fallYear + 1)-01-15", end: "\(fallYear + 1)-05-15"), "02"),
        ]
        var plans: [Plan] = []
        for (term, section) in terms {
            for department in StandardCodeTables.rows(of: "AcademicDepartments") {
                for (level, prefix) in levels.enumerated() {
                    let number = 100 * (1 + level / 3) + level % 3 + (term.code == "FALL" ? 1 : 4)
                    plans.append(
                        Plan(
                            code: "\(department.code)\(number)",
                            section: section,
                            name: "\(prefix) \(department.description)",
                            department: department.code,
                            term: term
                        )
                    )
                }
            }
        }
        let allPlans = plans
        try await store.write(in: tenant) { tx in
            var random = SeededGenerator(seed: 2026)
            guard let campus = try await Campus.load(tx) else { return }
            let writer = try await CourseWriter.open(tx, institution: tenant.institution, now: now, user: "demo")
            for plan in allPlans { try await write(plan, campus: campus, writer: writer, random: &random) }
        }
    }

    /// Writes `count` more courses into `tenant` (for trying courses at a university's size),
    /// a thousand per transaction, the same for the same seed; answers how many were written.
    public static func generate(count: Int, into store: any Store, tenant: Tenant, seed: UInt64, now: Date = Date()) async throws -> Int {
        let departments = StandardCodeTables.rows(of: "AcademicDepartments")
        guard !departments.isEmpty else { return 0 }
        var written = 0
        while written < count {
            let batch = min(1_000, count - written)
            let first = written
            written += try await store.write(in: tenant) { tx in
                guard let campus = try await Campus.load(tx) else { return 0 }
                var random = SeededGenerator(seed: seed &+ UInt64(first))
                let writer = try await CourseWriter.open(tx, institution: tenant.institution, now: now, user: "generated")
                for index in first..<(first + batch) {
                    let department = departments[index % departments.count]
                    let year = 2000 + index % 27
                    let term =
                        index % 2 == 0
                        ? Term(code: "FALL", year: year, start: "\(year)-09-01", end: "\(year)-12-20")
                        : Term(code: "SPRING", year: year, start: "\(year)-01-15", end: "\(year)-05-15")
                    let plan = Plan(
                        code: "G\(department.code)\(100 + index % 900)",
                        section: "\(seed)-\(index)",
                        name: "\(levels[index % levels.count]) \(department.description)",
                        department: department.code,
                        term: term
                    )
                    try await write(plan, campus: campus, writer: writer, random: &random)
                }
                return batch
            }
            if written == first { break }
        }
        return written
    }

    /// One course with its instructors, enrolled students and (nine times in ten) a reading list.
    private static func write(_ plan: Plan, campus: Campus, writer: CourseWriter, random: inout SeededGenerator) async throws {
        let instructors = Array(Set((0..<(1 + random.int(3) / 2)).map { _ in random.pick(campus.faculty) })).sorted()
        let enrolled = Array(Set((0..<(8 + random.int(23))).map { _ in random.pick(campus.students) })).sorted()
        let course = try await writer.createCourse(Self.course(plan, instructors: instructors, participants: enrolled.count))
        try await writer.enroll(enrolled, in: course.id)
        guard random.int(10) != 0 else { return }
        let list = try await writer.createReadingList(
            Self.readingList(
                code: "\(plan.code)-\(plan.section)-\(plan.term.year)",
                name: "Readings: \(plan.name)",
                due: plan.term.end,
                random: &random
            ),
            course: course.id
        )
        _ = try await writer.putOwner(Node("owner"), userID: instructors[0], list: list.id)
        for index in 0..<(3 + random.int(6)) {
            let citation =
                index % 5 == 4
                ? Self.article(department: plan.name, index: index, random: &random)
                : Self.book(random.pick(campus.bibs), essential: index < 2)
            _ = try await writer.createCitation(citation, list: list.id)
        }
    }

    private static func course(_ plan: Plan, instructors: [String], participants: Int) -> Node {
        Node(
            "course",
            children: [
                Node("code", text: plan.code), Node("name", text: plan.name), Node("section", text: plan.section),
                Node("academic_department", text: plan.department), Node("processing_department", text: "COURSE_UNIT"),
                Node("terms", children: [Node("term", text: plan.term.code)]), Node("status", text: "ACTIVE"),
                Node("start_date", text: plan.term.start), Node("end_date", text: plan.term.end), Node("weekly_hours", text: "3"),
                Node("participants", text: String(participants)), Node("year", text: String(plan.term.year)),
                Node("instructors", children: instructors.map { Node("instructor", children: [Node("primary_id", text: $0)]) }),
                Node("campuses", children: [Node("campus", children: [Node("campus_code", text: "MAIN")])]),
                Node("searchable_ids", children: [Node("searchable_id", text: "\(plan.code)-\(plan.section)-\(plan.term.code)\(plan.term.year)")]),
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
