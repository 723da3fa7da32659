public import LecternCore
import LecternRepresentation
public import LecternStore

extension AlmaErrorCode {
    static let codeTableNotFound = Self(rawValue: "402312")
}

/// A code table by name: the one handler behind Alma's `/almaws/v1/conf/code-tables/{codeTableName}`
/// and Esploro's `/esploro/v1/researchconf/code-tables/{codeTableName}`, which serve the same
/// tables (one institution, one set of codes).
public struct CodeTableAPI: Sendable {
    let store: any Store

    /// Creates the handler over `store`.
    public init(store: any Store) {
        self.store = store
    }

    /// The `{codeTableName}` segment.
    public static let codeTableName = RouteParameter("codeTableName", "The code table's name (UserGroups, …)")

    /// The code table the path's `codeTableName` names.
    @Sendable public func codeTable(_ call: Call) async throws -> Reply {
        let name = call.path["codeTableName"] ?? ""
        let document = try await store.read(in: call.tenant) { try await $0.document(.codeTable, id: name) }
        guard let document else { throw APIError(.codeTableNotFound, "Code table \(name) was not found.") }
        return .object(document.body, PeopleShapes.codeTable)
    }
}
