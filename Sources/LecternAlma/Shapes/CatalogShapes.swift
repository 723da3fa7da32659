public import LecternRepresentation

/// The catalogue's objects: bib, holding, item and their lists (`rest_bib.xsd`,
/// `rest_holding.xsd`, `rest_item.xsd` are not vendored, so these follow the recorded JSON in
/// `samples/alma/php-alma-client` (`bib_response`, `holding_response`, `item_response`,
/// `holdings_response`, `items_response`, `scanin_transit_response`) and `pulibrary-bibdata`).
///
/// Alma shows `suppress_from_publishing` of a bib and a holding as the string `"false"`, so it
/// stays text here; an item's flags are booleans. A bib without a main entry shows
/// `"author": null` (`pulibrary-bibdata/two_bibs.json` and every recorded `bib_data`), and a
/// scan answer shows `"requested": null` (`php-alma-client/scanin_transit_response.json`,
/// `pulibrary-bibdata/scan_23258767460006421.json`).
extension AlmaShapes {
    /// The fields a bib lifts from MARC, shared by the bib and its brief form (`bib_data`).
    private static let liftedFields: [Shape.Member] = [
        .text("title"),
        .text("author", nullWhenAbsent: true),
        .text("isbn", nullWhenAbsent: true),
        .text("issn", nullWhenAbsent: true),
        .text("complete_edition"),
        .list("network_numbers", item: "network_number", of: .text),
        .text("place_of_publication"),
        .text("date_of_publication"),
        .text("publisher_const"),
    ]

    /// A bib: `GET /almaws/v1/bibs/{mms_id}`; the MARC record is `anies` in JSON.
    public static let bib: Shape = .object(
        [
            .attribute("link", nullWhenAbsent: true),
            .text("mms_id"),
            .text("record_format"),
            Shape.Member("linked_record_id", .valued(.text)),
        ] + liftedFields + [
            Shape.Member("holdings", .valued(.text)),
            Shape.Member("requests", .valued(.number), nullWhenAbsent: true),
            .text("created_by"),
            .text("created_date"),
            .text("last_modified_by"),
            .text("last_modified_date"),
            .text("suppress_from_publishing"),
            .text("suppress_from_external_search"),
            .text("sync_with_oclc"),
            .text("sync_with_libraries_australia"),
            .text("originating_system"),
            .text("originating_system_id"),
            .code("cataloging_level"),
            .code("brief_level"),
            Shape.Member("record", .anies),
        ]
    )

    /// `GET /almaws/v1/bibs?mms_id=`: `{"bib":[…],"total_record_count":N}`, `"bib":[]` when empty
    /// (`pulibrary-bibdata/not_found.json`).
    public static let bibs: Shape = .object([
        Shape.Member("bib", bib, repeats: true, nullWhenAbsent: true),
        .attribute("total_record_count", .number),
    ])

    /// A bib as an item shows it, in the recorded order (`alma_rb/bib_items-pg1.json`,
    /// `pulibrary-bibdata/barcode_32101076720315.json`): `issn` before `isbn`, `link` last.
    static let bibData: Shape = .object([.text("mms_id")] + issnBeforeISBN + [.attribute("link")])

    /// ``liftedFields`` with `issn` and `isbn` swapped, found by name.
    private static let issnBeforeISBN: [Shape.Member] = {
        var fields = liftedFields
        if let isbn = fields.firstIndex(where: { $0.name == "isbn" }), let issn = fields.firstIndex(where: { $0.name == "issn" }) {
            fields.swapAt(isbn, issn)
        }
        return fields
    }()

    /// A holding: `GET /almaws/v1/bibs/{mms_id}/holdings/{holding_id}`.
    public static let holding: Shape = .object([
        .attribute("link"),
        .text("holding_id"),
        .text("created_by"),
        .text("created_date"),
        .text("last_modified_by"),
        .text("last_modified_date"),
        .text("originating_system"),
        .text("originating_system_id"),
        .text("suppress_from_publishing"),
        Shape.Member("record", .anies),
    ])

    /// `GET /almaws/v1/bibs/{mms_id}/holdings`: the brief holdings and the bib.
    public static let holdings: Shape = .object([
        Shape.Member(
            "holding",
            .object([
                .attribute("link"), .text("holding_id"), .code("library"), .code("location"), .text("call_number"),
                .text("suppress_from_publishing"),
            ]),
            repeats: true
        ),
        Shape.Member("bib_data", holdingsBibData),
        .attribute("total_record_count", .number),
    ])

    /// A bib as a holdings list shows it: its publisher is `publisher`, not `publisher_const`
    /// (`php-alma-client/holdings_response.json`, `pulibrary-bibdata/991227840000541_holdings.xml`).
    static let holdingsBibData: Shape = .object(
        [.attribute("link"), .text("mms_id")] + liftedFields.map { $0.name == "publisher_const" ? .text("publisher") : $0 }
    )

    /// The holding as an item shows it, with the item's temporary location.
    static let holdingData: Shape = .object([
        .text("holding_id"),
        .code("permanent_call_number_type"),
        .text("permanent_call_number"),
        .code("call_number_type"),
        .text("call_number"),
        .text("accession_number"),
        .text("copy_id"),
        .boolean("in_temp_location"),
        .code("temp_library", nullWhenAbsent: true),
        .code("temp_location", nullWhenAbsent: true),
        .code("temp_call_number_type"),
        .text("temp_call_number"),
        .text("temp_call_number_source"),
        .code("temp_policy"),
        .text("due_back_date"),
        .attribute("link"),
    ])

    /// An item's own data.
    static let itemData: Shape = .object(
        [
            .text("pid"), .text("barcode"), .text("creation_date"), .text("modification_date"), .code("base_status"),
            .boolean("awaiting_reshelving"), .code("physical_material_type"), .code("policy"), .code("provenance"), .text("po_line"),
            .boolean("is_magnetic"), .text("arrival_date"), .text("expected_arrival_date"), .text("year_of_issue"),
        ] + "abcdefgh".map { .text("enumeration_\($0)") } + "ijklm".map { .text("chronology_\($0)") } + [
            .text("description"), .text("receiving_operator"), .code("process_type"), .code("work_order_type"), .code("work_order_at"),
            .text("inventory_number"), .text("inventory_date"), .text("inventory_price"), .code("library"), .code("location"),
            .text("alternative_call_number"), .code("alternative_call_number_type"), .text("storage_location_id"), .text("pages"),
            .text("pieces"), .text("public_note"), .text("fulfillment_note"), .text("internal_note_1"), .text("internal_note_2"),
            .text("internal_note_3"), .text("statistics_note_1"), .text("statistics_note_2"), .text("statistics_note_3"),
            Shape.Member("requested", .boolean, nullWhenAbsent: true), .text("edition", nullWhenAbsent: true), .text("imprint", nullWhenAbsent: true),
            .text("language", nullWhenAbsent: true), .code("physical_condition", nullWhenAbsent: true),
        ]
    )

    /// An item: `{bib_data, holding_data, item_data, link}` (`php-alma-client/item_response.json`);
    /// a scan adds `additional_info`. As current answers do (`pulibrary-bibdata/barcode_32101111979348.json`),
    /// `link` comes last in JSON, in the item, its `bib_data` and its `holding_data`.
    public static let item: Shape = .object([
        Shape.Member("bib_data", bibData),
        Shape.Member("holding_data", holdingData),
        Shape.Member("item_data", itemData),
        .text("additional_info"),
        .attribute("link"),
    ])

    /// `GET …/holdings/{holding_id}/items`.
    public static let items: Shape = .listRoot(item: "item", of: item)
}
