import LecternCore
import LecternPeople
import LecternRepresentation
import LecternStore

/// A course's reading lists (`/almaws/v1/courses/{course_id}/reading-lists`) and their owners.
struct ReadingListsAPI {
    let store: any Store

    static let listID = RouteParameter("reading_list_id", "The reading list's id")
    static let view = RouteParameter("view", "brief, or full with the citations", default: "brief", allowed: ["brief", "full"])
        .checked(.parameterNotValid)
    static let copyID = RouteParameter("copy_id", "The id of a reading list whose citations the new list copies")
    static let defaultSection = RouteParameter("default_section", "Accepted for compatibility: sections are the citations' section_info")
    static let primaryID = RouteParameter("primary_id", "The owner's primary id")

    static let writeErrors: [APIError] = [
        .codeAndNameMandatory("Reading list"), .readingListCodeNotUnique("{code}"), .parameterNotValid("{parameter}"),
    ]

    var routes: [Route] {
        let lists = "/almaws/v1/courses/{course_id}/reading-lists"
        let list = "\(lists)/{reading_list_id}"
        let coursePath = [CoursesAPI.courseID]
        let listPath = coursePath + [Self.listID]
        let negotiated: [RouteParameter] = [.format, .lang]
        let courseNotFound: [APIError] = [.courseNotFound("{course_id}")]
        let notFound = courseNotFound + [.readingListNotFound("{reading_list_id}")]
        let notOwner: [APIError] = [.notAnOwner("{primary_id}")]
        return [
            Route(.get, lists, listAll).documented(
                "Retrieve a course's reading lists",
                path: coursePath,
                query: negotiated,
                response: CourseObjects.readingLists,
                errors: courseNotFound
            ),
            Route(.post, lists, create).documented(
                "Create a reading list for a course",
                path: coursePath,
                query: [Self.copyID, Self.defaultSection] + negotiated,
                body: [.xml, .json],
                request: CourseObjects.readingList,
                response: CourseObjects.readingList,
                errors: courseNotFound + Self.writeErrors
            ),
            Route(.get, list, get).documented(
                "Retrieve a reading list",
                path: listPath,
                query: [Self.view] + negotiated,
                response: CourseObjects.readingList,
                errors: notFound
            ),
            Route(.put, list, update).documented(
                "Update a reading list (swap all)",
                path: listPath,
                query: negotiated,
                body: [.xml, .json],
                request: CourseObjects.readingList,
                response: CourseObjects.readingList,
                errors: notFound + Self.writeErrors
            ),
            Route(.delete, list, delete).documented(
                "Delete a reading list with its citations",
                path: listPath,
                query: negotiated,
                answer: .noContent,
                errors: notFound
            ),
            Route(.get, "\(list)/owners", owners).documented(
                "Retrieve a reading list's owners",
                path: listPath,
                query: negotiated,
                response: CourseObjects.owners,
                errors: notFound
            ),
            Route(.post, "\(list)/owners", addOwner).documented(
                "Add an owner to a reading list",
                path: listPath,
                query: negotiated,
                body: [.xml, .json],
                request: CourseObjects.owner,
                response: CourseObjects.owner,
                errors: notFound + [.parameterNotValid("{parameter}")]
            ),
            Route(.get, "\(list)/owners/{primary_id}", owner).documented(
                "Retrieve an owner of a reading list",
                path: listPath + [Self.primaryID],
                query: negotiated,
                response: CourseObjects.owner,
                errors: notFound + notOwner
            ),
            Route(.put, "\(list)/owners/{primary_id}", updateOwner).documented(
                "Update an owner's access rights",
                path: listPath + [Self.primaryID],
                query: negotiated,
                body: [.xml, .json],
                request: CourseObjects.owner,
                response: CourseObjects.owner,
                errors: notFound + notOwner + [.parameterNotValid("{parameter}")]
            ),
            Route(.delete, "\(list)/owners/{primary_id}", removeOwner).documented(
                "Remove an owner from a reading list",
                path: listPath + [Self.primaryID],
                query: negotiated,
                answer: .noContent,
                errors: notFound + notOwner
            ),
        ]
    }

    // MARK: - Reading lists

    @Sendable func listAll(_ call: Call) async throws -> Reply {
        let (course, lists) = try await store.read(in: call.tenant) { reader in
            let course = try await CourseLookup.course(call, in: reader)
            var query = DocumentQuery(kind: .readingList, order: [.init("order")])
            query.linked = ["course": course.id]
            return (course, try await reader.find(query).items)
        }
        let views = lists.map { CourseViews.readingList($0, course: course.id, baseURL: call.baseURL) }
        return .object(
            Node.listRoot("reading_lists", total: views.count, items: views),
            AlmaShapes.readingLists
        )
    }

    @Sendable func get(_ call: Call) async throws -> Reply {
        let full = call.text(Self.view) == "full"
        let baseURL = call.baseURL
        let view = try await store.read(in: call.tenant) { reader in
            let (course, list) = try await CourseLookup.readingList(call, in: reader)
            let citations = full ? try await CourseViews.citations(of: [list], course: course.id, baseURL: baseURL, in: reader)[list.id] ?? [] : nil
            return CourseViews.readingList(list, course: course.id, baseURL: baseURL, citations: citations)
        }
        return .object(view, AlmaShapes.readingList)
    }

