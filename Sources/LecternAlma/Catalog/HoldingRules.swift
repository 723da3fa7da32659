import LecternCore
import LecternMARC
import LecternRepresentation

/// How a `<holding>` becomes the stored holding: a MARC holdings record whose 852 names a real
/// library ($b) and location ($c), with 001 = holding id and 004 = the bib's MMS id.
enum HoldingRules {
    /// The holdings record of `holding`, checked against the tenant's locations.
    ///
    /// - throws: 402211 when the record is missing, not MARC, or its 852 $b/$c is not a location.
    static func record(of holding: Node, codes: CatalogCodes) throws -> MARCRecord {
        guard let node = holding.child("record") else { throw APIError.invalidHoldingXML("The holding has no record.") }
        let record: MARCRecord
        do {
            record = try MARCRecord(node: node)
        } catch {
            throw APIError.invalidHoldingXML(error.reason)
        }
        try check(record, codes: codes)
        return record
    }

    /// Checks that the 852 of `record` names a library and one of its locations.
    static func check(_ record: MARCRecord, codes: CatalogCodes) throws {
        guard let library = record.firstSubfieldValue("852", "b"), !library.isEmpty else {
            throw APIError.invalidHoldingXML("Field 852 $b (library) is missing.")
        }
        guard codes.libraries[library] != nil else { throw APIError.invalidHoldingXML("Library \(library) does not exist.") }
        guard let location = record.firstSubfieldValue("852", "c"), !location.isEmpty else {
            throw APIError.invalidHoldingXML("Field 852 $c (location) is missing.")
        }
        guard codes.location(location, of: library) != nil else {
            throw APIError.invalidHoldingXML("Location \(location) does not exist in library \(library).")
        }
    }

    /// The stored form of a holding.
    static func canonical(
        _ incoming: Node,
        record: MARCRecord,
        holdingID: String,
        mmsID: String,
        created: (by: String, date: String)?,
        stamp: CatalogStamp,
        user: String
    ) -> Node {
        let sourceID = record.controlField("001")
        var record = record
        record.setControlField("001", holdingID)
        record.setControlField("004", mmsID)
        record.setControlField("005", stamp.marcTimestamp)
        let suppressed = incoming.value("suppress_from_publishing").flatMap { $0.isEmpty ? nil : $0 } ?? "false"
        return Node(
            "holding",
            children: [
                Node("holding_id", text: holdingID),
                Node("created_by", text: created?.by ?? user),
                Node("created_date", text: created?.date ?? stamp.date),
                Node("last_modified_by", text: user),
                Node("last_modified_date", text: stamp.date),
                Node("originating_system", text: incoming.value("originating_system") ?? "LECTERN"),
                Node("originating_system_id", text: incoming.value("originating_system_id") ?? sourceID ?? holdingID),
                Node("suppress_from_publishing", text: suppressed),
                record.node,
            ]
        )
    }

    /// The library, location and call number a holding's 852 gives, for lists and items.
    struct Location {
        var library: String
        var location: String
        var callNumber: String
        var callNumberType: String

        init(_ holding: Node) {
            let field = holding.child("record")?.children.first { $0.name == "datafield" && $0.attribute("tag") == "852" }
            func subfield(_ code: String) -> String? {
                field?.children.first { $0.attribute("code") == code }?.text
            }
            library = subfield("b") ?? ""
            location = subfield("c") ?? ""
            callNumber = [subfield("h"), subfield("i")].compactMap { $0 }.joined(separator: " ")
            // 852 first indicator: the shelving scheme, which is Alma's call number type code.
            let scheme = field?.attribute("ind1") ?? " "
            callNumberType = scheme == " " ? "" : scheme
        }
    }
}
