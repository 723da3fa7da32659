import Foundation
public import LecternCore
import LecternDiscovery
import LecternRepresentation
public import LecternStore

/// The kinds of documents Esploro keeps (ESPLORO.md, WIRE.md section 7); its areas are
/// ``ResearchersArea`` and ``AssetsArea``.
extension Kind {
    /// An internal research organization (a faculty, a department, a centre), by code.
    public static let organization = Kind(rawValue: "organization")
}

/// How Esploro objects are stored, for the API and for whoever loads data (the demo institution).
public enum EsploroDocuments {
    /// Writes the asset `id` and its discovery entry, with the asset's published record (its MARC
    /// form, ``AssetMARC``); none for a draft: Primo shows approved assets.
    public static func put(_ record: AssetRecord, id: String, draft: Bool, institution: String, into tx: any StoreWriter) async throws {
        try await tx.put(AssetDocument.make(id: id, record: record, status: draft ? "draft" : "approved", modified: Date()))
        let entry = draft ? nil : PublishedRecord(record: AssetMARC.record(record, id: id)).entry(id: id, institution: institution)
        try await tx.setDiscovery(entry, for: .asset, id: id)
    }

    /// A research organization; `parent` is the code of the organization it belongs to.
    public static func organization(code: String, name: String, type: (code: String, desc: String), parent: String?) -> Document {
        let body = Node(
            "organization",
            children: [
                Node("code", text: code), Node("name", text: name), Node("type", attributes: [.init("desc", type.desc)], text: type.code),
                Node("parent_code", text: parent ?? ""), Node("status", text: "ACTIVE"),
            ]
        )
        return Document(kind: .organization, id: code, body: body, fields: ["code": code])
    }
}
