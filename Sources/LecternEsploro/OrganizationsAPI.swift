import LecternCore
import LecternRepresentation
import LecternStore

/// `/esploro/v1/organizations/internal`: the institution's research organizations, by code, so
/// that scripts can resolve the `organization_code` of an affiliation.
struct OrganizationsAPI {
    let store: any Store

    static let paging = Paging(default: 100, maximum: 1000)

    var routes: [Route] {
        let negotiated: [RouteParameter] = [.format, .lang]
        return [
            Route(.get, "/esploro/v1/organizations/internal", list).documented(
                "Retrieve research organizations",
                query: Self.paging.parameters + negotiated,
                response: .list("organizations", of: Self.organizationObject, shape: Self.organizations)
            ),
            Route(.get, "/esploro/v1/organizations/internal/{code}", get).documented(
                "Retrieve a research organization",
                path: [.init("code", "The organization's code")],
                query: negotiated,
                response: Self.organizationObject,
                errors: [.organizationNotFound("{code}")]
            ),
        ]
    }

    static let organizationObject = DocumentedObject(
        "organization",
        "A research organization: a faculty, department or centre",
        shape: organization,
        exampleKind: "organization"
    )

    @Sendable func list(_ call: Call) async throws -> Reply {
        let (limit, offset) = call.page(Self.paging)
        let query = DocumentQuery(kind: .organization, order: [.init("code")], limit: limit, offset: offset)
        let page = try await store.read(in: call.tenant) { try await $0.find(query) }
        let root = Node.listRoot("organizations", total: page.total, items: page.items.map(\.body))
        return .object(root, Self.organizations)
    }

    @Sendable func get(_ call: Call) async throws -> Reply {
        let code = call.path["code"] ?? ""
        let document = try await store.read(in: call.tenant) { try await $0.document(.organization, id: code) }
        guard let document else { throw APIError.organizationNotFound(code) }
        return .object(document.body, Self.organization)
    }

    /// An organization: `<organization><code/><name/><type desc=""/><parent_code/><status/></organization>`.
    static let organization: Shape = .object([
        Shape.Member("code", .text), Shape.Member("name", .text), Shape.Member("type", .code), Shape.Member("parent_code", .text),
        Shape.Member("status", .text),
    ])

    static let organizations: Shape = .listRoot(item: "organization", of: organization)
}
