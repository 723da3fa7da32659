public import LecternRepresentation

/// A code table (`GET /almaws/v1/conf/code-tables/{codeTableName}` and Esploro's
/// `/esploro/v1/researchconf/code-tables/{codeTableName}`, `rest_code_table.xsd`, not
/// vendored): `<code_table><name/><sub_system desc=""/><patron_facing/><language desc=""/>
/// <scope><library_id desc=""/><institution_id desc=""/></scope><description/>
/// <rows><row><code/><description/><default/><enabled/></row></rows></code_table>`;
/// JSON `{"name":…,"row":[{"code":…,"description":…,"default":false,"enabled":true}]}`.
extension PeopleShapes {
    /// A code table and its rows.
    public static let codeTable: Shape = .object([
        .text("name"),
        .code("sub_system"),
        .boolean("patron_facing"),
        .code("language"),
        Shape.Member("scope", .object([.code("library_id"), .code("institution_id")])),
        .text("description"),
        .list(
            "rows",
            item: "row",
            of: .object([.text("code"), .text("description"), .boolean("default"), .boolean("enabled")])
        ),
    ])
}
