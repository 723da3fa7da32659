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

    /// What the route answers: a code table.
    public static let object = DocumentedObject(
        "code_table",
        "A code table: its codes and descriptions",
        shape: PeopleShapes.codeTable,
        exampleKind: "code_table"
    )

    /// What the route answers for a table that does not exist.
    public static let errors = [notFound("{codeTableName}")]

    private static func notFound(_ name: String) -> APIError {
        APIError(.codeTableNotFound, "Code table \(name) was not found.")
    }

    /// The code table the path's `codeTableName` names.
    @Sendable public func codeTable(_ call: Call) async throws -> Reply {
        let name = call.path["codeTableName"] ?? ""
        let document = try await store.read(in: call.tenant) { try await $0.document(.codeTable, id: name) }
        guard let document else { throw Self.notFound(name) }
        return .object(document.body, PeopleShapes.codeTable)
    }
}
