import Foundation
import LecternCore
import LecternDiscovery
import LecternRepresentation
import LecternStore

/// `/almaws/v1/bibs/{mms_id}/holdings/{holding_id}/items[/{item_pid}]` and the barcode lookup
/// `/almaws/v1/items?item_barcode=`.
struct ItemsAPI {
    let store: any Store

    static let paging = Paging(default: 10, maximum: 100)
    static let holdingsAction = RouteParameter(
        "holdings",
        "delete also deletes the holding when this was its last item",
        default: "retain",
        allowed: ["retain", "delete"]
    ).checked()
    static let bibAction = RouteParameter(
        "bib",
        "delete also deletes the bib when its last holding went",
        default: "retain",
        allowed: ["retain", "delete"]
    ).checked()

    var routes: [Route] {
        let items = "/almaws/v1/bibs/{mms_id}/holdings/{holding_id}/items"
        let negotiated: [RouteParameter] = [.format, .lang]
        let item: [RouteParameter] = [BibsAPI.mmsID, HoldingsAPI.holdingID, .init("item_pid", "The item's id")]
        return [
            Route(.get, "/almaws/v1/items", byBarcode).documented(
                "Find an item by barcode (redirects to the item, other parameters kept)",
                query: [Self.itemBarcode] + negotiated,
                answer: .redirect,
                errors: [.noItemsForBarcode("{item_barcode}")]
            ),
            Route(.get, items, list).documented(
                "Retrieve a holding's items",
                path: [BibsAPI.mmsID, .init("holding_id", "The holding's id, or ALL for every item of the bib")],
                query: Self.paging.parameters + negotiated,
                response: CatalogObjects.items,
                errors: [.itemsSearchFailed(mmsID: "{mms_id}", holdingID: "{holding_id}")]
            ),
            Route(.post, items, create).documented(
                "Create an item",
                path: [BibsAPI.mmsID, HoldingsAPI.holdingID],
                query: negotiated,
                body: [.xml, .json],
                request: CatalogObjects.item,
                response: CatalogObjects.item,
                errors: CatalogObjects.holdingErrors + [.invalidItemField("{reason}")]
            ),
            Route(.get, "\(items)/{item_pid}", get).documented(
                "Retrieve an item",
                path: item,
                query: negotiated,
                response: CatalogObjects.item,
                errors: CatalogObjects.itemErrors
            ),
            Route(.put, "\(items)/{item_pid}", update).documented(
                "Update an item (swap all)",
                path: item,
                query: negotiated,
                body: [.xml, .json],
                request: CatalogObjects.item,
                response: CatalogObjects.item,
                errors: CatalogObjects.itemErrors + [.invalidItemField("{reason}")]
            ),
            Route(.delete, "\(items)/{item_pid}", delete).documented(
                "Delete an item",
                path: item,
                query: [Self.holdingsAction, Self.bibAction] + negotiated,
                answer: .noContent,
                errors: CatalogObjects.itemErrors + [.itemDeleteError("{reason}")]
            ),
            Route(.post, "\(items)/{item_pid}", operation).documented(
                "Scan an item in",
                path: item,
                query: [
                    Self.op,
                    .init("library", "The library of the circulation desk (with circ_desk)"),
                    .init("circ_desk", "The circulation desk where the item is scanned"),
                    .init("department", "The department where the item is scanned, instead of a desk"),
                    .flag("done", "The department's work on the item is finished", default: false),
                    .init("work_order_type", "The work order type in a department", default: "AcqWorkOrder"),
                ] + negotiated,
                response: CatalogObjects.item,
                errors: CatalogObjects.itemErrors + [.actionNotSupported("{op}"), .scanInFailed("{reason}")]
            ),
        ]
    }

    static let itemBarcode = RouteParameter("item_barcode", "The item's barcode", required: true)
    static let op = RouteParameter("op", "The operation", required: true, allowed: ["scan"])

    // MARK: - GET /items?item_barcode=

