import Foundation
import LecternTesting
import Testing

/// Recorded fixtures, read relative to this file (no SwiftPM resources).
enum Recorded {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Recorded")

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(path)))
    }
}

extension [UInt8] {
    var text: String { String(decoding: self, as: UTF8.self) }
}
