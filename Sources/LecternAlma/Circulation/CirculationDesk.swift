import Foundation
import LecternCore
import LecternDiscovery
import LecternPeople
import LecternRepresentation
import LecternStore

/// One tenant's circulation inside one write transaction, at one moment (the tenant's clock):
/// loans, returns, requests and fees change the items, each other and the catalogue's
/// availability here, together, so that a call's changes are kept whole or not at all.
struct CirculationDesk: Sendable {
    let tx: any StoreWriter
    let now: Date
    let policy: CirculationPolicy
    let catalogue: Catalogue
    let ids: CatalogIDs
    /// The users whose loans or fees this transaction changed (``refreshActivity()``).
    var touched = TouchedUsers()

    var codes: CatalogCodes { catalogue.codes }

    /// What a desk reads of the tenant's configuration: the terms of use and the catalogue's codes.
    struct Setup: Sendable {
        var policy: CirculationPolicy
        var codes: CatalogCodes

        /// Read before the write transaction, through the store's cache of decoded documents
        /// (inside a transaction every document is parsed again): configuration changes by
        /// administrators, not by circulation, so a call sees it as it was a moment before.
        static func load(from reader: any StoreReader) async throws -> Setup {
            Setup(policy: try await CirculationPolicy.load(from: reader), codes: try await CatalogCodes.load(from: reader))
        }
    }

    /// The desk of the tenant `tx` writes, at `now`, with `setup` (read in `tx` when `nil`).
    static func open(_ tx: any StoreWriter, tenant: Tenant, now: Date, setup given: Setup? = nil) async throws -> CirculationDesk {
        let setup: Setup
        if let given { setup = given } else { setup = try await Setup.load(from: tx) }
        return CirculationDesk(
            tx: tx,
            now: now,
            policy: setup.policy,
            catalogue: Catalogue(tx: tx, ids: CatalogIDs(institution: tenant.institution), codes: setup.codes, stamp: CatalogStamp(now), user: "API"),
            ids: CatalogIDs(institution: tenant.institution)
        )
    }

    /// The same desk at another moment (a loader replaying history).
    func at(_ date: Date) -> CirculationDesk {
        CirculationDesk(tx: tx, now: date, policy: policy, catalogue: catalogue, ids: ids, touched: touched)
    }

    /// A new id of `prefix` (loans, requests and fees share one counter).
    func newID(_ prefix: CatalogIDs.Prefix) async throws -> String {
        ids.id(prefix, try await tx.reserveNumbers(CatalogIDs.circulationCounter, count: 1))
    }

    var timestamp: String { CirculationTime.timestamp(now) }

    // MARK: - Items

    /// An item with its holding and bib.
    struct Held: Sendable {
        var item: Document
        var holding: Document
        var bib: Document

        var pid: String { item.id }
        var mmsID: String { bib.id }
        var data: Node { item.body.child("item_data") ?? Node("item_data") }
        var isInPlace: Bool { data.value("base_status") == "1" && (data.value("process_type") ?? "").isEmpty }
        var process: String { data.value("process_type") ?? "" }
        var library: String { data.value("library") ?? HoldingRules.Location(holding.body).library }
    }

    /// The item `pid` with its holding and bib, or `nil`.
    func held(_ pid: String) async throws -> Held? {
        guard let item = try await tx.document(.item, id: pid) else { return nil }
        return try await held(item)
    }

    func held(_ item: Document) async throws -> Held? {
        guard let holding = try await tx.document(.holding, id: item.fields["holding_id"] ?? ""),
            let bib = try await tx.document(.bib, id: item.parent ?? "")
        else { return nil }
        return Held(item: item, holding: holding, bib: bib)
    }

    /// Writes the item's new circulation state (base status, process type, whether it is
    /// requested) through the catalogue, which publishes the bib's new availability.
    @discardableResult
    func setState(of held: Held, inPlace: Bool, process: String, requested: Bool) async throws -> Held {
        var body = held.item.body
        guard let index = body.children.firstIndex(where: { $0.name == "item_data" }) else { return held }
        var data = body.children[index]
        data.setChild(Node("base_status", text: inPlace ? "1" : "0"))
        data.setChild(Node("process_type", text: process))
        data.setChild(Node("requested", text: requested ? "true" : "false"))
        if process != "WORK_ORDER_DEPARTMENT" {
            data.removeChildren(named: "work_order_type")
            data.removeChildren(named: "work_order_at")
        }
        body.children[index] = data
        let written = try await catalogue.updateItem(held.item, incoming: body, holding: held.holding)
        var changed = held
        changed.item = CatalogDocuments.item(written, mmsID: held.mmsID, holdingID: held.holding.id)
        return changed
    }

    // MARK: - Users

    /// The user `id` (a primary id), or `nil`.
    func user(_ id: String) async throws -> Document? {
        try await tx.document(.user, id: id)
    }

    /// Why `user` may not borrow or renew now, or `nil`: an active block, or fees over the limit.
    func blockReason(_ user: Document) async throws -> String? {
        for block in user.body.child("user_blocks")?.children(named: "user_block") ?? [] where CirculationBlocks.isStoredActive(block, now: now) {
            let description = block.descendant("block_description")?.attribute("desc") ?? block.value("block_description") ?? "a block"
            return "Active block: \(description)."
        }
        let owed = try await activeBalance(of: user.id)
        if owed > policy.fineLimit {
            return "Fines limit exceeded: \(Money.text(owed)) \(policy.currency) owed, the limit is \(Money.text(policy.fineLimit))."
        }
        return nil
    }

    /// The sum of the balances of `userID`'s active fees.
    func activeBalance(of userID: String) async throws -> Decimal {
        CirculationDocuments.balance(of: try await fees(of: userID, status: "ACTIVE"))
    }

    func fees(of userID: String, status: String?) async throws -> [Document] {
        var query = DocumentQuery(kind: .fee, parent: userID, order: [.init("created")])
        if let status { query.equals["status"] = status }
        return try await tx.find(query).items
    }

    func activeLoans(of userID: String) async throws -> [Document] {
        try await tx.find(CirculationDocuments.activeLoans(of: userID)).items
    }

    /// A code field with its description: `<name desc="…">code</name>`, no `desc` when unknown.
    static func code(_ name: String, _ code: String, _ description: String?) -> Node {
        Node(name, attributes: description.map { [.init("desc", $0)] } ?? [], text: code)
    }

    /// The name of the circulation desk `desk` of `library`, if it exists.
    func deskName(_ desk: String, library: String) async throws -> String? {
        guard codes.desks.contains("\(library)/\(desk)") else { return nil }
        return try await tx.document(.circDesk, id: "\(library)/\(desk)")?.body.value("name") ?? desk
    }
}