    /// Answers as Alma does: a redirect to the item's own URL, keeping the other query parameters.
    @Sendable func byBarcode(_ call: Call) async throws -> Reply {
        let barcode = call.query(Self.itemBarcode) ?? ""
        guard !barcode.isEmpty else { throw APIError.noItemsForBarcode(barcode) }
        let item = try await store.read(in: call.tenant) { try await $0.document(.item, key: barcode, type: CatalogDocuments.barcode) }
        guard let item, let holdingID = item.fields["holding_id"] else { throw APIError.noItemsForBarcode(barcode) }
        var components = URLComponents()
        components.path = "/almaws/v1/bibs/\(item.parent ?? "")/holdings/\(holdingID)/items/\(item.id)"
        let kept = call.query.filter { $0.key != Self.itemBarcode.name }.sorted { $0.key < $1.key }
        if !kept.isEmpty { components.queryItems = kept.map { URLQueryItem(name: $0.key, value: $0.value) } }
        return .redirect(components.string ?? components.path)
    }

    // MARK: - Lists

    /// `holding_id=ALL` lists every item of the bib.
    @Sendable func list(_ call: Call) async throws -> Reply {
        let (limit, offset) = call.page(Self.paging)
        let mmsID = call.path["mms_id"] ?? ""
        let holdingID = call.path["holding_id"] ?? ""
        let (bib, holdings, page, codes) = try await store.read(in: call.tenant) { reader in
            guard let bib = try await reader.document(.bib, id: mmsID) else {
                throw APIError.itemsSearchFailed(mmsID: mmsID, holdingID: holdingID)
            }
            var query = DocumentQuery(kind: .item, parent: mmsID, limit: limit, offset: offset)
            if holdingID != "ALL" {
                guard let holding = try await reader.document(.holding, id: holdingID), holding.parent == mmsID else {
                    throw APIError.itemsSearchFailed(mmsID: mmsID, holdingID: holdingID)
                }
                query.equals["holding_id"] = holdingID
            }
            let holdings = try await reader.find(DocumentQuery(kind: .holding, parent: mmsID)).items
            return (bib, holdings, try await reader.find(query), try await CatalogCodes.load(from: reader))
        }
        let holdingsByID = Dictionary(uniqueKeysWithValues: holdings.map { ($0.id, $0) })
        let items = page.items.compactMap { item in
            holdingsByID[item.fields["holding_id"] ?? ""].map {
                CatalogViews.item(item, holding: $0, bib: bib.body, codes: codes, baseURL: call.baseURL)
            }
        }
        return .object(
            Node.listRoot("items", total: page.total, items: items),
            AlmaShapes.items
        )
    }

    // MARK: - One item

    @Sendable func create(_ call: Call) async throws -> Reply {
        let incoming = try call.object("item", as: AlmaShapes.item)
        let view = try await store.write(in: call.tenant) { tx in
            let (bib, holding) = try await CatalogLookup.holding(call.path["holding_id"] ?? "", of: call.path["mms_id"] ?? "", in: tx)
            let catalogue = try await Catalogue.open(tx, institution: call.tenant.institution)
            let item = try await catalogue.createItem(incoming, holding: holding)
            let document = CatalogDocuments.item(item, mmsID: bib.id, holdingID: holding.id)
            return CatalogViews.item(document, holding: holding, bib: bib.body, codes: catalogue.codes, baseURL: call.baseURL)
        }
        return .object(view, AlmaShapes.item)
    }

    @Sendable func get(_ call: Call) async throws -> Reply {
        let view = try await store.read(in: call.tenant) { reader in
            let (bib, holding, item) = try await Self.find(call, in: reader)
            return CatalogViews.item(item, holding: holding, bib: bib.body, codes: try await CatalogCodes.load(from: reader), baseURL: call.baseURL)
        }
        return .object(view, AlmaShapes.item)
    }

    /// Swap-all: the item becomes what was sent (its pid, holding and creation date kept).
    @Sendable func update(_ call: Call) async throws -> Reply {
        let incoming = try call.object("item", as: AlmaShapes.item)
        let view = try await store.write(in: call.tenant) { tx in
            let (bib, holding, stored) = try await Self.find(call, in: tx)
            let catalogue = try await Catalogue.open(tx, institution: call.tenant.institution)
            let item = try await catalogue.updateItem(stored, incoming: incoming, holding: holding)
            let document = CatalogDocuments.item(item, mmsID: bib.id, holdingID: holding.id)
            return CatalogViews.item(document, holding: holding, bib: bib.body, codes: catalogue.codes, baseURL: call.baseURL)
        }
        return .object(view, AlmaShapes.item)
    }

