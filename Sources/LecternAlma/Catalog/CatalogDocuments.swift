import LecternDiscovery
public import LecternRepresentation
public import LecternStore

// `Kind.bib` is LecternDiscovery's, beside the other kinds discovery reads.
extension Kind {
    /// A holdings record; its parent is the MMS id.
    public static let holding = Kind(rawValue: "holding")
    /// An item (`<item>` with the item's own `holding_data` and `item_data`); its parent is the
    /// MMS id, so that a bib's items are found at once, and `fields["holding_id"]` its holding.
    public static let item = Kind(rawValue: "item")
}

/// How catalogue objects become stored documents: ids, parents, keys and fields in one place.
enum CatalogDocuments {
    /// The alternate key type of a bib's 035 system numbers (`other_system_id`, re-import matching).
    static let systemNumber = "system_number"
    /// The alternate key type of an item's barcode, unique per institution.
    static let barcode = "barcode"

    /// A bib; `systemNumbers` are the 035 values this bib owns (a value another bib has is not its key).
    static func bib(_ bib: Node, systemNumbers: [String]) -> Document {
        Document(
            kind: .bib,
            id: bib.value("mms_id") ?? "",
            body: bib,
            keys: systemNumbers.map { Document.Key(type: systemNumber, value: $0) },
            fields: ["modified": bib.value("last_modified_date") ?? ""]
        )
    }

    /// A holding of the bib `mmsID`.
    static func holding(_ holding: Node, mmsID: String) -> Document {
        Document(kind: .holding, id: holding.value("holding_id") ?? "", parent: mmsID, body: holding)
    }

    /// An item of the holding `holdingID` of the bib `mmsID`.
    static func item(_ item: Node, mmsID: String, holdingID: String) -> Document {
        let barcode = item.value("item_data/barcode") ?? ""
        return Document(
            kind: .item,
            id: item.value("item_data/pid") ?? "",
            parent: mmsID,
            body: item,
            keys: barcode.isEmpty ? [] : [Document.Key(type: Self.barcode, value: barcode)],
            fields: ["holding_id": holdingID]
        )
    }
}
