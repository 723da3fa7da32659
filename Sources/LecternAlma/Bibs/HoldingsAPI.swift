import LecternCore
import LecternDiscovery
import LecternRepresentation
import LecternStore

/// `/almaws/v1/bibs/{mms_id}/holdings[/{holding_id}]`: holdings records, MARCXML only for writes.
struct HoldingsAPI {
    let store: any Store

    var routes: [Route] {
        let negotiated: [RouteParameter] = [.format, .lang]
        let holding: [RouteParameter] = [BibsAPI.mmsID, Self.holdingID]
        return [
            Route(.get, "/almaws/v1/bibs/{mms_id}/holdings", list).documented(
                "Retrieve a bib's holdings",
                path: [BibsAPI.mmsID],
                query: negotiated,
                response: CatalogObjects.holdings,
                errors: CatalogObjects.bibErrors
            ),
            Route(.post, "/almaws/v1/bibs/{mms_id}/holdings", create).documented(
                "Create a holding (MARCXML)",
                path: [BibsAPI.mmsID],
                query: negotiated,
                body: [.xml],
                request: CatalogObjects.holding,
                response: CatalogObjects.holding,
                errors: CatalogObjects.bibErrors + [.jsonNotSupported, .invalidHoldingXML("{reason}")]
            ),
            Route(.get, "/almaws/v1/bibs/{mms_id}/holdings/{holding_id}", get).documented(
                "Retrieve a holding",
                path: holding,
                query: negotiated,
                response: CatalogObjects.holding,
                errors: CatalogObjects.holdingErrors
            ),
            Route(.put, "/almaws/v1/bibs/{mms_id}/holdings/{holding_id}", update).documented(
                "Update a holding (MARCXML)",
                path: holding,
                query: negotiated,
                body: [.xml],
                request: CatalogObjects.holding,
                response: CatalogObjects.holding,
                errors: CatalogObjects.holdingErrors + [.jsonNotSupported, .invalidHoldingXML("{reason}")]
            ),
            Route(.delete, "/almaws/v1/bibs/{mms_id}/holdings/{holding_id}", delete).documented(
                "Delete a holding",
                path: holding,
                query: [Self.bibAction] + negotiated,
                answer: .noContent,
                errors: CatalogObjects.holdingErrors + [.holdingHasItems("{holding_id}")]
            ),
        ]
    }

    /// The `{holding_id}` segment.
    static let holdingID = RouteParameter("holding_id", "The holding's id")

    static let bibAction = RouteParameter(
        "bib",
        "What happens to the bib when this was its last holding",
        default: "retain",
        allowed: ["retain", "delete", "suppress"]
    ).checked()

    @Sendable func list(_ call: Call) async throws -> Reply {
        let mmsID = call.path["mms_id"] ?? ""
        let (bib, holdings, codes) = try await store.read(in: call.tenant) { reader in
            let bib = try await CatalogLookup.bib(mmsID, in: reader)
            let holdings = try await reader.find(DocumentQuery(kind: .holding, parent: mmsID)).items
            return (bib, holdings, try await CatalogCodes.load(from: reader))
        }
        var children = holdings.map { CatalogViews.briefHolding($0, codes: codes, baseURL: call.baseURL) }
        // A holdings list names the publisher `publisher` (AlmaShapes.holdingsBibData).
        var bibData = CatalogViews.bibData(bib.body, baseURL: call.baseURL)
        if let index = bibData.children.firstIndex(where: { $0.name == "publisher_const" }) { bibData.children[index].name = "publisher" }
        children.append(bibData)
        return .object(
            Node.listRoot("holdings", total: holdings.count, items: children),
            AlmaShapes.holdings
        )
    }

    @Sendable func create(_ call: Call) async throws -> Reply {
        let incoming = try Self.holdingBody(call)
        let mmsID = call.path["mms_id"] ?? ""
        let holding = try await store.write(in: call.tenant) { tx in
            _ = try await CatalogLookup.bib(mmsID, in: tx)
            let catalogue = try await Catalogue.open(tx, institution: call.tenant.institution)
            let record = try HoldingRules.record(of: incoming, codes: catalogue.codes)
            return try await catalogue.createHolding(incoming, record: record, mmsID: mmsID)
        }
        return .object(holding, AlmaShapes.holding)
    }

    @Sendable func get(_ call: Call) async throws -> Reply {
        let (_, holding) = try await store.read(in: call.tenant) {
            try await CatalogLookup.holding(call.path["holding_id"] ?? "", of: call.path["mms_id"] ?? "", in: $0)
        }
        return .stored(holding.body, AlmaShapes.holding, version: "\(call.tenant.key)/holding/\(holding.revision)")
    }

    @Sendable func update(_ call: Call) async throws -> Reply {
        let incoming = try Self.holdingBody(call)
        let holding = try await store.write(in: call.tenant) { tx in
            let (_, stored) = try await CatalogLookup.holding(call.path["holding_id"] ?? "", of: call.path["mms_id"] ?? "", in: tx)
            let catalogue = try await Catalogue.open(tx, institution: call.tenant.institution)
            let record = try HoldingRules.record(of: incoming, codes: catalogue.codes)
            return try await catalogue.updateHolding(stored, incoming: incoming, record: record)
        }
        return .object(holding, AlmaShapes.holding)
    }

    /// `bib=retain` (default) keeps the bib; `bib=delete` deletes it and `bib=suppress` suppresses it
    /// from publishing when this was its last holding.
    @Sendable func delete(_ call: Call) async throws -> Reply {
        let bibAction = call.text(Self.bibAction)
        try await store.write(in: call.tenant) { tx in
            let (bib, holding) = try await CatalogLookup.holding(call.path["holding_id"] ?? "", of: call.path["mms_id"] ?? "", in: tx)
            let items = try await tx.find(DocumentQuery(kind: .item, parent: bib.id, equals: ["holding_id": holding.id], limit: 1))
            if items.total > 0 { throw APIError.holdingHasItems(holding.id) }
            try await Catalogue.open(tx, institution: call.tenant.institution).deleteHolding(holding.id, of: bib.id)
            let remaining = try await tx.find(DocumentQuery(kind: .holding, parent: bib.id, limit: 1)).total
            guard remaining == 0 else { return }
            switch bibAction {
            case "delete":
                try await tx.delete(.bib, id: bib.id)
            case "suppress":
                var suppressed = bib.body
                suppressed.setChild(Node("suppress_from_publishing", text: "true"))
                let record = try BibRules.record(of: suppressed, validate: false)
                _ = try await Catalogue.open(tx, institution: call.tenant.institution).updateBib(bib, incoming: suppressed, record: record)
            default:
                break
            }
        }
        return .noContent
    }

    /// The `<holding>` of a write: MARCXML only, as the OpenAPI document says.
    private static func holdingBody(_ call: Call) throws -> Node {
        if case .json = call.body { throw APIError.jsonNotSupported }
        return try call.object("holding", as: AlmaShapes.holding)
    }
}
