import Foundation
import LecternCore
import LecternPeople
import LecternRepresentation
import LecternStore

/// Courses (`/almaws/v1/courses`): list with brief search, create, retrieve (with `view=full`
/// their reading lists and citations), update (swap all), delete; enrolments and the reading
/// lists a course is associated with.
struct CoursesAPI {
    let store: any Store

    static let paging = Paging(
        limit: RouteParameter("limit", "Results per page, 0-100", default: "10").integer(in: 0...100, refusal: .coursesGeneralError),
        offset: RouteParameter.offset
    )
    static let q = RouteParameter(
        "q",
        "Brief search, field~words joined by AND or OR: code, section, name, notes, instructors, searchable_ids, year, academic_department, ALL"
    )
    static let status = RouteParameter("status", "ACTIVE, INACTIVE or ALL", default: "ALL", allowed: ["ACTIVE", "INACTIVE", "ALL"])
        .checked(.coursesGeneralError)
    static let sortKeys = ["id", "name", "code", "section", "start_date", "end_date", "participants", "weekly_hours"]
    static let orderBy = RouteParameter("order_by", "Sort keys, comma separated: \(sortKeys.joined(separator: ", "))", default: "code,section")
    static let direction = RouteParameter("direction", "ASC or DESC", default: "ASC", allowed: ["ASC", "DESC"])
        .checked(.coursesGeneralError, ignoringCase: true)
    static let exactSearch = RouteParameter.flag(
        "exact_search",
        "Whether code, section and searchable_ids match the whole value exactly (terms joined by AND)",
        default: false
    ).checked(.coursesGeneralError)
    static let normalize = RouteParameter("normalize", "For future use (ignored, as in Alma)")
    static let view = RouteParameter(
        "view",
        "brief, or full with the reading lists and their citations",
        default: "brief",
        allowed: ["brief", "full"]
    )
    .checked(.parameterNotValid)
    static let op = RouteParameter(
        "op",
        "enroll_user, unenroll_user or associate_to_reading_lists",
        required: true,
        allowed: ["enroll_user", "unenroll_user", "associate_to_reading_lists"]
    ).checked(.parameterNotValid)
    static let userIDs = RouteParameter("user_ids", "Users' primary ids, comma separated (enroll_user, unenroll_user)")
    static let listIDs = RouteParameter("list_ids", "Reading list ids, comma separated (associate_to_reading_lists)")
    static let courseID = RouteParameter("course_id", "The course's id")

    static let writeErrors: [APIError] = [
        .identifierNotEmpty("Course"), .codeAndNameMandatory("Course"), .statusMandatory("Course"), .courseUnitNotValid("{code}"),
        .parameterNotValid("{parameter}"), .courseCodeNotUnique(code: "{code}", section: "{section}"),
    ]

    var routes: [Route] {
        let courses = "/almaws/v1/courses"
        let course = "\(courses)/{course_id}"
        let path = [Self.courseID]
        let negotiated: [RouteParameter] = [.format, .lang]
        let notFound: [APIError] = [.courseNotFound("{course_id}")]
        return [
            Route(.get, courses, list).documented(
                "Retrieve courses",
                query: [Self.q] + Self.paging.parameters + [Self.status, Self.orderBy, Self.direction, Self.exactSearch, Self.normalize]
                    + negotiated,
                response: CourseObjects.courses,
                errors: [.coursesGeneralError("{reason}")]
            ),
            Route(.post, courses, create).documented(
                "Create a course",
                query: negotiated,
                body: [.xml, .json],
                request: CourseObjects.course,
                response: CourseObjects.course,
                errors: Self.writeErrors
            ),
            Route(.get, course, get).documented(
                "Retrieve a course",
                path: path,
                query: [Self.view] + negotiated,
                response: CourseObjects.course,
                errors: notFound
            ),
            Route(.put, course, update).documented(
                "Update a course (swap all)",
                path: path,
                query: negotiated,
                body: [.xml, .json],
                request: CourseObjects.course,
                response: CourseObjects.course,
                errors: notFound + Self.writeErrors + [.courseCodeUnchangeable]
            ),
            Route(.delete, course, delete).documented(
                "Delete a course, with its reading lists and citations unless a list belongs to another course too",
                path: path,
                query: negotiated,
                answer: .noContent,
                errors: notFound
            ),
            Route(.post, course, operation).documented(
                "Enroll or unenroll users, or associate reading lists",
                path: path,
                query: [Self.op, Self.userIDs, Self.listIDs] + negotiated,
                response: CourseObjects.course,
                errors: notFound + [.parameterNotValid("{parameter}"), .readingListNotFound("{list_id}")]
            ),
            Route(.get, "\(course)/users", enrolled).documented(
                "Retrieve the users enrolled in a course",
                path: path,
                query: negotiated,
                response: CourseObjects.users,
                errors: notFound
            ),
            Route(.delete, "\(course)/users/{user_id}", unenroll).documented(
                "Unenroll users from a course",
                path: path + [RouteParameter("user_id", "Users' primary ids, comma separated")],
                query: negotiated,
                answer: .noContent,
                errors: notFound
            ),
            Route(.delete, "\(course)/lists/{list_id}", dissociate).documented(
                "Remove a reading list from a course",
                path: path + [RouteParameter("list_id", "The reading list's id")],
                query: negotiated,
                answer: .noContent,
                errors: notFound + [.readingListNotFound("{list_id}")]
            ),
        ]
    }

