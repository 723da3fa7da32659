public import LecternRepresentation

extension PNXRecord {
    /// The record as the `pnx` object of a Primo VE answer, to be written in ``shape``: each
    /// section an element, each value of a field one child named after the field.
    public var node: Node {
        var pnx = Node("pnx")
        pnx.children.reserveCapacity(8)
        for (name, section) in sections {
            var element = Node(name)
            element.children.reserveCapacity(section.fields.count)
            for field in section.fields {
                for value in field.values { element.children.append(Node(field.name, text: value)) }
            }
            pnx.children.append(element)
        }
        return pnx
    }

    /// The `pnx` object's JSON: each section an object (`{}` when empty), each field an array
    /// of strings in the order added. One exception, as recorded: `control.sourceid` is a bare
    /// string (`"sourceid":"alma"`, PRIMO.md §3, the KB VE record).
    public static let shape: Shape = .object(
        sectionNames.map { name in
            Shape.Member(name, .open(name == "control" ? [.text("sourceid")] : [], others: .text, othersRepeat: true))
        }
    )
}
