public import LecternCore
import LecternRepresentation
public import LecternStore

/// Where the documentation pages find their examples: one object of each kind in the data of a
/// tenant (the demo institution's sandbox), shown in XML and in JSON.
public struct DocumentationExamples: Sendable {
    let store: any Store
    let tenant: Tenant

    /// Examples from `tenant`'s data in `store`.
    public init(store: any Store, tenant: Tenant) {
        self.store = store
        self.tenant = tenant
    }

    /// An example of `object` (not of a list), or `nil` when the data has none.
    func example(of object: DocumentedObject) async -> (xml: String, json: String)? {
        guard object.listItem == nil, let kind = object.exampleKind else { return nil }
        let query = DocumentQuery(kind: Kind(rawValue: kind), limit: 1)
        guard let document = try? await store.read(in: tenant, { try await $0.find(query) }).items.first else { return nil }
        let node = object.shape.normalized(document.body)
        return (
            ConsoleResultModel.pretty(XMLCodec.render(node), contentType: "application/xml"),
            ConsoleResultModel.pretty(JSONCodec.render(node, as: object.shape), contentType: "application/json")
        )
    }
}
