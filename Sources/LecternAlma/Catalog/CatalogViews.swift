import LecternRepresentation
import LecternStore

/// The read forms of catalogue objects: what a GET answers, composed from the stored documents
/// (an item shows its bib and holding as they are now, not as they were when it was written).
enum CatalogViews {
    /// `{base}/almaws/v1/bibs/{mms_id}`.
    static func bibURL(_ baseURL: String, _ mmsID: String) -> String {
        "\(baseURL)/almaws/v1/bibs/\(mmsID)"
    }

    static func holdingURL(_ baseURL: String, _ mmsID: String, _ holdingID: String) -> String {
        "\(bibURL(baseURL, mmsID))/holdings/\(holdingID)"
    }

    static func itemURL(_ baseURL: String, _ mmsID: String, _ holdingID: String, _ pid: String) -> String {
        "\(holdingURL(baseURL, mmsID, holdingID))/items/\(pid)"
    }

    /// The bib as `GET /bibs/{mms_id}` shows it: with its `holdings` link, before the audit fields.
    static func bib(_ stored: Node, baseURL: String) -> Node {
        var bib = stored
        let mmsID = bib.value("mms_id") ?? ""
        let holdings = Node("holdings", attributes: [.init("link", "\(bibURL(baseURL, mmsID))/holdings")])
        let position = bib.children.firstIndex { $0.name == "created_by" } ?? bib.children.count
        bib.children.insert(holdings, at: position)
        return bib
    }

    /// The bib as lists of holdings and items show it (`bib_data`).
    static func bibData(_ stored: Node, baseURL: String) -> Node {
        let mmsID = stored.value("mms_id") ?? ""
        let names = BibFields.names.union(["mms_id"])
        return Node(
            "bib_data",
            attributes: [.init("link", bibURL(baseURL, mmsID))],
            children: stored.children.filter { names.contains($0.name) }
        )
    }

    /// A brief holding, as `GET /bibs/{mms_id}/holdings` lists it.
    static func briefHolding(_ holding: Document, codes: CatalogCodes, baseURL: String) -> Node {
        let location = HoldingRules.Location(holding.body)
        return Node(
            "holding",
            attributes: [.init("link", holdingURL(baseURL, holding.parent ?? "", holding.id))],
            children: [
                Node("holding_id", text: holding.id),
                Node("library", attributes: codes.libraryDesc(location.library), text: location.library),
                Node("location", attributes: codes.locationDesc(location.location, of: location.library), text: location.location),
                Node("call_number", text: location.callNumber),
                Node("suppress_from_publishing", text: holding.body.child("suppress_from_publishing")?.text ?? "false"),
            ]
        )
    }

    /// The item as `GET …/items/{pid}` shows it: `bib_data`, `holding_data` (the holding's call
    /// number with the item's temporary location), `item_data`.
    static func item(_ item: Document, holding: Document, bib: Node, codes: CatalogCodes, baseURL: String) -> Node {
        let mmsID = item.parent ?? ""
        let location = HoldingRules.Location(holding.body)
        let shown = ItemRules.shown(item.body)
        var holdingData = shown.child("holding_data") ?? Node("holding_data")
        holdingData.setAttribute("link", holdingURL(baseURL, mmsID, holding.id))
        let callNumberType = Node(
            "call_number_type",
            attributes: codes.callNumberTypeDesc(location.callNumberType),
            text: location.callNumberType
        )
        holdingData.children.insert(
            contentsOf: [
                Node("holding_id", text: holding.id),
                callNumberType,
                Node("call_number", text: location.callNumber),
                Node("accession_number", text: ""),
                Node("copy_id", text: ""),
            ],
            at: 0
        )
        // An item's bib_data always shows the edition, "" when the record has none
        // (`php-alma-client/item_response.json`, every recorded item).
        var bibData = bibData(bib, baseURL: baseURL)
        if bibData.child("complete_edition") == nil {
            bibData.children.append(Node("complete_edition", text: ""))
            bibData = AlmaShapes.bibData.normalized(bibData)
        }
        return Node(
            "item",
            attributes: [.init("link", itemURL(baseURL, mmsID, holding.id, item.id))],
            children: [
                bibData,
                AlmaShapes.holdingData.normalized(holdingData),
                shown.child("item_data") ?? Node("item_data"),
            ]
        )
    }
}
