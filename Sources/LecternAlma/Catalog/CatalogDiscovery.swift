import LecternDiscovery
import LecternMARC
import LecternRepresentation
import LecternStore

/// What discovery (Primo) sees of the catalogue: each bib's published record
/// (``LecternDiscovery/PublishedRecord``), its MARC record with a summary of its holdings and
/// items, places named. The catalogue keeps the bib's discovery entry up to date in the same
/// transaction as every write to the bib, its holdings or its items, so a write is searchable
/// as soon as it returns; a suppressed bib has no entry.
enum CatalogDiscovery {
    /// The holdings of a bib as discovery summarizes them, the places named by `codes` (by their
    /// codes when unknown); an item counts as available when it is in place (base status 1) and
    /// in no process (not waiting on the hold shelf).
    static func summaries(holdings: [Document], items: [Document], codes: CatalogCodes) -> [DiscoveryHolding] {
        var total: [String: Int] = [:]
        var available: [String: Int] = [:]
        for item in items {
            let holding = item.fields["holding_id"] ?? ""
            total[holding, default: 0] += 1
            if item.body.value("item_data/base_status") == "1", (item.body.value("item_data/process_type") ?? "").isEmpty {
                available[holding, default: 0] += 1
            }
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

    /// The discovery entry of a bib, with its published record, or `nil` when it is suppressed
    /// from publishing.
    static func entry(bib: Document, record: MARCRecord, holdings: [DiscoveryHolding], institution: String) -> DiscoveryEntry? {
        guard bib.body.value("suppress_from_publishing") != "true" else { return nil }
        return PublishedRecord(record: record, holdings: holdings).entry(id: bib.id, institution: institution)
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