    // MARK: - GET /courses

    @Sendable func list(_ call: Call) async throws -> Reply {
        let (limit, offset) = call.page(Self.paging)
        var query = DocumentQuery(kind: .course, limit: limit, offset: offset)
        if let status = call.text(Self.status), status != "ALL" { query.equals["status"] = status }
        if let q = call.query(Self.q), !q.isEmpty {
            if call.text(Self.exactSearch) == "true" {
                guard try CourseSearch.exact(q, into: &query) else {
                    return .object(Node.listRoot("courses", total: 0), AlmaShapes.courses)
                }
            } else {
                query.search = try CourseSearch.brief.parse(q)
            }
        }
        let descending = call.text(Self.direction)?.uppercased() == "DESC"
        query.order = try CourseSearch.order(call.text(Self.orderBy) ?? "code,section", descending: descending)
        let finalQuery = query
        let page = try await store.read(in: call.tenant) { try await $0.find(finalQuery) }
        let courses = page.items.map { CourseViews.course($0, baseURL: call.baseURL) }
        return .object(Node.listRoot("courses", total: page.total, items: courses), AlmaShapes.courses)
    }

    // MARK: - POST /courses, PUT and DELETE /courses/{course_id}

    @Sendable func create(_ call: Call) async throws -> Reply {
        let incoming = try call.object("course", as: AlmaShapes.course)
        let created = try await CourseWriter.write(call, in: store) { try await $0.createCourse(incoming) }
        return .object(CourseViews.course(created, baseURL: call.baseURL), AlmaShapes.course)
    }

    @Sendable func update(_ call: Call) async throws -> Reply {
        let incoming = try call.object("course", as: AlmaShapes.course)
        let updated = try await CourseWriter.write(call, in: store) { writer in
            let stored = try await CourseLookup.course(call, in: writer.tx)
            return try await writer.putCourse(incoming, id: stored.id, stored: stored.body)
        }
        return .object(CourseViews.course(updated, baseURL: call.baseURL), AlmaShapes.course)
    }

    @Sendable func delete(_ call: Call) async throws -> Reply {
        try await store.write(in: call.tenant) { tx in
            let course = try await CourseLookup.course(call, in: tx)
            var lists = DocumentQuery(kind: .readingList)
            lists.linked = ["course": course.id]
            for list in try await tx.find(lists).items {
                let others = CourseDocuments.courses(of: list).filter { $0 != course.id }
                if others.isEmpty {
                    try await CourseLookup.purge(list, in: tx)
                } else {
                    try await tx.put(CourseDocuments.readingList(list.body, courses: others))
                }
            }
            for enrollment in try await tx.find(DocumentQuery(kind: .courseEnrollment, parent: course.id)).items {
                try await tx.delete(.courseEnrollment, id: enrollment.id)
            }
            try await tx.delete(.course, id: course.id)
        }
        return .noContent
    }

    // MARK: - GET /courses/{course_id}

