public import LecternDiscovery
public import LecternMARC
import LecternRepresentation
public import LecternStore

/// What discovery (Primo) sees of the catalogue: each bib's MARC record and a summary of its
/// holdings and items. The catalogue keeps the bib's discovery entry up to date in the same
/// transaction as every write to the bib, its holdings or its items, so a write is searchable
/// as soon as it returns; a suppressed bib has no entry.
public enum CatalogDiscovery {
    /// The records and holdings of the bibs `mmsIDs` as discovery shows them, in order; a bib
    /// that does not exist or whose record cannot be read is left out.
    public static func records(
        _ mmsIDs: [String],
        in reader: any StoreReader
    ) async throws -> [(mmsID: String, record: MARCRecord, holdings: [DiscoveryHolding])] {
        guard !mmsIDs.isEmpty else { return [] }
        // The bibs, their holdings, their items and the places' names: one query each, side by
        // side on the reader pool's connections.
        var holdingsQuery = DocumentQuery(kind: .holding)
        holdingsQuery.parents = mmsIDs
        var itemsQuery = DocumentQuery(kind: .item)
        itemsQuery.parents = mmsIDs
        async let codesRead = CatalogCodes.loadPlaces(from: reader)
        async let bibsRead = reader.documents(.bib, ids: mmsIDs)
        async let holdingsRead = reader.find(holdingsQuery)
        async let itemsRead = reader.find(itemsQuery)
        let (codes, bibs) = try await (codesRead, bibsRead)
        let holdings = Dictionary(grouping: try await holdingsRead.items) { $0.parent ?? "" }
        let items = Dictionary(grouping: try await itemsRead.items) { $0.parent ?? "" }
        var found: [(mmsID: String, record: MARCRecord, holdings: [DiscoveryHolding])] = []
        for mmsID in mmsIDs {
            guard let bib = bibs[mmsID],
                let node = bib.body.child("record"),
                let record = try? MARCRecord(node: node)
            else { continue }
            found.append((mmsID, record, summaries(holdings: holdings[mmsID] ?? [], items: items[mmsID] ?? [], codes: codes)))
        }
        return found
    }

    /// The holdings of a bib as discovery summarizes them; an item counts as available when it is
    /// in place (base status 1).
    static func summaries(holdings: [Document], items: [Document], codes: CatalogCodes) -> [DiscoveryHolding] {
        var total: [String: Int] = [:]
        var available: [String: Int] = [:]
        for item in items {
            let holding = item.fields["holding_id"] ?? ""
            total[holding, default: 0] += 1
            if item.body.value("item_data/base_status") == "1" { available[holding, default: 0] += 1 }
        }
        return holdings.map { holding in
            let location = HoldingRules.Location(holding.body)
            return DiscoveryHolding(
                libraryCode: location.library,
                libraryName: codes.libraries[location.library] ?? location.library,
                locationCode: location.location,
                locationName: codes.location(location.location, of: location.library) ?? location.location,
                callNumber: location.callNumber,
                availableItems: available[holding.id] ?? 0,
                totalItems: total[holding.id] ?? 0
            )
        }
    }

    /// The discovery entry of a bib, or `nil` when it is suppressed from publishing.
    static func entry(bib: Document, record: MARCRecord, holdings: [DiscoveryHolding], institution: String) -> DiscoveryEntry? {
        guard bib.body.value("suppress_from_publishing") != "true" else { return nil }
        let pnx = PNXNormalizer(institution: institution).record(bib: record, mmsID: bib.id, holdings: holdings)
        return DiscoveryIndex(pnx).entry
    }
}

extension Catalogue {
    /// Re-derives the discovery entry of the bib `mmsID` from what is stored now.
    func reindex(_ mmsID: String) async throws {
        guard let bib = try await tx.document(.bib, id: mmsID),
            let node = bib.body.child("record"),
            let record = try? MARCRecord(node: node)
        else { return }
        let holdings = try await tx.find(DocumentQuery(kind: .holding, parent: mmsID)).items
        let items = try await tx.find(DocumentQuery(kind: .item, parent: mmsID)).items
        let summaries = CatalogDiscovery.summaries(holdings: holdings, items: items, codes: codes)
        let entry = CatalogDiscovery.entry(bib: bib, record: record, holdings: summaries, institution: ids.institution)
        try await tx.setDiscovery(entry, for: .bib, id: mmsID)
    }
}
