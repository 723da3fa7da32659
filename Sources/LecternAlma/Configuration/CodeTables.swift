import LecternCore
import LecternRepresentation
import LecternStore

/// Code tables as a lookup: code -> description, read from the tenant's `code_table` documents.
struct CodeTables {
    private var tables: [String: [String: String]] = [:]

    /// Loads the named tables through `reader`.
    static func load(_ names: some Sequence<String>, from reader: any StoreReader) async throws -> CodeTables {
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

    /// The description of `code` in `table`, or `nil` when the table or the code is unknown.
    func description(of code: String, in table: String) -> String? {
        tables[table]?[code]
    }

    /// Whether `table` was found and holds `code`.
    func contains(_ code: String, in table: String) -> Bool {
        description(of: code, in: table) != nil
    }
}

extension CodeTables {
    /// Sets the `desc` attribute of every code field of `node` (as `shape` says) whose code table
    /// `tablesByField` names: a client sends codes, Alma answers with their descriptions.
    func describe(_ node: inout Node, as shape: Shape, tablesByField: [String: String]) {
        let members = Shape.MemberIndex(shape)
        for index in node.children.indices {
            guard let member = members.member(node.children[index].name) else { continue }
            describe(&node.children[index], as: member.shape, table: tablesByField[member.name], tablesByField: tablesByField)
        }
    }

    private func describe(_ node: inout Node, as shape: Shape, table: String?, tablesByField: [String: String]) {
        switch shape {
        case .code:
            if let table, let code = node.text, !code.isEmpty, let description = description(of: code, in: table) {
                node.setAttribute("desc", description)
            }
        case .object:
            describe(&node, as: shape, tablesByField: tablesByField)
        case .list(let item, let itemShape):
            for index in node.children.indices where node.children[index].name == item {
                describe(&node.children[index], as: itemShape, table: tablesByField[item], tablesByField: tablesByField)
            }
        default:
            break
        }
    }
}
