import LecternRepresentation
import LecternStore

/// Physical availability (`expand=p_avail`): one `AVA` field per holding appended to the bib's
/// record, computed from its items as they are now (`php-alma-client/bib_response_with_availability.xml`).
enum Availability {
    static func fields(mmsID: String, institution: String, holdings: [Document], items: [Document], codes: CatalogCodes) -> [Node] {
        var itemsByHolding: [String: [Document]] = [:]
        for item in items { itemsByHolding[item.fields["holding_id"] ?? "", default: []].append(item) }
        return holdings.enumerated().map { index, holding in
            let location = HoldingRules.Location(holding.body)
            let held = itemsByHolding[holding.id] ?? []
            // An item on the hold shelf is in place but waits for its requester.
            let unavailable = held.filter {
                $0.body.value("item_data/base_status") != "1" || !($0.body.value("item_data/process_type") ?? "").isEmpty
            }.count
            let status = held.isEmpty ? "check_holdings" : unavailable < held.count ? "available" : "unavailable"
            // $k is the call number type, the holding's 852 first indicator; a holding without one
            // has none to show.
            let callNumberType = location.callNumberType.isEmpty ? [] : [("k", location.callNumberType)]
            let subfields: [(String, String)] =
                [
                    ("0", mmsID), ("8", holding.id), ("a", institution), ("b", location.library),
                    ("c", codes.location(location.location, of: location.library) ?? location.location), ("d", location.callNumber),
                    ("e", status), ("f", String(held.count)), ("g", String(unavailable)), ("j", location.location),
                ] + callNumberType + [("p", String(index + 1)), ("q", codes.libraries[location.library] ?? location.library)]
            return Node(
                "datafield",
                attributes: [.init("ind1", " "), .init("ind2", " "), .init("tag", "AVA")],
                children: subfields.map { Node("subfield", attributes: [.init("code", $0.0)], text: $0.1) }
            )
        }
    }
}
