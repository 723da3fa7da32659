import LecternCore
import LecternRepresentation

/// What a reading list write must hold, and the canonical reading list it becomes.
enum ReadingListRules {
    static let schema = SchemaRules([
        "code": .init(.string, maximumLength: 255),
        "name": .init(.string, maximumLength: 255),
        "due_back_date": .init(.date),
        "description": .init(.string, maximumLength: 4000),
        "order": .init(.int),
    ])

    /// The reading list to store for `incoming` as the list `id`.
    static func prepare(_ incoming: Node, id: String, codes: CourseCodes, stamp: CatalogStamp) throws -> Node {
        let code = CourseRules.text(incoming, "code")
        let name = CourseRules.text(incoming, "name")
        guard !code.isEmpty, !name.isEmpty else { throw APIError.codeAndNameMandatory("Reading list") }
        if let (path, reason) = schema.firstViolation(in: incoming) { throw CourseRules.notValid(path, reason) }
        let order = Int32(CourseRules.text(incoming, "order")) ?? 0
        guard order >= 0 else { throw CourseRules.notValid("order", "is negative") }
        var list = Node("reading_list")
        func add(_ name: String, _ value: String) { list.children.append(Node(name, text: value)) }
        add("id", id)
        add("code", code)
        add("name", name)
        let due = CourseRules.text(incoming, "due_back_date")
        if !due.isEmpty { add("due_back_date", CourseRules.day(due)) }
        let coded: [(String, String, String)] = [
            ("status", CourseCodes.listStatuses, "BeingPrepared"), ("visibility", CourseCodes.listVisibility, "RESTRICTED"),
            ("publishingStatus", CourseCodes.listPublishing, "DRAFT"),
        ]
        for (field, table, fallback) in coded {
            if let node = try codes.code(field, incoming.child(field), in: table, fallback: fallback, refusal: CourseCodes.notValid(field)) {
                list.children.append(node)
            }
        }
        add("description", CourseRules.text(incoming, "description"))
        add("order", String(order))
        add("last_modified_date", stamp.date)
        return list
    }

    /// An owner of a reading list: the user, their full name and access rights (`FULL` unless sent).
    static func owner(_ incoming: Node, user: Node, codes: CourseCodes) throws -> Node {
        let name = [user.value("first_name"), user.value("last_name")].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        let rights = try codes.code(
            "access_rights",
            incoming.child("access_rights"),
            in: CourseCodes.accessRights,
            fallback: "FULL",
            refusal: CourseCodes.notValid("access_rights")
        )
        return Node(
            "owner",
            children: [Node("primary_id", text: user.value("primary_id") ?? ""), Node("full_name", text: name)] + (rights.map { [$0] } ?? [])
        )
    }
}
