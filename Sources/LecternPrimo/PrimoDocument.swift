import LecternDiscovery
import LecternMARC
import LecternRepresentation

/// One record as Primo answers it (VE shape, PRIMO.md section 3): its PNX, the delivery block
/// from its holdings, `context` `L` (local), the adaptor and the record's `@id`.
struct PrimoDocument: Sendable {
    var mmsID: String
    var record: MARCRecord
    var holdings: [DiscoveryHolding]
    var score: Double?

    /// The docid Primo uses for a local Alma record: `alma` and the MMS id.
    var recordID: String { "alma\(mmsID)" }

    func json(institution: String, baseURL: String, delivery: Bool) -> JSONValue {
        var pnx = PNXNormalizer(institution: institution).record(bib: record, mmsID: mmsID, holdings: holdings)
        if let score { pnx.control.append("score", String(score)) }
        return .object([
            JSONEntry("pnx", pnx.json),
            JSONEntry("delivery", deliveryJSON(institution: institution, full: delivery)),
            JSONEntry("context", .string("L")),
            JSONEntry("adaptor", .string("Local Search Engine")),
            JSONEntry(
                "extras",
                .object([
                    JSONEntry("citationTrails", .object([JSONEntry("citing", .array([])), JSONEntry("citedby", .array([]))])),
                    JSONEntry("timesCited", .object([])),
                ])
            ),
            JSONEntry("@id", .string("\(baseURL)/primo/v1/pnxs/L/\(recordID)")),
        ])
    }

    /// `doc.delivery`: where the record can be had. Physical holdings answer `Alma-P` with each
    /// holding's availability; a record with only an 856 link answers `Alma-E`.
    private func deliveryJSON(institution: String, full: Bool) -> JSONValue {
        let links = record.dataFields("856").compactMap { field -> JSONValue? in
            guard let url = field.subfieldValue("u") else { return nil }
            return .object([
                JSONEntry("@id", .string("_:0")),
                JSONEntry("linkType", .string("http://purl.org/pnx/linkType/linktorsrc")),
                JSONEntry("linkURL", .string(url)),
                JSONEntry("displayLabel", .string(field.subfieldValue("z") ?? field.subfieldValue("y") ?? "Online access")),
            ])
        }
        let physical = !holdings.isEmpty
        let availability =
            physical
            ? (holdings.contains(where: \.isAvailable)
                ? "available_in_library" : holdings.allSatisfy({ $0.totalItems == 0 }) ? "check_holdings" : "unavailable")
            : (links.isEmpty ? "no_inventory" : "not_restricted")
        let holdingValues: [JSONValue] = holdings.map { holding in
            .object([
                JSONEntry("organization", .string(institution)),
                JSONEntry("libraryCode", .string(holding.libraryCode)),
                JSONEntry("mainLocation", .string(holding.libraryName)),
                JSONEntry("subLocation", .string(holding.locationName)),
                JSONEntry("subLocationCode", .string(holding.locationCode)),
                JSONEntry("callNumber", .string(holding.callNumber)),
                JSONEntry(
                    "availabilityStatus",
                    .string(holding.isAvailable ? "available" : holding.totalItems == 0 ? "check_holdings" : "unavailable")
                ),
                JSONEntry("isValidUser", .bool(true)),
            ])
        }
        var entries: [JSONEntry] = [
            JSONEntry("bestlocation", holdingValues.first(where: { _ in true }) ?? .null),
            JSONEntry("deliveryCategory", .array([.string(physical ? "Alma-P" : "Alma-E")])),
            JSONEntry("availability", .array([.string(availability)])),
            JSONEntry("displayLocation", .bool(physical)),
            JSONEntry("additionalLocations", .bool(holdings.count > 1)),
            JSONEntry("physicalItemTextCodes", .string("")),
            JSONEntry("feDisplayOtherLocations", .bool(false)),
            JSONEntry("displayedAvailability", .string(availability)),
            JSONEntry("holding", .array(full ? holdingValues : [])),
            JSONEntry("link", .array(full ? links : [])),
        ]
        if !full { entries.removeFirst() }
        return .object(entries)
    }
}
