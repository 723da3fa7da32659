import Foundation
import Testing

/// An OpenAPI document read back with `JSONSerialization`, not with the Codable structs that
/// wrote it, so that a mistake in those structs cannot cancel out.
struct OpenAPIJSON {
    let root: [String: Any]

    init(_ bytes: [UInt8]) throws {
        root = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    var paths: [String: [String: Any]] {
        (root["paths"] as? [String: Any] ?? [:]).compactMapValues { $0 as? [String: Any] }
    }

    /// Every operation as `METHOD path`, with its object.
    var operations: [(key: String, path: String, operation: [String: Any])] {
        paths.flatMap { path, item in
            item.compactMap { method, value -> (key: String, path: String, operation: [String: Any])? in
                guard ["get", "post", "put", "delete"].contains(method), let operation = value as? [String: Any] else { return nil }
                return ("\(method.uppercased()) \(path)", path, operation)
            }
        }
    }

    func operation(_ method: String, _ path: String) -> [String: Any]? {
        paths[path]?[method.lowercased()] as? [String: Any]
    }

    static func parameters(_ operation: [String: Any]) -> [[String: Any]] {
        operation["parameters"] as? [[String: Any]] ?? []
    }

    static func parameter(_ name: String, in operation: [String: Any]) -> [String: Any]? {
        parameters(operation).first { $0["name"] as? String == name }
    }

    static func schema(of parameter: [String: Any]?) -> [String: Any] {
        parameter?["schema"] as? [String: Any] ?? [:]
    }

    static func requestMediaTypes(_ operation: [String: Any]) -> Set<String> {
        let body = operation["requestBody"] as? [String: Any]
        return Set((body?["content"] as? [String: Any] ?? [:]).keys)
    }

    static func responseCodes(_ operation: [String: Any]) -> Set<String> {
        Set((operation["responses"] as? [String: Any] ?? [:]).keys)
    }
}
