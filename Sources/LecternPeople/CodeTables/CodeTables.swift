public import LecternRepresentation
public import LecternStore

/// Code tables as a lookup: code -> description, read from the tenant's `code_table` documents.
/// A user's code fields and the catalogue's items and holdings are checked and described with them.
public struct CodeTables: Sendable {
    private var tables: [String: [String: String]] = [:]

    /// No tables.
    public init() {}

    /// Loads the named tables through `reader`.
    public static func load(_ names: some Sequence<String>, from reader: any StoreReader) async throws -> CodeTables {
        var lookup = CodeTables()
        for name in Set(names) {
            guard let table = try await reader.document(.codeTable, id: name) else { continue }
            var rows: [String: String] = [:]
            for row in table.body.child("rows")?.children(named: "row") ?? [] {
                if let code = row.value("code") { rows[code] = row.value("description") ?? "" }
            }
            lookup.tables[name] = rows
        }
        return lookup
    }

    /// These tables, and for each table of `defaults` the store did not have, its default rows:
    /// a database made before a table was standard still reads it.
    public func withDefaults(_ defaults: [String: [(code: String, description: String)]]) -> CodeTables {
        var lookup = self
        for (name, rows) in defaults where lookup.tables[name] == nil && !rows.isEmpty {
            lookup.tables[name] = Dictionary(rows.map { ($0.code, $0.description) }) { first, _ in first }
        }
        return lookup
    }

    /// The description of `code` in `table`, or `nil` when the table or the code is unknown.
    public func description(of code: String, in table: String) -> String? {
        tables[table]?[code]
    }

    /// Whether `table` was found and holds `code`.
    public func contains(_ code: String, in table: String) -> Bool {
        description(of: code, in: table) != nil
    }
}

extension CodeTables {
    /// Sets the `desc` attribute of every code field of `node` (as `shape` says) whose code table
    /// `tablesByField` names: a client sends codes, Alma answers with their descriptions.
    public func describe(_ node: inout Node, as shape: Shape, tablesByField: [String: String]) {
        Self.forEachCode(in: &node, as: shape, tablesByField: tablesByField) { field, table in
            if let code = field.text, !code.isEmpty, let description = description(of: code, in: table) {
                field.setAttribute("desc", description)
            }
        }
    }

    /// The first code field of `node` whose code table is loaded but holds no such code, as
    /// the field's name and the code: Alma refuses a value that is not in its table.
    public func firstUnknownCode(in node: Node, as shape: Shape, tablesByField: [String: String]) -> (field: String, code: String)? {
        var node = node
        var unknown: (field: String, code: String)?
        Self.forEachCode(in: &node, as: shape, tablesByField: tablesByField) { field, table in
            guard unknown == nil, let code = field.text, !code.isEmpty, tables[table] != nil, !contains(code, in: table) else { return }
            unknown = (field.name, code)
        }
        return unknown
    }

    /// Calls `body` with every code field of `node` that `tablesByField` gives a table.
    private static func forEachCode(
        in node: inout Node,
        as shape: Shape,
        tablesByField: [String: String],
        _ body: (inout Node, String) -> Void
    ) {
        let members = Shape.MemberIndex(shape)
        for index in node.children.indices {
            guard let member = members.member(node.children[index].name) else { continue }
            visit(&node.children[index], as: member.shape, table: tablesByField[member.name], tablesByField: tablesByField, body)
        }
    }

    private static func visit(
        _ node: inout Node,
        as shape: Shape,
        table: String?,
        tablesByField: [String: String],
        _ body: (inout Node, String) -> Void
    ) {
        switch shape {
        case .code:
            if let table { body(&node, table) }
        case .object:
            forEachCode(in: &node, as: shape, tablesByField: tablesByField, body)
        case .list(let item, let itemShape):
            for index in node.children.indices where node.children[index].name == item {
                visit(&node.children[index], as: itemShape, table: tablesByField[item], tablesByField: tablesByField, body)
            }
        default:
            break
        }
    }
}
