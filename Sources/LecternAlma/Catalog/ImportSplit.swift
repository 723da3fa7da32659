import LecternMARC
import LecternRepresentation

/// A record split for import: the bib record without 852/876, and its inventory.
struct ImportSplit: Sendable {
    var bib: MARCRecord
    var holdings: [Holding]
    var items: [Item]

    /// One 852: the field to store (without $8) and its link number.
    struct Holding: Sendable {
        var field: MARCRecord.Field
        var link: String?

        /// What matches a stored holding on re-import: library, location and call number.
        var matchKey: String {
            let callNumber = [field.subfieldValue("h"), field.subfieldValue("i")].compactMap { $0 }.joined(separator: " ")
            return "\(field.subfieldValue("b") ?? "")\u{1F}\(field.subfieldValue("c") ?? "")\u{1F}\(callNumber)"
        }
    }

    /// One 876: its holding (an index into `holdings`) and the `item_data` it gives.
    struct Item: Sendable {
        var holding: Int
        var barcode: String
        var materialType: String
        var description: String
        var publicNote: String
        var internalNote: String

        init(holding: Int, field: MARCRecord.Field) {
            self.holding = holding
            barcode = field.subfieldValue("p") ?? ""
            materialType = field.subfieldValue("w") ?? ""
            description = field.subfieldValue("3") ?? ""
            publicNote = field.subfieldValue("z") ?? ""
            internalNote = field.subfieldValue("x") ?? ""
        }

        /// `item` (a stored item's body, or an empty `<item>`) with this 876's values; library and
        /// location are left to follow the holding.
        func applied(to item: Node) -> Node {
            var item = item
            var data = item.child("item_data") ?? Node("item_data")
            data.removeChildren(named: "library")
            data.removeChildren(named: "location")
            for (name, value) in [
                ("barcode", barcode), ("physical_material_type", materialType), ("description", description),
                ("public_note", publicNote), ("internal_note_1", internalNote),
            ] {
                data.setChild(Node(name, text: value))
            }
            item.setChild(data)
            return item
        }
    }
}
