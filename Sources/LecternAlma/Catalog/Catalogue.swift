public import Foundation
public import LecternCore
import LecternDiscovery
public import LecternMARC
public import LecternRepresentation
public import LecternStore

/// One tenant's catalogue inside one write transaction: the rules every writer follows, the
/// API handlers as much as imports and the demo institution.
public struct Catalogue: Sendable {
    let tx: any StoreWriter
    let ids: CatalogIDs
    let codes: CatalogCodes
    let stamp: CatalogStamp
    let user: String

    /// The catalogue of the tenant `tx` writes, for writes made by `user` (`created_by`) at `now`.
    public static func open(_ tx: any StoreWriter, institution: String, user: String = "API", now: Date = Date()) async throws -> Catalogue {
        Catalogue(
            tx: tx,
            ids: CatalogIDs(institution: institution),
            codes: try await CatalogCodes.load(from: tx),
            stamp: CatalogStamp(now),
            user: user
        )
    }

    // MARK: - Bibs

    /// Stores `incoming` (a `<bib>`) with `record` as a new bib and answers the stored bib.
    public func createBib(_ incoming: Node, record: MARCRecord) async throws -> Node {
        let mmsID = ids.id(.bib, try await tx.reserveNumbers(CatalogIDs.counter, count: 1))
        let bib = BibRules.canonical(incoming, record: record, mmsID: mmsID, created: nil, stamp: stamp, user: user)
        try await tx.put(CatalogDocuments.bib(bib, systemNumbers: try await ownSystemNumbers(record, mmsID: mmsID)))
        try await reindex(mmsID)
        return bib
    }

    /// Replaces the bib `stored` with `incoming` and `record` (swap-all), keeping its id and creation.
    public func updateBib(_ stored: Document, incoming: Node, record: MARCRecord) async throws -> Node {
        let created = (by: stored.body.value("created_by") ?? user, date: stored.body.value("created_date") ?? stamp.date)
        let bib = BibRules.canonical(incoming, record: record, mmsID: stored.id, created: created, stamp: stamp, user: user)
        try await tx.put(CatalogDocuments.bib(bib, systemNumbers: try await ownSystemNumbers(record, mmsID: stored.id)))
        try await reindex(stored.id)
        return bib
    }

    /// The 035 system numbers of `record` that no other bib owns: the first bib with a number
    /// keeps it (real catalogues hold duplicates; lookups find the first).
    private func ownSystemNumbers(_ record: MARCRecord, mmsID: String) async throws -> [String] {
        var owned: [String] = []
        for number in BibFields.systemNumbers(record) {
            let owner = try await tx.document(.bib, key: number, type: CatalogDocuments.systemNumber)
            if owner == nil || owner?.id == mmsID { owned.append(number) }
        }
        return owned
    }

    /// Deletes the bib `mmsID` with its holdings and items.
    public func deleteBib(_ mmsID: String) async throws {
        for item in try await tx.find(DocumentQuery(kind: .item, parent: mmsID)).items { try await tx.delete(.item, id: item.id) }
        for holding in try await tx.find(DocumentQuery(kind: .holding, parent: mmsID)).items {
            try await tx.delete(.holding, id: holding.id)
        }
        try await tx.delete(.bib, id: mmsID)
    }

    /// Deletes the holding `holdingID` of `mmsID` (its items must be gone).
    public func deleteHolding(_ holdingID: String, of mmsID: String) async throws {
        try await tx.delete(.holding, id: holdingID)
        try await reindex(mmsID)
    }

    /// Deletes the item `pid` of `mmsID`.
    public func deleteItem(_ pid: String, of mmsID: String) async throws {
        try await tx.delete(.item, id: pid)
        try await reindex(mmsID)
    }

    // MARK: - Holdings

    /// Stores `incoming` (a `<holding>`) with `record` as a new holding of `mmsID`.
    public func createHolding(_ incoming: Node, record: MARCRecord, mmsID: String) async throws -> Node {
        try HoldingRules.check(record, codes: codes)
        let holdingID = ids.id(.holding, try await tx.reserveNumbers(CatalogIDs.counter, count: 1))
        let holding = HoldingRules.canonical(
            incoming,
            record: record,
            holdingID: holdingID,
            mmsID: mmsID,
            created: nil,
            stamp: stamp,
            user: user
        )
        try await tx.put(CatalogDocuments.holding(holding, mmsID: mmsID))
        try await reindex(mmsID)
        return holding
    }

    /// Replaces the holding `stored` with `incoming` and `record`.
    public func updateHolding(_ stored: Document, incoming: Node, record: MARCRecord) async throws -> Node {
        try HoldingRules.check(record, codes: codes)
        let mmsID = stored.parent ?? ""
        let created = (by: stored.body.value("created_by") ?? user, date: stored.body.value("created_date") ?? stamp.date)
        let holding = HoldingRules.canonical(
            incoming,
            record: record,
            holdingID: stored.id,
            mmsID: mmsID,
            created: created,
            stamp: stamp,
            user: user
        )
        try await tx.put(CatalogDocuments.holding(holding, mmsID: mmsID))
        try await reindex(mmsID)
        return holding
    }

    // MARK: - Items

    /// Stores `incoming` (an `<item>`) as a new item of `holding`.
    ///
    /// - throws: 40166404 for a barcode another item has, or a code that does not exist.
    public func createItem(_ incoming: Node, holding: Document) async throws -> Node {
        let pid = ids.id(.item, try await tx.reserveNumbers(CatalogIDs.counter, count: 1))
        return try await putItem(incoming, pid: pid, holding: holding, created: nil)
    }

    /// Replaces the item `stored` of `holding` with `incoming` (swap-all), keeping its pid and creation.
    public func updateItem(_ stored: Document, incoming: Node, holding: Document) async throws -> Node {
        try await putItem(incoming, pid: stored.id, holding: holding, created: stored.body.value("item_data/creation_date"))
    }

    private func putItem(_ incoming: Node, pid: String, holding: Document, created: String?) async throws -> Node {
        let item = try ItemRules.canonical(
            incoming,
            pid: pid,
            holding: HoldingRules.Location(holding.body),
            created: created,
            codes: codes,
            stamp: stamp,
            user: user
        )
        do {
            try await tx.put(CatalogDocuments.item(item, mmsID: holding.parent ?? "", holdingID: holding.id))
        } catch StoreError.duplicateKey(_, let value) {
            throw APIError.invalidItemField("Barcode \(value) already exists.")
        }
        try await reindex(holding.parent ?? "")
        return item
    }
}
