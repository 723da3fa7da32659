import LecternDiscovery
import LecternPeople
public import LecternRepresentation
public import LecternStore

/// How Alma objects become stored documents: ids, parents and lifted fields in one place, for
/// the handlers and for whoever loads data (the demo institution, imports).
public enum AlmaDocuments {
    /// A library, by its `code`.
    public static func library(_ library: Node) -> Document {
        Document(kind: .library, id: library.value("code") ?? "", body: AlmaShapes.library.normalized(library))
    }

    /// A location of `library`, stored as `LIB/CODE`.
    public static func location(_ location: Node, library: String) -> Document {
        Document(
            kind: .location,
            id: "\(library)/\(location.value("code") ?? "")",
            parent: library,
            body: AlmaShapes.location.normalized(location)
        )
    }

    /// A circulation desk of `library`, stored as `LIB/CODE`.
    public static func circDesk(_ desk: Node, library: String) -> Document {
        Document(kind: .circDesk, id: "\(library)/\(desk.value("code") ?? "")", parent: library, body: AlmaShapes.circDesk.normalized(desk))
    }

    /// A department, by its `code`.
    public static func department(_ department: Node) -> Document {
        Document(kind: .department, id: department.value("code") ?? "", body: AlmaShapes.department.normalized(department))
    }

    /// A code table from its rows (code, description), by name.
    public static func codeTable(_ name: String, description: String, rows: [(String, String)]) -> Document {
        let rowNodes = rows.enumerated().map { index, row in
            Node(
                "row",
                children: [
                    Node("code", text: row.0), Node("description", text: row.1), Node("default", text: index == 0 ? "true" : "false"),
                    Node("enabled", text: "true"),
                ]
            )
        }
        let body = Node(
            "code_table",
            children: [Node("name", text: name), Node("description", text: description), Node("rows", children: rowNodes)]
        )
        return Document(kind: .codeTable, id: name, body: body)
    }
}
