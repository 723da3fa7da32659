public import LecternRepresentation

// A record as the `<record>` element of a stored bib or holding: the catalogue keeps MARC in
// the object's canonical tree, so the XML and JSON (`anies`) forms come from the one engine.

extension MARCRecord {
    /// The record as a `<record>` element, shaped as MARCXML without namespace (Alma's embedding).
    public var node: Node {
        var children: [Node] = [Node("leader", text: leader)]
        children.reserveCapacity(fields.count + 1)
        for field in fields {
            switch field {
            case .control(let tag, let value):
                children.append(Node("controlfield", attributes: [.init("tag", tag)], text: value))
            case .data(let tag, let indicator1, let indicator2, let subfields):
                children.append(
                    Node(
                        "datafield",
                        attributes: [.init("ind1", String(indicator1)), .init("ind2", String(indicator2)), .init("tag", tag)],
                        children: subfields.map { Node("subfield", attributes: [.init("code", String($0.code))], text: $0.value) }
                    )
                )
            }
        }
        return Node("record", children: children)
    }

    /// Reads a `<record>` element with the structural rules of ``MARCXML``: one leader of 24
    /// characters, control fields `00X`, data fields with a three-character tag, one-character
    /// indicators (missing or empty is blank) and subfields with a one-character code.
    ///
    /// - throws: ``MARCError/Code/invalidMARCXML`` naming what is wrong.
    public init(node: Node) throws(MARCError) {
        func invalid(_ reason: String) -> MARCError { MARCError(.invalidMARCXML, reason) }
        func localName(_ name: String) -> Substring {
            name.lastIndex(of: ":").map { name[name.index(after: $0)...] } ?? Substring(name)
        }
        guard localName(node.name) == "record" else { throw invalid("expected <record>, found <\(node.name)>") }
        var leader: String?
        var fields: [Field] = []
        fields.reserveCapacity(node.children.count)
        for child in node.children {
            switch localName(child.name) {
            case "leader":
                guard leader == nil else { throw invalid("the record has more than one leader") }
                let text = child.text ?? ""
                guard text.utf8.count == 24, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
                    throw invalid("the leader must be 24 ASCII characters, found \"\(text)\"")
                }
                leader = text
            case "controlfield":
                let tag = child.attribute("tag") ?? ""
                guard tag.utf8.count == 3, tag.hasPrefix("00") else { throw invalid("a control field has the tag \"\(tag)\"") }
                fields.append(.control(tag: tag, value: child.text ?? ""))
            case "datafield":
                let tag = child.attribute("tag") ?? ""
                guard tag.count == 3, !tag.hasPrefix("00"), tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                    throw invalid("a data field has the tag \"\(tag)\"")
                }
                func indicator(_ name: String) throws(MARCError) -> Character {
                    let value = child.attribute(name) ?? ""
                    guard value.count <= 1 else { throw invalid("field \(tag) has the indicator \(name)=\"\(value)\"") }
                    return value.first ?? " "
                }
                var subfields: [Subfield] = []
                for subfield in child.children {
                    let code = subfield.attribute("code") ?? ""
                    guard localName(subfield.name) == "subfield", code.count == 1, let character = code.first, character.isASCII else {
                        throw invalid("field \(tag) has an element <\(subfield.name) code=\"\(code)\"> where a subfield belongs")
                    }
                    subfields.append(Subfield(character, subfield.text ?? ""))
                }
                fields.append(.data(tag: tag, indicator1: try indicator("ind1"), indicator2: try indicator("ind2"), subfields: subfields))
            default:
                throw invalid("a record cannot contain <\(child.name)>")
            }
        }
        guard let leader else { throw invalid("the record has no leader") }
        self.init(leader: leader, fields: fields)
    }
}