    @Sendable func create(_ call: Call) async throws -> Reply {
        let incoming = try call.object("reading_list", as: AlmaShapes.readingList)
        let copyID = call.query(Self.copyID).flatMap { $0.isEmpty ? nil : $0 }
        let (course, created) = try await CourseWriter.write(call, in: store) { writer in
            let course = try await CourseLookup.course(call, in: writer.tx)
            var copying: [Document] = []
            if let copyID {
                guard let source = try await writer.tx.document(.readingList, id: copyID) else { throw APIError.parameterNotValid("copy_id") }
                copying = try await writer.tx.find(DocumentQuery(kind: .citation, parent: source.id)).items
            }
            return (course, try await writer.createReadingList(incoming, course: course.id, copying: copying))
        }
        return .object(CourseViews.readingList(created, course: course.id, baseURL: call.baseURL), AlmaShapes.readingList)
    }

    @Sendable func update(_ call: Call) async throws -> Reply {
        let incoming = try call.object("reading_list", as: AlmaShapes.readingList)
        let (course, updated) = try await CourseWriter.write(call, in: store) { writer in
            let (course, list) = try await CourseLookup.readingList(call, in: writer.tx)
            return (course, try await writer.putReadingList(incoming, id: list.id, courses: CourseDocuments.courses(of: list)))
        }
        return .object(CourseViews.readingList(updated, course: course.id, baseURL: call.baseURL), AlmaShapes.readingList)
    }

    @Sendable func delete(_ call: Call) async throws -> Reply {
        try await store.write(in: call.tenant) { tx in
            try await CourseLookup.purge(try await CourseLookup.readingList(call, in: tx).list, in: tx)
        }
        return .noContent
    }

    // MARK: - Owners

    @Sendable func owners(_ call: Call) async throws -> Reply {
        let (course, list, owners) = try await store.read(in: call.tenant) { reader in
            let (course, list) = try await CourseLookup.readingList(call, in: reader)
            return (course, list, try await reader.find(DocumentQuery(kind: .readingListOwner, parent: list.id)).items)
        }
        let views = owners.map { Self.ownerView($0.body, course: course.id, list: list.id, baseURL: call.baseURL) }
        return .object(Node.listRoot("owners", total: views.count, items: views), AlmaShapes.readingListOwners)
    }

    @Sendable func owner(_ call: Call) async throws -> Reply {
        let (course, list, owner) = try await store.read(in: call.tenant) { reader in
            let (course, list) = try await CourseLookup.readingList(call, in: reader)
            return (course, list, try await Self.storedOwner(call, of: list, in: reader))
        }
        return .object(Self.ownerView(owner.body, course: course.id, list: list.id, baseURL: call.baseURL), AlmaShapes.readingListOwner)
    }

    @Sendable func addOwner(_ call: Call) async throws -> Reply {
        let incoming = try call.object("owner", as: AlmaShapes.readingListOwner)
        let userID = CourseRules.text(incoming, "primary_id")
        return try await writeOwner(call, incoming: incoming, userID: userID, mustExist: false)
    }

    @Sendable func updateOwner(_ call: Call) async throws -> Reply {
        let incoming = try call.object("owner", as: AlmaShapes.readingListOwner)
        return try await writeOwner(call, incoming: incoming, userID: call.path["primary_id"] ?? "", mustExist: true)
    }

    private func writeOwner(_ call: Call, incoming: Node, userID: String, mustExist: Bool) async throws -> Reply {
        guard !userID.isEmpty else { throw APIError.parameterNotValid("primary_id") }
        let (course, list, owner) = try await CourseWriter.write(call, in: store) { writer in
            let (course, list) = try await CourseLookup.readingList(call, in: writer.tx)
            if mustExist { _ = try await Self.storedOwner(call, of: list, in: writer.tx) }
            return (course, list, try await writer.putOwner(incoming, userID: userID, list: list.id))
        }
        return .object(Self.ownerView(owner, course: course.id, list: list.id, baseURL: call.baseURL), AlmaShapes.readingListOwner)
    }

    @Sendable func removeOwner(_ call: Call) async throws -> Reply {
        try await store.write(in: call.tenant) { tx in
            let (_, list) = try await CourseLookup.readingList(call, in: tx)
            try await tx.delete(.readingListOwner, id: try await Self.storedOwner(call, of: list, in: tx).id)
        }
        return .noContent
    }

    private static func storedOwner(_ call: Call, of list: Document, in reader: any StoreReader) async throws -> Document {
        let user = call.path["primary_id"] ?? ""
        guard let owner = try await reader.document(.readingListOwner, id: "\(list.id)/\(user)") else { throw APIError.notAnOwner(user) }
        return owner
    }

    private static func ownerView(_ owner: Node, course: String, list: String, baseURL: String) -> Node {
        var owner = owner
        let user = owner.value("primary_id") ?? ""
        owner.setAttribute("link", "\(CourseViews.listURL(baseURL, course: course, list))/owners/\(PeopleAPI.escape(user))")
        return owner
    }
}