    /// `holdings=retain|delete` (delete the holding when this was its last item), `bib=retain|delete`
    /// (delete the bib when it has no holdings left). An item on loan is not deleted (401849).
    @Sendable func delete(_ call: Call) async throws -> Reply {
        let holdingsAction = call.text(Self.holdingsAction)
        let bibAction = call.text(Self.bibAction)
        try await store.write(in: call.tenant) { tx in
            let (bib, holding, item) = try await Self.find(call, in: tx)
            if try await tx.document(.loan, key: item.id, type: CirculationDocuments.activeItemKey) != nil {
                throw APIError.itemDeleteError("Item \(item.id) is on loan; return it first.")
            }
            let catalogue = try await Catalogue.open(tx, institution: call.tenant.institution)
            try await catalogue.deleteItem(item.id, of: bib.id)
            let left = try await tx.find(DocumentQuery(kind: .item, parent: bib.id, equals: ["holding_id": holding.id], limit: 0)).total
            guard holdingsAction == "delete", left == 0 else { return }
            try await catalogue.deleteHolding(holding.id, of: bib.id)
            let holdingsLeft = try await tx.find(DocumentQuery(kind: .holding, parent: bib.id, limit: 0)).total
            if bibAction == "delete", holdingsLeft == 0 { try await tx.delete(.bib, id: bib.id) }
        }
        return .noContent
    }

    // MARK: - POST …/items/{item_pid}?op=scan

    /// At a desk the scan is a return too: the item's active loan completes, and the item goes
    /// to the hold shelf or in transit for its next request, or back to its place (see
    /// ``CirculationDesk/route(_:atLibrary:)``). In a department only the loan completes.
    @Sendable func operation(_ call: Call) async throws -> Reply {
        let op = call.query(Self.op) ?? ""
        guard op == "scan" else { throw APIError.actionNotSupported(op) }
        let now = try await store.now(for: call.tenant)
        let tenant = call.tenant
        let setup = try await store.read(in: tenant) { try await CirculationDesk.Setup.load(from: $0) }
        let view = try await store.write(in: tenant) { tx in
            let (bib, holding, stored) = try await Self.find(call, in: tx)
            let desk = try await CirculationDesk.open(tx, tenant: tenant, now: now, setup: setup)
            var scan = try ItemScan(call.query, codes: desk.codes)
            let held = CirculationDesk.Held(item: stored, holding: holding, bib: bib)
            let library = call.query["library"].flatMap { $0.isEmpty ? nil : $0 }
            let circDesk = call.query["circ_desk"].flatMap { $0.isEmpty ? nil : $0 }
            let atDesk = (call.query["department"] ?? "").isEmpty
            try await desk.completeLoan(of: held, library: atDesk ? library : nil, desk: atDesk ? circDesk : nil)
            let info: String
            if atDesk, let library {
                try await desk.expireHoldShelf(ofBib: bib.id)
                let current = try await desk.held(stored.id) ?? held
                info = try await desk.route(current, atLibrary: library) ?? ""
            } else {
                let current = try await desk.held(stored.id) ?? held
                let scanned = try scan.apply(to: current.item.body, holding: HoldingRules.Location(holding.body), codes: desk.codes)
                _ = try await desk.catalogue.updateItem(current.item, incoming: scanned, holding: holding)
                info = scan.additionalInfo
            }
            try await desk.refreshActivity()
            guard let item = try await tx.document(.item, id: stored.id) else {
                throw APIError.itemNotFound(mmsID: bib.id, holdingID: holding.id, pid: stored.id)
            }
            var view = CatalogViews.item(item, holding: holding, bib: bib.body, codes: desk.codes, baseURL: call.baseURL)
            // The scan answer does not say whether the item is requested: `"requested": null`
            // in both recorded scan answers, where a GET shows `false`.
            if let data = view.children.firstIndex(where: { $0.name == "item_data" }) {
                view.children[data].removeChildren(named: "requested")
            }
            view.children.append(Node("additional_info", text: info))
            return view
        }
        return .object(view, AlmaShapes.item)
    }

    /// The item the path names (`{mms_id}`, `{holding_id}`, `{item_pid}`), with its bib and holding.
    static func find(_ call: Call, in reader: any StoreReader) async throws -> (bib: Document, holding: Document, item: Document) {
        try await CatalogLookup.item(
            call.path["item_pid"] ?? "",
            holdingID: call.path["holding_id"] ?? "",
            mmsID: call.path["mms_id"] ?? "",
            in: reader
        )
    }
}