    @Sendable func get(_ call: Call) async throws -> Reply {
        let full = call.text(Self.view) == "full"
        let baseURL = call.baseURL
        let view = try await store.read(in: call.tenant) { reader in
            let course = try await CourseLookup.course(call, in: reader)
            guard full else { return CourseViews.course(course, baseURL: baseURL) }
            var query = DocumentQuery(kind: .readingList, order: [.init("order")])
            query.linked = ["course": course.id]
            let lists = try await reader.find(query).items
            let citations = try await CourseViews.citations(of: lists, course: course.id, baseURL: baseURL, in: reader)
            let listViews = lists.map { CourseViews.readingList($0, course: course.id, baseURL: baseURL, citations: citations[$0.id] ?? []) }
            return CourseViews.course(course, baseURL: baseURL, lists: listViews)
        }
        return .object(view, AlmaShapes.course)
    }

    // MARK: - Enrolments and associated reading lists

    @Sendable func operation(_ call: Call) async throws -> Reply {
        let op = call.text(Self.op) ?? ""
        let userIDs = (call.query(Self.userIDs) ?? "").commaSeparatedValues
        let listIDs = (call.query(Self.listIDs) ?? "").commaSeparatedValues
        let named = op == "associate_to_reading_lists" ? listIDs : userIDs
        guard !named.isEmpty, named.count <= 1_000 else {
            throw APIError.parameterNotValid(op == "associate_to_reading_lists" ? "list_ids" : "user_ids")
        }
        let course = try await CourseWriter.write(call, in: store) { writer in
            let tx = writer.tx
            let course = try await CourseLookup.course(call, in: tx)
            switch op {
            case "enroll_user":
                try await writer.enroll(userIDs, in: course.id)
            case "unenroll_user":
                try await Self.unenroll(userIDs, from: course.id, in: tx)
            default:
                for id in listIDs {
                    guard let list = try await tx.document(.readingList, id: id) else { throw APIError.readingListNotFound(id) }
                    let courses = CourseDocuments.courses(of: list)
                    if !courses.contains(course.id) { try await tx.put(CourseDocuments.readingList(list.body, courses: courses + [course.id])) }
                }
            }
            return course
        }
        return .object(CourseViews.course(course, baseURL: call.baseURL), AlmaShapes.course)
    }

    @Sendable func enrolled(_ call: Call) async throws -> Reply {
        let enrollments = try await store.read(in: call.tenant) { reader in
            let course = try await CourseLookup.course(call, in: reader)
            return try await reader.find(DocumentQuery(kind: .courseEnrollment, parent: course.id)).items
        }
        let users = enrollments.map { enrollment in
            var user = enrollment.body
            let id = user.value("primary_id") ?? ""
            user.setAttribute("link", "\(call.baseURL)/almaws/v1/users/\(PeopleAPI.escape(id))")
            return user
        }
        return .object(Node.listRoot("users", total: users.count, items: users), AlmaShapes.courseUsers)
    }

    @Sendable func unenroll(_ call: Call) async throws -> Reply {
        let userIDs = (call.path["user_id"] ?? "").commaSeparatedValues
        try await store.write(in: call.tenant) { tx in
            let course = try await CourseLookup.course(call, in: tx)
            try await Self.unenroll(userIDs, from: course.id, in: tx)
        }
        return .noContent
    }

    private static func unenroll(_ userIDs: [String], from course: String, in tx: any StoreWriter) async throws {
        for user in userIDs where try await tx.document(.courseEnrollment, id: "\(course)/\(user)") != nil {
            try await tx.delete(.courseEnrollment, id: "\(course)/\(user)")
        }
    }

    @Sendable func dissociate(_ call: Call) async throws -> Reply {
        try await store.write(in: call.tenant) { tx in
            let course = try await CourseLookup.course(call, in: tx)
            let id = call.path["list_id"] ?? ""
            guard let list = try await tx.document(.readingList, id: id), CourseDocuments.courses(of: list).contains(course.id) else {
                throw APIError.readingListNotFound(id)
            }
            try await tx.put(CourseDocuments.readingList(list.body, courses: CourseDocuments.courses(of: list).filter { $0 != course.id }))
        }
        return .noContent
    }
}
