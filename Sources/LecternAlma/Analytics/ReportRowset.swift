import LecternRepresentation

/// The rowset XML of a report page, as Alma Analytics writes it: `QueryResult` with the
/// resumption token (first page only), `IsFinished`, and `ResultXml` holding a `rowset` whose
/// first page starts with the `xsd:schema` of its rows. `Column0` is always `0`.
enum ReportRowset {
    static let rowsetNamespace = "urn:schemas-microsoft-com:xml-analysis:rowset"

    /// One page's `QueryResult`; `columns` on the first page only (the schema comes once).
    static func queryResult(token: String?, finished: Bool, columns: [ReportColumn]?, headings: Bool, rows: [Node]) -> Node {
        var children: [Node] = []
        if let token { children.append(Node("ResumptionToken", text: token)) }
        children.append(Node("IsFinished", text: finished ? "true" : "false"))
        let schema = columns.map { [self.schema($0, headings: headings)] } ?? []
        let rowset = Node("rowset", attributes: [.init("xmlns", rowsetNamespace)], children: schema + rows)
        children.append(Node("ResultXml", children: [rowset]))
        return Node("QueryResult", children: children)
    }

    /// A row: `Column0`, then a `ColumnN` for each value present (absent values have no element).
    static func row(_ values: [String?]) -> Node {
        var columns = [Node("Column0", text: "0")]
        for (index, value) in values.enumerated() {
            if let value { columns.append(Node("Column\(index + 1)", text: value)) }
        }
        return Node("Row", children: columns)
    }

    /// The schema of the rows; without `headings` (`col_names=false`), as recorded then: no
    /// column or table headings and `s_N` display formulas.
    static func schema(_ columns: [ReportColumn], headings: Bool) -> Node {
        let zero = ReportColumn(table: "", heading: "0", type: .integer, value: nil, measure: nil)
        let elements = ([zero] + columns).enumerated().map { index, column in
            var attributes: [Node.Attribute] = [.init("maxOccurs", "1"), .init("minOccurs", "0"), .init("name", "Column\(index)")]
            if headings {
                attributes += [
                    .init("saw-sql:columnHeading", column.heading), .init("saw-sql:displayFormula", "saw_\(index)"),
                    .init("saw-sql:tableHeading", column.table),
                ]
            } else {
                attributes.append(.init("saw-sql:displayFormula", "s_\(index)"))
            }
            attributes += [.init("saw-sql:type", column.type.rawValue), .init("type", column.type.schemaType)]
            return Node("xsd:element", attributes: attributes)
        }
        let sequence = Node("xsd:sequence", children: elements)
        return Node(
            "xsd:schema",
            attributes: [
                .init("xmlns:xsd", "http://www.w3.org/2001/XMLSchema"), .init("xmlns:saw-sql", "urn:saw-sql"),
                .init("targetNamespace", rowsetNamespace),
            ],
            children: [Node("xsd:complexType", attributes: [.init("name", "Row")], children: [sequence])]
        )
    }
}
