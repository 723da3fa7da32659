import Foundation
import LecternRepresentation

/// The parsed JSON of a file in `Recorded/`, found next to this source file.
func recorded(_ name: String) throws -> JSONValue {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Recorded").appendingPathComponent(name)
    return try JSONValue.parse(Array(try Data(contentsOf: url)))
}

extension JSONValue {
    /// The value of `key` in an object.
    subscript(key: String) -> JSONValue? {
        guard case .object(let entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// An object's keys, in order; empty for anything else.
    var keys: [String] {
        guard case .object(let entries) = self else { return [] }
        return entries.map(\.key)
    }

    /// An array's elements; empty for anything else.
    var elements: [JSONValue] {
        guard case .array(let values) = self else { return [] }
        return values
    }
}

/// The `pnx` objects of a recorded answer: every `docs[].pnx`, or the single record's `pnx`.
func recordedPNXs(_ name: String) throws -> [JSONValue] {
    let body = try recorded(name)
    if let docs = body["docs"] { return docs.elements.compactMap { $0["pnx"] } }
    return body["pnx"].map { [$0] } ?? []
}
