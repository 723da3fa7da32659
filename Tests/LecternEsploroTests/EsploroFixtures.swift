import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// What the Esploro tests share: request headers, the recorded asset, small readers.
enum EsploroFixtures {
    static let json: HTTPFields = [.accept: "application/json"]
    static let jsonBody: HTTPFields = [.accept: "application/json", .contentType: "application/json"]
    static let xmlBody: HTTPFields = [.contentType: "application/xml"]

    /// The recorded asset answer (samples/esploro/returned.json), whose indentation has
    /// no-break spaces that JSON does not allow: they are read as spaces.
    static func recordedAsset() throws -> [String: Any] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Recorded/returned.json")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\u{00A0}", with: " ")
        let body = try Wire.json(Array(text.utf8))
        return try #require((body["records"] as? [[String: Any]])?.first)
    }

    /// The first error code of a JSON error body.
    static func errorCode(_ answer: Answer) throws -> String? {
        try Wire.jsonErrorCodes(answer.body).first
    }

    static func records(_ answer: Answer) throws -> [[String: Any]] {
        try #require(try Wire.json(answer.body)["records"] as? [[String: Any]])
    }

    static func total(_ answer: Answer) throws -> Int? {
        try Wire.json(answer.body)["totalRecordCount"] as? Int
    }

    static func serialized(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
}
