import Foundation

/// The recorded responses copied into this test target (data only; provenance in
/// shared/reference/exlibris/SOURCES.md).
enum Recorded {
    static func json(_ path: String) throws -> [String: Any] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Recorded/\(path)")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }
}
