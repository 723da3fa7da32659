import LecternRepresentation

/// One member of an object, as the documentation pages list it: where it is in the JSON and in
/// the XML form, what it holds, and what it is (with a note such as `null when absent`).
struct MemberRow: Sendable {
    var json: String
    var xml: String
    var type: String
    var description: String

    /// The rows of `shape`, each described by what `descriptions` (by XML path) says of it.
    static func rows(_ shape: Shape, descriptions: [String: String]) -> [MemberRow] {
        rows(shape).map { row in
            var row = row
            row.description = [descriptions[row.xml], row.description].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return row
        }
    }

    /// Every member of `shape`, depth first, in the shape's order; `json` and `xml` are the paths
    /// of the object itself (empty at its root).
    static func rows(_ shape: Shape, json: String = "", xml: String = "") -> [MemberRow] {
        switch shape {
        case .object(let members):
            return members.flatMap { rows(of: $0, json: json, xml: xml) }
        case .open(let members, let others, let othersRepeat):
            let other = MemberRow(
                json: join(json, "*"),
                xml: element(xml, "*"),
                type: othersRepeat ? "array of \(typeName(others))" : typeName(others),
                description: "any other member, in the order written"
            )
            return members.flatMap { rows(of: $0, json: json, xml: xml) } + [other]
        case .list(let item, let itemShape):
            return rows(itemShape, json: json + "[]", xml: element(xml, item))
        case .text, .number, .boolean, .code, .valued, .anies, .any:
            return []
        }
    }

    private static func rows(of member: Shape.Member, json: String, xml: String) -> [MemberRow] {
        let xmlPath = element(xml, member.isAttribute ? "@\(member.name)" : member.name)
        switch member.shape {
        case .list(let item, let itemShape) where !member.isAttribute:
            let path = join(json, item)
            let itemXML = element(element(xml, member.name), item)
            let row = MemberRow(json: path, xml: itemXML, type: "array of \(typeName(itemShape))", description: "")
            return [row] + rows(itemShape, json: path + "[]", xml: itemXML)
        case .anies:
            return [MemberRow(json: join(json, "anies"), xml: xmlPath, type: "array of one string", description: "the XML element, as a string")]
        default:
            let path = join(json, member.name)
            let row = MemberRow(
                json: path,
                xml: xmlPath,
                type: member.repeats ? "array of \(typeName(member.shape))" : typeName(member.shape),
                description: member.nullWhenAbsent ? (member.repeats ? "[] when absent" : "null when absent") : ""
            )
            return [row] + rows(member.shape, json: member.repeats ? path + "[]" : path, xml: xmlPath)
        }
    }

    /// What a member of `shape` holds, in words.
    static func typeName(_ shape: Shape) -> String {
        switch shape {
        case .text: "string"
        case .number: "number"
        case .boolean: "boolean"
        case .code: "code: {value, desc}"
        case .valued(let inner): "{value: \(typeName(inner)), attributes}"
        case .object: "object"
        case .open: "object"
        case .list(_, let item): "array of \(typeName(item))"
        case .anies: "array of one XML string"
        case .any: "any JSON value"
        }
    }

    private static func join(_ path: String, _ name: String) -> String {
        path.isEmpty ? name : "\(path).\(name)"
    }

    private static func element(_ path: String, _ name: String) -> String {
        path.isEmpty ? name : "\(path)/\(name)"
    }
}
