/// The JSON of the shapes of JSON-only APIs: ``Shape/open(_:others:othersRepeat:)`` objects and
/// values kept as written (``Shape/any``).
extension JSONCodec {
    /// A value in the node form of ``Node/init(json:named:)``. A number or boolean whose text is
    /// not one (a stored document edited by hand) is written as a string.
    static func any(_ node: Node, _ out: inout ByteBuffer) {
        switch node.attribute("type") {
        case "null":
            raw("null", &out)
        case "number" where isNumber(node.text ?? ""), "boolean" where node.text == "true" || node.text == "false":
            out.append(node.text ?? "")
        case "array":
            out.append(UInt8(ascii: "["))
            for index in node.children.indices {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                any(node.children[index], &out)
            }
            out.append(UInt8(ascii: "]"))
        case "object":
            out.append(UInt8(ascii: "{"))
            var first = true
            for child in node.children {
                comma(&first, &out)
                key(child.jsonKey, &out)
                any(child, &out)
            }
            out.append(UInt8(ascii: "}"))
        default:
            string(node.text ?? "", &out)
        }
    }

    /// An object whose members keep the node's order; see ``Shape/open(_:others:othersRepeat:)``.
    static func open(_ node: Node, _ members: [Shape.Member], others: Shape, othersRepeat: Bool, _ out: inout ByteBuffer) {
        out.append(UInt8(ascii: "{"))
        var first = true
        var keptAsWritten = false
        if case .any = others, !othersRepeat { keptAsWritten = true }
        for group in groups(node.children, members, keptAsWritten: keptAsWritten) {
            let member = group.member.map { members[$0] }
            let shape = member?.shape ?? others
            let repeats = member?.repeats ?? othersRepeat
            comma(&first, &out)
            key(node.children[group.children[0]].jsonKey, &out)
            if repeats || group.children.count > 1 {
                out.append(UInt8(ascii: "["))
                for (offset, index) in group.children.enumerated() {
                    if offset > 0 { out.append(UInt8(ascii: ",")) }
                    value(node.children[index], shape, &out)
                }
                out.append(UInt8(ascii: "]"))
            } else {
                value(node.children[group.children[0]], shape, &out)
            }
        }
        out.append(UInt8(ascii: "}"))
    }

    /// The members of an open object in order of first appearance: the children of each (by
    /// index) and the position of the declared member that names them. With `keptAsWritten`, an
    /// undeclared child is a member of its own, so duplicate keys stay as they were written.
    private static func groups(
        _ children: [Node],
        _ members: [Shape.Member],
        keptAsWritten: Bool
    ) -> [(member: Int?, children: [Int])] {
        var groups: [(member: Int?, children: [Int])] = []
        var positions: [String: Int] = [:]
        for (index, child) in children.enumerated() {
            let declared = child.attribute("key") == nil ? members.firstIndex { !$0.isAttribute && $0.name == child.name } : nil
            if declared == nil, keptAsWritten {
                groups.append((nil, [index]))
            } else if let group = positions[child.name] {
                groups[group].children.append(index)
            } else {
                positions[child.name] = groups.count
                groups.append((declared, [index]))
            }
        }
        return groups
    }
}
