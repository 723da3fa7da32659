import LecternCore
import LecternDiscovery
import LecternPeople
import LecternRepresentation
import LecternStore

/// A reading list's citations (`…/reading-lists/{reading_list_id}/citations`) and their tags.
struct CitationsAPI {
    let store: any Store

    static let citationID = RouteParameter("citation_id", "The citation's id")
    static let op = RouteParameter("op", "The operation: remove_file", required: true, allowed: ["remove_file"]).checked(.parameterNotValid)

    static let writeErrors: [APIError] = [
        .statusMandatory("Citation"), .articleTitleMandatory, .titleMandatory, .citationTypeIncompatible("{reason}"),
        .parameterNotValid("{parameter}"),
    ]

    var routes: [Route] {
        let citations = "/almaws/v1/courses/{course_id}/reading-lists/{reading_list_id}/citations"
        let citation = "\(citations)/{citation_id}"
        let listPath = [CoursesAPI.courseID, ReadingListsAPI.listID]
        let citationPath = listPath + [Self.citationID]
        let negotiated: [RouteParameter] = [.format, .lang]
        let listNotFound: [APIError] = [.courseNotFound("{course_id}"), .readingListNotFound("{reading_list_id}")]
        let notFound = listNotFound + [.citationNotFound("{citation_id}")]
        return [
            Route(.get, citations, list).documented(
                "Retrieve a reading list's citations",
                path: listPath,
                query: negotiated,
                response: CourseObjects.citations,
                errors: listNotFound
            ),
            Route(.post, citations, create).documented(
                "Create a citation",
                path: listPath,
                query: negotiated,
                body: [.xml, .json],
                request: CourseObjects.citation,
                response: CourseObjects.citation,
                errors: listNotFound + [.identifierNotEmpty("Citation")] + Self.writeErrors
            ),
            Route(.get, citation, get).documented(
                "Retrieve a citation",
                path: citationPath,
                query: negotiated,
                response: CourseObjects.citation,
                errors: notFound
            ),
            Route(.put, citation, update).documented(
                "Update a citation (swap all)",
                path: citationPath,
                query: negotiated,
                body: [.xml, .json],
                request: CourseObjects.citation,
                response: CourseObjects.citation,
                errors: notFound + Self.writeErrors
            ),
            Route(.post, citation, operation).documented(
                "Remove a citation's file",
                path: citationPath,
                query: [Self.op] + negotiated,
                response: CourseObjects.citation,
                errors: notFound + [.parameterNotValid("op")]
            ),
            Route(.delete, citation, delete).documented(
                "Delete a citation",
                path: citationPath,
                query: negotiated,
                answer: .noContent,
                errors: notFound
            ),
            Route(.get, "\(citation)/tags", tags).documented(
                "Retrieve a citation's tags",
                path: citationPath,
                query: negotiated,
                response: CourseObjects.tags,
                errors: notFound
            ),
            Route(.put, "\(citation)/tags", updateTags).documented(
                "Replace a citation's tags",
                path: citationPath,
                query: negotiated,
                body: [.xml, .json],
                request: CourseObjects.tags,
                response: CourseObjects.tags,
                errors: notFound + [.parameterNotValid("{parameter}")]
            ),
        ]
    }

    @Sendable func list(_ call: Call) async throws -> Reply {
        let baseURL = call.baseURL
        let views = try await store.read(in: call.tenant) { reader in
            let (course, list) = try await CourseLookup.readingList(call, in: reader)
            return try await CourseViews.citations(of: [list], course: course.id, baseURL: baseURL, in: reader)[list.id] ?? []
        }
        return .object(Node.listRoot("citations", total: views.count, items: views), AlmaShapes.citations)
    }

    @Sendable func get(_ call: Call) async throws -> Reply {
        let baseURL = call.baseURL
        let view = try await store.read(in: call.tenant) { reader in
            let (course, list, citation) = try await CourseLookup.citation(call, in: reader)
            let shelf = try await CourseViews.Shelf.load([citation], in: reader)
            return CourseViews.citation(citation, course: course.id, list: list.id, baseURL: baseURL, shelf: shelf)
        }
        return .object(view, AlmaShapes.citation)
    }

    @Sendable func tags(_ call: Call) async throws -> Reply {
        let citation = try await store.read(in: call.tenant) { try await CourseLookup.citation(call, in: $0).citation }
        return .object(citation.body.child("citation_tags") ?? CourseRules.wrapper("citation_tags", []), AlmaShapes.citationTags)
    }

    @Sendable func create(_ call: Call) async throws -> Reply {
        let incoming = try call.object("citation", as: AlmaShapes.citation)
        return try await answer(call) { writer, list in try await writer.createCitation(incoming, list: list.id) }
    }

    @Sendable func update(_ call: Call) async throws -> Reply {
        let incoming = try call.object("citation", as: AlmaShapes.citation)
        return try await answer(call) { writer, list in
            let stored = try await CourseLookup.citation(call, in: writer.tx).citation
            return try await writer.putCitation(incoming, id: stored.id, stored: stored, list: list.id)
        }
    }

    @Sendable func operation(_ call: Call) async throws -> Reply {
        try await change(call) { citation, _ in citation.removeChildren(named: "file_link") }
    }

    @Sendable func updateTags(_ call: Call) async throws -> Reply {
        let incoming = try call.object("citation_tags", as: AlmaShapes.citationTags)
        let reply = try await change(call) { citation, codes in
            citation.setChild(try CitationRules.tags(incoming, codes: codes))
        }
        guard case .object(let citation, _) = reply else { return reply }
        return .object(citation.child("citation_tags") ?? CourseRules.wrapper("citation_tags", []), AlmaShapes.citationTags)
    }

    @Sendable func delete(_ call: Call) async throws -> Reply {
        try await store.write(in: call.tenant) { tx in
            try await tx.delete(.citation, id: try await CourseLookup.citation(call, in: tx).citation.id)
        }
        return .noContent
    }

    /// The citation `write` stores in the path's reading list, as answered.
    private func answer(
        _ call: Call,
        _ write: @escaping @Sendable (CourseWriter, Document) async throws -> Document
    ) async throws -> Reply {
        let baseURL = call.baseURL
        let view = try await CourseWriter.write(call, in: store) { writer in
            let (course, list) = try await CourseLookup.readingList(call, in: writer.tx)
            let citation = try await write(writer, list)
            let shelf = try await CourseViews.Shelf.load([citation], in: writer.tx)
            return CourseViews.citation(citation, course: course.id, list: list.id, baseURL: baseURL, shelf: shelf)
        }
        return .object(view, AlmaShapes.citation)
    }

    /// Applies `edit` to the path's citation and answers it.
    private func change(_ call: Call, _ edit: @escaping @Sendable (inout Node, CourseCodes) throws -> Void) async throws -> Reply {
        try await answer(call) { writer, _ in
            try await writer.editCitation(try await CourseLookup.citation(call, in: writer.tx).citation, edit)
        }
    }
}
