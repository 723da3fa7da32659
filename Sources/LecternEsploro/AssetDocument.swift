import Foundation
import LecternCore
import LecternDiscovery
import LecternRepresentation
import LecternStore

/// How an asset is stored: its record as JSON text, plus what the assets API filters on, lifted
/// from it on every write (DOI as a unique key; creators, organizations, dates as fields).
enum AssetDocument {
    /// `status` is the deposit status: `draft` or `approved`.
    static func make(id: String, record: AssetRecord, status: String, modified: Date) -> Document {
        var keys: [Document.Key] = []
        if let doi = record.text("identifier.doi") { keys.append(Document.Key(type: "doi", value: doi.lowercased())) }
        let creators = people(record, "creators") + people(record, "contributors")
        let organizations = strings(record["asset.affiliation"]) + (objects(record["creators"]).flatMap { strings($0["affiliation"]) })
        let embargoes = objects(record["files"]).compactMap { $0.text("file.embargo_expiry_date") }.sorted()
        var fields = [
            "modified": Self.day(modified), "open_access": record.text("openaccess")?.lowercased() ?? "no", "deposit_status": status,
        ]
        if let embargo = embargoes.first { fields["embargo"] = embargo }
        return Document(
            kind: .asset,
            id: id,
            body: Node("asset", text: String(decoding: record.json.rendered(), as: UTF8.self)),
            keys: keys,
            terms: ["creator": creators.joined(separator: " "), "organization": organizations.joined(separator: " ")],
            fields: fields
        )
    }

    /// The stored record, as written.
    static func record(_ document: Document) throws -> AssetRecord {
        guard case .object(let entries) = try JSONValue.parse(Array((document.body.text ?? "").utf8)) else {
            throw APIError.assetsGeneralError("Asset \(document.id) is unreadable.")
        }
        return AssetRecord(entries)
    }

    /// The record as the API answers it: what was written, plus what Lectern derives.
    static func answer(_ document: Document) throws -> JSONValue {
        var record = try record(document)
        let type = record.text("resourcetype.esploro") ?? ""
        record["resourceTypeEsploroWithDesc"] = describe(type, AssetTypes.descriptions[type])
        let status = document.fields["deposit_status"] ?? "approved"
        record["depositStatusWithDesc"] = describe(status, status == "draft" ? "Draft" : "Approved")
        record["originalRepository"] = .object([JSONEntry("assetId", .string(document.id))])
        return record.json
    }

    static func day(_ date: Date) -> String {
        String(ISO8601DateFormatter().string(from: date).prefix(10))
    }

    private static func describe(_ value: String, _ desc: String?) -> JSONValue {
        .object([JSONEntry("value", .string(value)), JSONEntry("desc", desc.map(JSONValue.string) ?? .null)])
    }

    private static func people(_ record: AssetRecord, _ key: String) -> [String] {
        objects(record[key]).flatMap { person in ["user.primaryId", "almaUserId"].compactMap { person.text($0) } }
    }

    static func objects(_ value: JSONValue?) -> [AssetRecord] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap { if case .object(let entries) = $0 { AssetRecord(entries) } else { nil } }
    }

    static func strings(_ value: JSONValue?) -> [String] {
        switch value {
        case .array(let items)?: items.compactMap(\.scalarText)
        case let value?: value.scalarText.map { [$0] } ?? []
        case nil: []
        }
    }
}
