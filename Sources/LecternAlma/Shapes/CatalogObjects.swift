import LecternCore

/// The catalogue's objects as the route tables document them (OpenAPI schemas, documentation
/// pages with an example from the demo data).
enum CatalogObjects {
    static let bib = DocumentedObject("bib", "A bibliographic record: its fields and the MARC record", shape: AlmaShapes.bib, exampleKind: "bib")
    static let bibs = DocumentedObject.list("bibs", of: bib, shape: AlmaShapes.bibs)
    static let holding = DocumentedObject(
        "holding",
        "A holding: its location and MARC holdings record",
        shape: AlmaShapes.holding,
        exampleKind: "holding"
    )
    static let holdings = DocumentedObject.list("holdings", of: holding, shape: AlmaShapes.holdings)
    static let item = DocumentedObject("item", "An item: its bib, holding and item data", shape: AlmaShapes.item, exampleKind: "item")
    static let items = DocumentedObject.list("items", of: item, shape: AlmaShapes.items)

    /// What a bib's routes answer when the bib is not there.
    static let bibErrors: [APIError] = [.mmsIDNotValid("{mms_id}"), .mmsIDNotNumeric("{mms_id}")]
    static let holdingErrors: [APIError] = bibErrors + [.holdingIDNotValid("{holding_id}")]
    static let itemErrors: [APIError] = holdingErrors + [.itemNotFound(mmsID: "{mms_id}", holdingID: "{holding_id}", pid: "{item_pid}")]
}
