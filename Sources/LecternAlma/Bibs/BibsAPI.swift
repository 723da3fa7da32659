import Foundation
import LecternCore
import LecternDiscovery
import LecternMARC
import LecternRepresentation
import LecternStore

/// `/almaws/v1/bibs` and `/almaws/v1/bibs/{mms_id}`: bibliographic records (bibs OpenAPI document).
struct BibsAPI {
    let store: any Store

    var routes: [Route] {
        let negotiated: [RouteParameter] = [.format, .lang]
        return [
            Route(.get, "/almaws/v1/bibs", list).documented(
                "Retrieve bibs",
                query: [Self.mmsIDs, Self.otherSystemID, Self.holdingsID] + Self.elsewhereIDs + [Self.view, Self.expand] + negotiated,
                response: CatalogObjects.bibs,
                errors: [.invalidParameter(Self.mmsIDs.name, "{mms_id}")]
            ),
            Route(.post, "/almaws/v1/bibs", create).documented(
                "Create a bib",
                query: [Self.validate] + negotiated,
                body: [.xml, .json],
                request: CatalogObjects.bib,
                response: CatalogObjects.bib,
                errors: [.recordFailedValidation("{reason}")]
            ),
            Route(.get, "/almaws/v1/bibs/{mms_id}", get).documented(
                "Retrieve a bib",
                path: [Self.mmsID],
                query: [Self.view, Self.expand] + negotiated,
                response: CatalogObjects.bib,
                errors: CatalogObjects.bibErrors
            ),
            Route(.put, "/almaws/v1/bibs/{mms_id}", update).documented(
                "Update a bib (MARCXML)",
                path: [Self.mmsID],
                query: [Self.validate] + negotiated,
                body: [.xml],
                request: CatalogObjects.bib,
                response: CatalogObjects.bib,
                errors: CatalogObjects.bibErrors + [.jsonNotSupported, .recordFailedValidation("{reason}")]
            ),
            Route(.delete, "/almaws/v1/bibs/{mms_id}", delete).documented(
                "Delete a bib",
                path: [Self.mmsID],
                query: [Self.override] + negotiated,
                answer: .noContent,
                errors: CatalogObjects.bibErrors + [.deleteBlockedByInventory("{mms_id}")]
            ),
        ]
    }

    static let mmsIDs = RouteParameter("mms_id", "Comma-separated MMS ids, 1-100")
    static let otherSystemID = RouteParameter("other_system_id", "A system number (035) of the record")
    static let holdingsID = RouteParameter("holdings_id", "A holding id: its bib")
    /// Ids of places Lectern does not have: a search by one finds no bib.
    static let elsewhereIDs: [RouteParameter] = [
        .init("nz_mms_id", "A Network Zone MMS id (Lectern has no Network Zone: no bib)"),
        .init("cz_mms_id", "A Community Zone MMS id (Lectern has no Community Zone: no bib)"),
        .init("ie_id", "A digital intellectual entity id (no digital inventory: no bib)"),
        .init("representation_id", "A digital representation id (no digital inventory: no bib)"),
    ]
    static let view = RouteParameter("view", "brief leaves the MARC record out", default: "full", allowed: ["full", "brief"])
    static let expand = RouteParameter("expand", "Comma-separated: p_avail (physical availability fields), requests")
    static let validate = RouteParameter.flag("validate", "Check the MARC record before saving it", default: false)
    static let override = RouteParameter.flag("override", "Delete the bib even when it has holdings", default: false)

    /// The `{mms_id}` segment of every catalogue path.
    static let mmsID = RouteParameter("mms_id", "The bib's MMS id")

    // MARK: - GET /bibs?mms_id=

    @Sendable func list(_ call: Call) async throws -> Reply {
        let found: [Document] = try await store.read(in: call.tenant) { reader in
            if let ids = call.query(Self.mmsIDs) {
                let list = ids.commaSeparatedValues
                guard (1...100).contains(list.count) else { throw APIError.invalidParameter("mms_id", ids) }
                var bibs: [Document] = []
                for id in list { if let bib = try await reader.document(.bib, id: id) { bibs.append(bib) } }
                return bibs
            }
            if let id = call.query(Self.otherSystemID) {
                return try await reader.document(.bib, key: id, type: CatalogDocuments.systemNumber).map { [$0] } ?? []
            }
            if let id = call.query(Self.holdingsID) {
                guard let holding = try await reader.document(.holding, id: id), let mmsID = holding.parent else { return [] }
                return try await reader.document(.bib, id: mmsID).map { [$0] } ?? []
            }
            if Self.elsewhereIDs.contains(where: { call.query($0) != nil }) {
                // Lectern has no network or community zone and no digital inventory: nothing links there.
                return []
            }
            throw APIError(
                .generalError,
                "One of mms_id, holdings_id, other_system_id, nz_mms_id, cz_mms_id, ie_id or representation_id is required."
            )
        }
        var bibs: [Node] = []
        for document in found { bibs.append(try await view(document, call: call)) }
        return .object(
            Node.listRoot("bibs", total: bibs.count, items: bibs),
            AlmaShapes.bibs
        )
    }

