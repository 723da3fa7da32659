import LecternCore
import LecternMARC
import LecternRepresentation

/// How a `<bib>` sent by a client (or built by an import) becomes the stored bib: the MARC
/// record is read strictly, 001 and 005 are set, the lifted fields are derived from it, the
/// system fields are Lectern's, and what else the client sent is kept as sent.
enum BibRules {
    /// Elements the client cannot set: ids, lifted fields, audit fields, links.
    private static let systemOwned: Set<String> = BibFields.names.union([
        "mms_id", "holdings", "requests", "created_by", "created_date", "last_modified_by", "last_modified_date", "record",
    ])

    /// The record of `bib`, read strictly.
    ///
    /// - throws: 401664 when the bib has no record, 4022032 when the record is not MARC, or
    ///   (with `validate`) has no 245 $a.
    static func record(of bib: Node, validate: Bool) throws -> MARCRecord {
        guard let node = bib.child("record") else { throw APIError.mandatoryFieldMissing("record") }
        let record: MARCRecord
        do {
            record = try MARCRecord(node: node)
        } catch {
            throw APIError.recordFailedValidation(error.reason)
        }
        if validate, record.firstSubfieldValue("245", "a") == nil {
            throw APIError.recordFailedValidation("Mandatory field 245 $a (title) is missing.")
        }
        return record
    }

    /// The stored form of a bib: `incoming`'s own fields, `record` with 001 = `mmsID` and 005
    /// stamped, the lifted fields, and the audit fields (`created` kept from the stored bib).
    static func canonical(
        _ incoming: Node,
        record: MARCRecord,
        mmsID: String,
        created: (by: String, date: String)?,
        stamp: CatalogStamp,
        user: String
    ) -> Node {
        let sourceID = record.controlField("001")
        var record = record
        record.setControlField("001", mmsID)
        record.setControlField("005", stamp.marcTimestamp)
        func given(_ name: String, _ fallback: String) -> Node {
            incoming.child(name).flatMap { $0.text == nil && $0.attributes.isEmpty ? nil : $0 } ?? Node(name, text: fallback)
        }
        var children: [Node] = [Node("mms_id", text: mmsID), given("record_format", "marc21")]
        if let linked = incoming.child("linked_record_id"), linked.text?.isEmpty == false { children.append(linked) }
        children += BibFields.lifted(from: record)
        children += [
            Node("created_by", text: created?.by ?? user),
            Node("created_date", text: created?.date ?? stamp.date),
            Node("last_modified_by", text: user),
            Node("last_modified_date", text: stamp.date),
            given("suppress_from_publishing", "false"),
            given("suppress_from_external_search", "false"),
            given("sync_with_oclc", "NONE"),
            // Shown by Alma on every bib since it supports Libraries Australia (31 of the 32
            // pulibrary-bibdata bib recordings); Lectern syncs with no union catalogue.
            given("sync_with_libraries_australia", "NONE"),
            given("originating_system", "LECTERN"),
            given("originating_system_id", sourceID ?? mmsID),
        ]
        if let level = incoming.child("cataloging_level") { children.append(level) }
        if let level = incoming.child("brief_level") { children.append(level) }
        children.append(record.node)
        let known = Set(children.map(\.name)).union(systemOwned)
        children += incoming.children.filter { !known.contains($0.name) }
        return AlmaShapes.bib.normalized(Node("bib", children: children))
    }
}
