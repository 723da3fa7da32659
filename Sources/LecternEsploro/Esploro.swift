public import Foundation
public import LecternAlma
public import LecternCore
public import LecternRepresentation
public import LecternStore

/// The Esploro API family (ESPLORO.md, WIRE.md section 7): researchers (Alma users with a
/// researcher section), research assets (JSON only), and the organizations and code tables
/// that scripts resolve codes with.
public enum Esploro {
    /// Every Esploro route, over `store`.
    public static func routes(store: any Store, passwords: any PasswordHasher) -> [Route] {
        UsersAPI(store: store, passwords: passwords, population: .researchers).routes + AssetsAPI(store: store).routes
            + OrganizationsAPI(store: store).routes + ResearchConfigurationAPI(store: store).routes
    }
}

extension Kind {
    /// A research asset, by its MMS id.
    public static let asset = Kind(rawValue: "asset")
    /// An internal research organization (a faculty, a department, a centre), by code.
    public static let organization = Kind(rawValue: "organization")
}

/// How Esploro objects become stored documents, for whoever loads data (the demo institution).
public enum EsploroDocuments {
    /// An asset with its MMS id; `draft` is the deposit status.
    public static func asset(id: String, record: AssetRecord, draft: Bool = false) -> Document {
        AssetDocument.make(id: id, record: record, status: draft ? "draft" : "approved", modified: Date())
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
