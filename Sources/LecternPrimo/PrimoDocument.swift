import LecternDiscovery
import LecternMARC
import LecternRepresentation

/// One record as Primo answers it (VE shape, PRIMO.md section 3): its PNX, the delivery block
/// from its holdings, `context` `L` (local), the adaptor and the record's `@id`; written in
/// ``PrimoShapes``.
struct PrimoDocument: Sendable {
    var mmsID: String
    var record: MARCRecord
    var holdings: [DiscoveryHolding]
    var score: Double?

    /// The docid Primo uses for a local Alma record: `alma` and the MMS id.
    var recordID: String { "alma\(mmsID)" }

    /// The document, an element of an answer's `docs`; `delivery` says whether its delivery
    /// block names holdings and links.
    func node(institution: String, baseURL: String, delivery: Bool) -> Node {
        var pnx = PNXNormalizer(institution: institution).record(bib: record, mmsID: mmsID, holdings: holdings)
        if let score { pnx.control.append("score", String(score)) }
        return Node(
            "docs",
            children: [
                pnx.node,
                deliveryNode(institution: institution, full: delivery),
                Node("context", text: "L"),
                Node("adaptor", text: "Local Search Engine"),
                Node("extras", children: [Node("citationTrails", text: ""), Node("timesCited", text: "")]),
                Node("@id", text: "\(baseURL)/primo/v1/pnxs/L/\(recordID)"),
            ]
        )
    }

    /// `doc.delivery`: where the record can be had. Physical holdings answer `Alma-P` with each
    /// holding's availability; a record with only an 856 link answers `Alma-E`.
    private func deliveryNode(institution: String, full: Bool) -> Node {
        let links = record.dataFields("856").compactMap { field -> Node? in
            guard let url = field.subfieldValue("u") else { return nil }
            return Node(
                "link",
                children: [
                    Node("@id", text: "_:0"),
                    Node("linkType", text: "http://purl.org/pnx/linkType/linktorsrc"),
                    Node("linkURL", text: url),
                    Node("displayLabel", text: field.subfieldValue("z") ?? field.subfieldValue("y") ?? "Online access"),
                ]
            )
        }
        let physical = !holdings.isEmpty
        let availability =
            physical
            ? (holdings.contains(where: \.isAvailable)
                ? "available_in_library" : holdings.allSatisfy({ $0.totalItems == 0 }) ? "check_holdings" : "unavailable")
            : (links.isEmpty ? "no_inventory" : "not_restricted")
        let holdingNodes = holdings.map { holding in
            Node(
                "holding",
                children: [
                    Node("organization", text: institution),
                    Node("libraryCode", text: holding.libraryCode),
                    Node("mainLocation", text: holding.libraryName),
                    Node("subLocation", text: holding.locationName),
                    Node("subLocationCode", text: holding.locationCode),
                    Node("callNumber", text: holding.callNumber),
                    Node("availabilityStatus", text: holding.isAvailable ? "available" : holding.totalItems == 0 ? "check_holdings" : "unavailable"),
                    Node("isValidUser", text: "true"),
                ]
            )
        }
        var best = holdingNodes.first
        best?.name = "bestlocation"
        return Node(
            "delivery",
            children: (full ? best.map { [$0] } ?? [] : []) + [
                Node("deliveryCategory", text: physical ? "Alma-P" : "Alma-E"),
                Node("availability", text: availability),
                Node("displayLocation", text: physical ? "true" : "false"),
                Node("additionalLocations", text: holdings.count > 1 ? "true" : "false"),
                Node("physicalItemTextCodes", text: ""),
                Node("feDisplayOtherLocations", text: "false"),
                Node("displayedAvailability", text: availability),
            ] + (full ? holdingNodes + links : [])
        )
    }
}
