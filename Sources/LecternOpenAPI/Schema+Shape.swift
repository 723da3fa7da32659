import LecternCore
import LecternRepresentation

extension OpenAPIDocument.Schema {
    /// The schema of the JSON form of an object of `shape` (WIRE.md section 3): code fields are
    /// `{value, desc}`, a list wrapper is an array named after its item, attributes are
    /// properties, repeated elements are arrays, a value kept as written may be anything.
    convenience init(json shape: Shape, nullable: Bool = false, description: String? = nil, xml: String? = nil) {
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
            self.init(type: "object", properties: Self.properties(members), nullable: nullable, xml: xml, description: description)
        case .list(_, let item):
            self.init(type: "array", items: Self(json: item), nullable: nullable, description: description)
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
                properties: Self.properties(members),
                nullable: nullable,
                xml: xml,
                additionalProperties: othersRepeat ? Self(type: "array", items: other) : other,
                description: description
            )
        }
    }

    /// The JSON properties of an object's members.
    private static func properties(_ members: [Shape.Member]) -> [String: OpenAPIDocument.Schema] {
        var properties: [String: OpenAPIDocument.Schema] = [:]
        for member in members {
            switch member.shape {
            case .list(let item, let itemShape) where !member.isAttribute:
                properties[item] = Self(type: "array", items: Self(json: itemShape), nullable: member.nullWhenAbsent ? true : nil)
            case .anies:
                properties["anies"] = Self(json: .anies)
            default:
                properties[member.name] =
                    member.repeats
                    ? Self(type: "array", items: Self(json: member.shape))
                    : Self(json: member.shape, nullable: member.nullWhenAbsent)
            }
        }
        return properties
    }
}
