import Foundation

/// Checks a JSON value (read by `JSONSerialization`) against a schema of an OpenAPI document
/// (also read by `JSONSerialization`): `type`, `properties`, `items`, `nullable`,
/// `additionalProperties`, `$ref`. Stricter than OpenAPI on one point: an object without
/// `additionalProperties` may hold only the properties its schema lists, so that a member the
/// answer has and the document leaves out is found.
struct SchemaCheck {
    let document: [String: Any]

    /// The places where `value` breaks `schema`, as `path: what`; empty when it conforms.
    func problems(_ value: Any, _ schema: [String: Any], at path: String = "$") -> [String] {
        if let reference = schema["$ref"] as? String {
            guard let name = reference.split(separator: "/").last,
                let resolved = ((document["components"] as? [String: Any])?["schemas"] as? [String: Any])?[String(name)] as? [String: Any]
            else { return ["\(path): unresolved \(reference)"] }
            return problems(value, resolved, at: path)
        }
        if value is NSNull { return schema["nullable"] as? Bool == true || schema["type"] == nil ? [] : ["\(path): null"] }
        switch schema["type"] as? String {
        case "string":
            return value is String ? [] : ["\(path): not a string"]
        case "number", "integer":
            return value is NSNumber && !Self.isBoolean(value) ? [] : ["\(path): not a number"]
        case "boolean":
            return Self.isBoolean(value) ? [] : ["\(path): not a boolean"]
        case "array":
            guard let items = value as? [Any] else { return ["\(path): not an array"] }
            let itemSchema = schema["items"] as? [String: Any] ?? [:]
            return items.enumerated().flatMap { problems($1, itemSchema, at: "\(path)[\($0)]") }
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): not an object"] }
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            let others = schema["additionalProperties"] as? [String: Any]
            return object.sorted { $0.key < $1.key }.flatMap { key, member -> [String] in
                if let property = properties[key] { return problems(member, property, at: "\(path).\(key)") }
                if let others { return problems(member, others, at: "\(path).\(key)") }
                return ["\(path).\(key): not in the schema"]
            }
        default:
            return []
        }
    }

    /// `JSONSerialization` reads `true` as an `NSNumber` too; its type encoding tells them apart.
    private static func isBoolean(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }
}
