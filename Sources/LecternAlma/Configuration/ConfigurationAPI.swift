public import LecternCore
import LecternDiscovery
import LecternPeople
import LecternRepresentation
public import LecternStore

extension AlmaErrorCode {
    static let libraryNotFound = Self(rawValue: "402211")
}

/// `/almaws/v1/conf`: the read side of configuration that clients use to find codes.
public struct ConfigurationAPI: Sendable {
    let store: any Store

    /// Creates the API over `store`.
    public init(store: any Store) {
        self.store = store
    }

    /// The route table.
    public var routes: [Route] {
        let negotiated: [RouteParameter] = [.format, .lang]
        let libraryCode = RouteParameter("libraryCode", "The library's code")
        return [
            Route(.get, "/almaws/v1/conf/libraries", libraries).documented(
                "Retrieve libraries",
                query: negotiated,
                response: .list("libraries", of: Self.library, shape: AlmaShapes.libraries)
            ),
            Route(.get, "/almaws/v1/conf/libraries/{libraryCode}", library).documented(
                "Retrieve a library",
                path: [libraryCode],
                query: negotiated,
                response: Self.library,
                errors: [.libraryNotFound("{libraryCode}")]
            ),
            Route(.get, "/almaws/v1/conf/libraries/{libraryCode}/locations", locations).documented(
                "Retrieve a library's locations",
                path: [libraryCode],
                query: negotiated,
                response: .list("locations", of: Self.location, shape: AlmaShapes.locations),
                errors: [.libraryNotFound("{libraryCode}")]
            ),
            Route(.get, "/almaws/v1/conf/libraries/{libraryCode}/locations/{locationCode}", location).documented(
                "Retrieve a location",
                path: [libraryCode, .init("locationCode", "The location's code")],
                query: negotiated,
                response: Self.location,
                errors: [.libraryNotFound("{libraryCode}"), APIError(.generalError, "Illegal locations code: {locationCode}")]
            ),
            Route(.get, "/almaws/v1/conf/libraries/{libraryCode}/circ-desks", circDesks).documented(
                "Retrieve a library's circulation desks",
                path: [libraryCode],
                query: negotiated,
                response: .list("circ_desks", of: Self.circDesk, shape: AlmaShapes.circDesks),
                errors: [.libraryNotFound("{libraryCode}")]
            ),
            Route(.get, "/almaws/v1/conf/libraries/{libraryCode}/circ-desks/{circDeskCode}", circDesk).documented(
                "Retrieve a circulation desk",
                path: [libraryCode, .init("circDeskCode", "The desk's code")],
                query: negotiated,
                response: Self.circDesk,
                errors: [.libraryNotFound("{libraryCode}"), APIError(.generalError, "Illegal circ-desks code: {circDeskCode}")]
            ),
            Route(.get, "/almaws/v1/conf/departments", departments).documented(
                "Retrieve departments",
                query: negotiated,
                response: .list(
                    "departments",
                    of: DocumentedObject("department", "A department and its work", shape: AlmaShapes.department, exampleKind: "department"),
                    shape: AlmaShapes.departments
                )
            ),
            Route(.get, "/almaws/v1/conf/code-tables/{codeTableName}", CodeTableAPI(store: store).codeTable).documented(
                "Retrieve a code table",
                path: [CodeTableAPI.codeTableName],
                query: negotiated,
                response: CodeTableAPI.object,
                errors: CodeTableAPI.errors
            ),
        ]
    }

    static let library = DocumentedObject("library", "A library", shape: AlmaShapes.library, exampleKind: "library")
    static let location = DocumentedObject("location", "A location of a library", shape: AlmaShapes.location, exampleKind: "location")
    static let circDesk = DocumentedObject("circ_desk", "A circulation desk of a library", shape: AlmaShapes.circDesk, exampleKind: "circ_desk")

    @Sendable func libraries(_ call: Call) async throws -> Reply {
        let page = try await store.read(in: call.tenant) { try await $0.find(DocumentQuery(kind: .library)) }
        let items = page.items.map { linked($0.body, "\(call.baseURL)/almaws/v1/conf/libraries/\($0.id)") }
        return .object(Node("libraries", children: items), AlmaShapes.libraries)
    }

    @Sendable func library(_ call: Call) async throws -> Reply {
        let code = call.path["libraryCode"] ?? ""
        let document = try await store.read(in: call.tenant) { try await $0.document(.library, id: code) }
        guard let document else { throw APIError.libraryNotFound(code) }
        return .object(linked(document.body, "\(call.baseURL)/almaws/v1/conf/libraries/\(code)"), AlmaShapes.library)
    }

    @Sendable func locations(_ call: Call) async throws -> Reply {
        try await children(of: call, kind: .location, root: "locations", segment: "locations", shape: AlmaShapes.locations)
    }

    @Sendable func location(_ call: Call) async throws -> Reply {
        try await child(of: call, kind: .location, parameter: "locationCode", segment: "locations", shape: AlmaShapes.location)
    }

    @Sendable func circDesks(_ call: Call) async throws -> Reply {
        try await children(of: call, kind: .circDesk, root: "circ_desks", segment: "circ-desks", shape: AlmaShapes.circDesks)
    }

    @Sendable func circDesk(_ call: Call) async throws -> Reply {
        try await child(of: call, kind: .circDesk, parameter: "circDeskCode", segment: "circ-desks", shape: AlmaShapes.circDesk)
    }

    @Sendable func departments(_ call: Call) async throws -> Reply {
        let page = try await store.read(in: call.tenant) { try await $0.find(DocumentQuery(kind: .department)) }
        let root = Node.listRoot("departments", total: page.total, items: page.items.map(\.body))
        return .object(root, AlmaShapes.departments)
    }

    /// A library's locations or desks: stored with the library code as parent, id `LIB/CODE`.
    private func children(of call: Call, kind: Kind, root: String, segment: String, shape: Shape) async throws -> Reply {
        let library = call.path["libraryCode"] ?? ""
        let page = try await store.read(in: call.tenant) { reader in
            guard try await reader.document(.library, id: library) != nil else { throw APIError.libraryNotFound(library) }
            return try await reader.find(DocumentQuery(kind: kind, parent: library))
        }
        let base = "\(call.baseURL)/almaws/v1/conf/libraries/\(library)/\(segment)/"
        let items = page.items.map { linked($0.body, base + ($0.body.value("code") ?? "")) }
        return .object(Node.listRoot(root, total: page.total, items: items), shape)
    }

    private func child(of call: Call, kind: Kind, parameter: String, segment: String, shape: Shape) async throws -> Reply {
        let library = call.path["libraryCode"] ?? ""
        let code = call.path[parameter] ?? ""
        let document = try await store.read(in: call.tenant) { reader in
            guard try await reader.document(.library, id: library) != nil else { throw APIError.libraryNotFound(library) }
            return try await reader.document(kind, id: "\(library)/\(code)")
        }
        guard let document else { throw APIError(.generalError, "Illegal \(segment) code: \(code)") }
        return .object(linked(document.body, "\(call.baseURL)/almaws/v1/conf/libraries/\(library)/\(segment)/\(code)"), shape)
    }

    private func linked(_ node: Node, _ link: String) -> Node {
        var node = node
        node.setAttribute("link", link)
        return node
    }
}

extension APIError {
    static func libraryNotFound(_ code: String) -> Self {
        APIError(.libraryNotFound, "Library \(code) was not found.")
    }
}