    // MARK: - POST /bibs

    @Sendable func create(_ call: Call) async throws -> Reply {
        let incoming = try call.object("bib", as: AlmaShapes.bib)
        let record = try BibRules.record(of: incoming, validate: call.query(Self.validate) == "true")
        let bib = try await store.write(in: call.tenant) { tx in
            try await Catalogue.open(tx, institution: call.tenant.institution).createBib(incoming, record: record)
        }
        return .object(CatalogViews.bib(bib, baseURL: call.baseURL), AlmaShapes.bib)
    }

    // MARK: - GET/PUT/DELETE /bibs/{mms_id}

    @Sendable func get(_ call: Call) async throws -> Reply {
        let mmsID = call.path["mms_id"] ?? ""
        let document = try await store.read(in: call.tenant) { try await CatalogLookup.bib(mmsID, in: $0) }
        if call.query(Self.view) == nil, call.query(Self.expand) == nil {
            let version = "\(call.tenant.key)/bib/\(document.revision)@\(call.baseURL)"
            return .stored(CatalogViews.bib(document.body, baseURL: call.baseURL), AlmaShapes.bib, version: version)
        }
        return .object(try await view(document, call: call), AlmaShapes.bib)
    }

    @Sendable func update(_ call: Call) async throws -> Reply {
        if case .json = call.body { throw APIError.jsonNotSupported }
        let incoming = try call.object("bib", as: AlmaShapes.bib)
        let record = try BibRules.record(of: incoming, validate: call.query(Self.validate) == "true")
        let mmsID = call.path["mms_id"] ?? ""
        let bib = try await store.write(in: call.tenant) { tx in
            let stored = try await CatalogLookup.bib(mmsID, in: tx)
            return try await Catalogue.open(tx, institution: call.tenant.institution).updateBib(stored, incoming: incoming, record: record)
        }
        return .object(CatalogViews.bib(bib, baseURL: call.baseURL), AlmaShapes.bib)
    }

    @Sendable func delete(_ call: Call) async throws -> Reply {
        let mmsID = call.path["mms_id"] ?? ""
        let override = call.query(Self.override) == "true"
        try await store.write(in: call.tenant) { tx in
            let bib = try await CatalogLookup.bib(mmsID, in: tx)
            let holdings = try await tx.find(DocumentQuery(kind: .holding, parent: bib.id, limit: 1))
            if holdings.total > 0, !override { throw APIError.deleteBlockedByInventory(mmsID) }
            try await Catalogue.open(tx, institution: call.tenant.institution).deleteBib(mmsID)
        }
        return .noContent
    }

    // MARK: - Views

    /// The bib as asked: `view=brief` without its record, `expand=p_avail` with AVA fields,
    /// `expand=requests` with the requests count.
    private func view(_ document: Document, call: Call) async throws -> Node {
        var bib = CatalogViews.bib(document.body, baseURL: call.baseURL)
        let expand = Set((call.query(Self.expand) ?? "").commaSeparatedValues)
        if expand.contains("p_avail"), call.query(Self.view) != "brief" {
            let fields = try await store.read(in: call.tenant) { reader in
                let holdings = try await reader.find(DocumentQuery(kind: .holding, parent: document.id)).items
                let items = try await reader.find(DocumentQuery(kind: .item, parent: document.id)).items
                let codes = try await CatalogCodes.load(from: reader)
                return Availability.fields(
                    mmsID: document.id,
                    institution: call.tenant.institution,
                    holdings: holdings,
                    items: items,
                    codes: codes
                )
            }
            if let index = bib.children.firstIndex(where: { $0.name == "record" }) { bib.children[index].children += fields }
        }
        if expand.contains("requests") {
            let link = "\(CatalogViews.bibURL(call.baseURL, document.id))/requests"
            bib.setChild(Node("requests", attributes: [.init("link", link)], text: "0"))
        }
        if call.query(Self.view) == "brief" { bib.removeChildren(named: "record") }
        return AlmaShapes.bib.normalized(bib)
    }
}
