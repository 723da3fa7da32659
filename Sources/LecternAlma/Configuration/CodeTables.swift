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
    /// Sets the `desc` attribute of every code field named in `tablesByField`, anywhere in `node`,
    /// from its code table (a client sends codes; Alma answers with their descriptions).
    func describe(_ node: inout Node, tablesByField: [String: String]) {
        if let table = tablesByField[node.name], let code = node.text, !code.isEmpty, let description = description(of: code, in: table) {
            node.setAttribute("desc", description)
        }
        for index in node.children.indices { describe(&node.children[index], tablesByField: tablesByField) }
    }
}
