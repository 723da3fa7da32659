import Foundation
import LecternCore
import LecternDiscovery
import LecternRepresentation
import LecternStore

/// How an asset is stored: its record as a document in the node form of ``AssetShapes/written``,
/// plus what the assets API filters on, lifted from it on every write (DOI as a unique key;
/// creators, organizations, dates as fields).
enum AssetDocument {
    /// `status` is the deposit status: `draft` or `approved`.
    static func make(id: String, record: AssetRecord, status: String, modified: Date) throws -> Document {
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
            body: try body(record),
            keys: keys,
            terms: ["creator": creators.joined(separator: " "), "organization": organizations.joined(separator: " ")],
            fields: fields
        )
    }

    /// The record's stored form; refused when a document could not keep it.
    static func body(_ record: AssetRecord) throws -> Node {
        let body: Node
        do { body = try JSONCodec.node(record.json, root: "asset", as: AssetShapes.written) } catch {
            throw APIError.invalidAsset(error.message)
        }
        if let (path, reason) = body.firstUnstorableValue() { throw APIError.invalidAsset("The value of \(path) \(reason).") }
        return body
    }

    /// The stored record, as written. A body stored before assets were documents holds the
    /// record's JSON as its text.
    static func record(_ document: Document) throws -> AssetRecord {
        let json = document.body.children.isEmpty ? Array((document.body.text ?? "").utf8) : JSONCodec.render(document.body, as: AssetShapes.written)
        guard case .object(let entries)? = try? JSONValue.parse(json) else {
            throw APIError.assetsGeneralError("Asset \(document.id) is unreadable.")
        }
        return AssetRecord(entries)
    }

    /// The record as the API answers it: what was written, plus what Lectern derives.
    static func answer(_ document: Document) throws -> Node {
        var answer = document.body.children.isEmpty ? try body(record(document)) : document.body
        answer.name = "records"
        let type = (answer.child("resourcetype.esploro")?.text ?? "").trimmingCharacters(in: .whitespaces)
        answer.setChild(Node("resourceTypeEsploroWithDesc", attributes: AssetTypes.descriptions[type].map { [.init("desc", $0)] } ?? [], text: type))
        let status = document.fields["deposit_status"] ?? "approved"
        answer.setChild(Node("depositStatusWithDesc", attributes: [.init("desc", status == "draft" ? "Draft" : "Approved")], text: status))
        answer.setChild(Node("originalRepository", children: [Node("assetId", text: document.id)]))
        return answer
    }

    static func day(_ date: Date) -> String {
        String(ISO8601DateFormatter().string(from: date).prefix(10))
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
