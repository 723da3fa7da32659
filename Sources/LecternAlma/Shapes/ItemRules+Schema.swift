public import LecternRepresentation

extension AlmaShapes {
    /// The field rules of `item` beyond the engine's own checks: `rest_item.xsd` is not in the
    /// reference material, so the kinds come from the recorded items (`bibsys-example/item.xml`,
    /// `items.xml`: booleans as `false`, dates as `2020-01-15Z`) and the lengths from the limits
    /// `rest_user.xsd` sets for fields of the same kind (255 for codes and short texts, 4000 for notes).
    public static let itemRules = SchemaRules(
        [
            "holding_data/in_temp_location": .init(.boolean), "holding_data/due_back_date": .init(.date),
            "item_data/is_magnetic": .init(.boolean), "item_data/requested": .init(.boolean),
            "item_data/awaiting_reshelving": .init(.boolean), "item_data/arrival_date": .init(.date),
            "item_data/expected_arrival_date": .init(.date), "item_data/inventory_date": .init(.date),
            "item_data/barcode": .init(.string, maximumLength: 255), "item_data/policy": .init(.string, maximumLength: 255),
            "item_data/description": .init(.string, maximumLength: 4000), "item_data/public_note": .init(.string, maximumLength: 4000),
            "item_data/fulfillment_note": .init(.string, maximumLength: 4000),
        ]
        .merging(
            ["internal_note_1", "internal_note_2", "internal_note_3", "statistics_note_1", "statistics_note_2", "statistics_note_3"]
                .map { ("item_data/\($0)", SchemaRules.Rule(.string, maximumLength: 4000)) }
        ) { first, _ in first }
    )
}
