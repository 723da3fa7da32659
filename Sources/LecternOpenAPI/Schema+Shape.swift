import LecternCore
import LecternRepresentation

extension OpenAPIDocument.Schema {
    /// The schema of the JSON form of an object of `shape` (WIRE.md section 3): code fields are
    /// `{value, desc}`, a list wrapper is an array named after its item, attributes are
    /// properties, repeated elements are arrays, a value kept as written may be anything.
    /// `descriptions` says what members are by their XML path below the root (`path` is this
    /// value's, empty at the root).
    convenience init(
        json shape: Shape,
        nullable: Bool = false,
        description: String? = nil,
        xml: String? = nil,
        descriptions: [String: String] = [:],
        path: String = ""
    ) {
        let nullable: Bool? = nullable ? true : nil
        switch shape {
        case .text:
            self.init(type: "string", nullable: nullable, description: description)
        case .number:
            self.init(type: "number", nullable: nullable, description: description)
        case .boolean:
            self.init(type: "boolean", nullable: nullable, description: description)
        case .code:
            self.init(
                type: "object",
                properties: ["value": Self(type: "string", nullable: true), "desc": Self(type: "string", nullable: true)],
                nullable: nullable,
                description: description ?? "A code and its description in the code table"
            )
        case .valued(let inner):
            self.init(
                type: "object",
                properties: ["value": Self(json: inner, nullable: true)],
                nullable: nullable,
                additionalProperties: Self(type: "string"),
                description: description
            )
        case .object(let members):
            self.init(
                type: "object",
                properties: Self.properties(members, descriptions, path),
                nullable: nullable,
                xml: xml,
                description: description
            )
        case .list(let name, let item):
            let itemPath = path.isEmpty ? name : "\(path)/\(name)"
            self.init(
                type: "array",
                items: Self(json: item, descriptions: descriptions, path: itemPath),
                nullable: nullable,
                description: description
            )
        case .anies:
            self.init(
                type: "array",
                items: Self(type: "string", description: "The embedded XML document (a MARC record), as one string"),
                nullable: nullable,
                description: description
            )
        case .any:
            self.init(description: description ?? "Any JSON value, kept as written")
        case .open(let members, let others, let othersRepeat):
            let other = Self(json: others)
            self.init(
                type: "object",
                properties: Self.properties(members, descriptions, path),
                nullable: nullable,
                xml: xml,
                additionalProperties: othersRepeat ? Self(type: "array", items: other) : other,
                description: description
            )
        }
    }

    /// The JSON properties of an object's members; `path` is the object's XML path.
    private static func properties(_ members: [Shape.Member], _ descriptions: [String: String], _ path: String) -> [String: OpenAPIDocument.Schema] {
        var properties: [String: OpenAPIDocument.Schema] = [:]
        for member in members {
            let name = member.isAttribute ? "@\(member.name)" : member.name
            let memberPath = path.isEmpty ? name : "\(path)/\(name)"
            let description = descriptions[memberPath]
            switch member.shape {
            case .list(let item, let itemShape) where !member.isAttribute:
                let itemPath = "\(memberPath)/\(item)"
                properties[item] = Self(
                    type: "array",
                    items: Self(json: itemShape, description: descriptions[itemPath], descriptions: descriptions, path: itemPath),
                    nullable: member.nullWhenAbsent ? true : nil,
                    description: description
                )
            case .anies:
                properties["anies"] = Self(json: .anies, description: description)
            default:
                properties[member.name] =
                    member.repeats
                    ? Self(
                        type: "array",
                        items: Self(json: member.shape, descriptions: descriptions, path: memberPath),
                        description: description
                    )
                    : Self(
                        json: member.shape,
                        nullable: member.nullWhenAbsent,
                        description: description,
                        descriptions: descriptions,
                        path: memberPath
                    )
            }
        }
        return properties
    }
}
