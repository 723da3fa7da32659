public import LecternDiscovery
public import LecternMARC
import LecternRepresentation
public import LecternStore

/// What discovery (Primo) sees of the catalogue: each bib's MARC record and a summary of its
/// holdings and items. The catalogue keeps the bib's discovery entry up to date in the same
/// transaction as every write to the bib, its holdings or its items, so a write is searchable
/// as soon as it returns; a suppressed bib has no entry.
public enum CatalogDiscovery {
    /// The records and holdings of the bibs `matches` found, as discovery shows them, in order:
    /// from each match's published record (``LecternDiscovery/PublishedRecord``), or for a match
    /// without one (indexed before entries kept it, or before they kept the places' names), from
    /// the documents. A bib that does not exist or whose record cannot be read is left out.
    public static func records(
        _ matches: [DiscoveryPage.Match],
        in reader: any StoreReader
    ) async throws -> [(mmsID: String, record: MARCRecord, holdings: [DiscoveryHolding])] {
        guard !matches.isEmpty else { return [] }
        let codes = try await CatalogCodes.loadPlaces(from: reader)
        var published: [String: (record: MARCRecord, holdings: [DiscoveryHolding])] = [:]
        for match in matches {
            if let decoded = match.display.flatMap(PublishedRecord.decode) { published[match.id] = decoded }
        }
        let unpublished = matches.map(\.id).filter { published[$0] == nil }
        let read = unpublished.isEmpty ? [:] : try await documentRecords(unpublished, codes: codes, in: reader)
        return matches.compactMap { match in
            (published[match.id] ?? read[match.id]).map { (match.id, $0.record, $0.holdings) }
        }
    }

    /// The records and holdings of the bibs `mmsIDs` read from their documents: the bibs, their
    /// holdings and their items, one query each, side by side on the reader pool's connections.
    private static func documentRecords(
        _ mmsIDs: [String],
        codes: CatalogCodes,
        in reader: any StoreReader
    ) async throws -> [String: (record: MARCRecord, holdings: [DiscoveryHolding])] {
        var holdingsQuery = DocumentQuery(kind: .holding)
        holdingsQuery.parents = mmsIDs
        var itemsQuery = DocumentQuery(kind: .item)
        itemsQuery.parents = mmsIDs
        async let bibsRead = reader.documents(.bib, ids: mmsIDs)
        async let holdingsRead = reader.find(holdingsQuery)
        async let itemsRead = reader.find(itemsQuery)
        let bibs = try await bibsRead
        let holdings = Dictionary(grouping: try await holdingsRead.items) { $0.parent ?? "" }
        let items = Dictionary(grouping: try await itemsRead.items) { $0.parent ?? "" }
        var found: [String: (record: MARCRecord, holdings: [DiscoveryHolding])] = [:]
        for mmsID in mmsIDs {
            guard let bib = bibs[mmsID],
                let node = bib.body.child("record"),
                let record = try? MARCRecord(node: node)
            else { continue }
            found[mmsID] = (record, summaries(holdings: holdings[mmsID] ?? [], items: items[mmsID] ?? [], codes: codes))
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
            return self.holding(
                library: location.library,
                location: location.location,
                callNumber: location.callNumber,
                available: available[holding.id] ?? 0,
                total: total[holding.id] ?? 0,
                codes: codes
            )
        }
    }

    /// One holding's summary, the places named by `codes` (by their codes when unknown).
    static func holding(
        library: String,
        location: String,
        callNumber: String,
        available: Int,
        total: Int,
        codes: CatalogCodes
    )
        -> DiscoveryHolding
    {
        DiscoveryHolding(
            libraryCode: library,
            libraryName: codes.libraries[library] ?? library,
            locationCode: location,
            locationName: codes.location(location, of: library) ?? location,
            callNumber: callNumber,
            availableItems: available,
            totalItems: total
        )
    }

    /// The discovery entry of a bib, or `nil` when it is suppressed from publishing.
    static func entry(bib: Document, record: MARCRecord, holdings: [DiscoveryHolding], institution: String) -> DiscoveryEntry? {
        guard bib.body.value("suppress_from_publishing") != "true" else { return nil }
        let pnx = PNXNormalizer(institution: institution).record(bib: record, mmsID: bib.id, holdings: holdings)
        var entry = DiscoveryIndex(pnx).entry
        entry.display = PublishedRecord.encode(record, holdings: holdings)
        return entry
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
