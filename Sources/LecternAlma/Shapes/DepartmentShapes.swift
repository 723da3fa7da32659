public import LecternRepresentation

/// Departments (`GET /almaws/v1/conf/departments`, `rest_departments.xsd`, not vendored):
/// `<departments total_record_count=""><department><code/><name/><type desc=""/>
/// <owner desc=""/><work_days/><printer/><served_libraries><library desc=""/></served_libraries>
/// <operators/></department>`. Wrappers follow WIRE.md 3.3 (dropped in JSON); not recorded.
extension AlmaShapes {
    /// A department.
    public static let department: Shape = .object([
        .text("code"),
        .text("name"),
        .code("type"),
        .code("owner"),
        .text("work_days"),
        .code("printer"),
        .list("served_libraries", item: "library", of: .code),
        .list(
            "operators",
            item: "operator",
            of: .object([.text("primary_id"), .text("first_name"), .text("last_name")])
        ),
    ])

    /// The departments list: `{"department":[…],"total_record_count":N}`.
    public static let departments: Shape = .listRoot(item: "department", of: department)
}
