public import Foundation

/// The two forms of a MARC file that Lectern reads and writes.
public enum MARCFileFormat: String, Sendable, Hashable, CaseIterable {
    /// MARCXML: a `<collection>` of `<record>` elements, or records in any envelope.
    case xml
    /// ISO 2709 (`.mrc`): records one after another, each starting with its length in five digits.
    case iso2709

    /// The format `data` is read in: `declared` when there is one, else by the first byte that
    /// is not white space (`<` is MARCXML), after a UTF-8 byte order mark; a UTF-16 or UTF-32
    /// byte order mark is MARCXML too.
    ///
    /// A file declared or recognized as ISO 2709 must start like an ISO 2709 record (or be empty).
    ///
    /// - throws: ``UnrecognizedMARCFile`` when the data is neither MARCXML nor ISO 2709.
    public static func of(_ data: Data, declared: MARCFileFormat? = nil) throws(UnrecognizedMARCFile) -> MARCFileFormat {
        if declared == .xml { return .xml }
        var bytes = data.drop { [0x20, 0x09, 0x0A, 0x0D, 0x00, 0x1A].contains($0) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if declared == nil, bytes.first == UInt8(ascii: "<") { return .xml }
        // UTF-16 or UTF-32 XML with a byte order mark (without one, its NUL bytes were skipped).
        if declared == nil, bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .xml }
        let length = bytes.prefix(5)
        guard bytes.isEmpty || (length.count == 5 && length.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }) else {
            throw UnrecognizedMARCFile(start: bytes.prefix(16))
        }
        return .iso2709
    }
}

/// A file that is neither MARCXML nor ISO 2709.
public struct UnrecognizedMARCFile: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's first bytes (after white space), printable ASCII kept and the rest shown as `.`.
    public var start: String

    /// Records the first bytes of a file that was not recognized.
    public init(start bytes: some Sequence<UInt8>) {
        start = String(decoding: Array(bytes), as: UTF8.self).unicodeScalars
            .map { $0.value >= 0x20 && $0.value < 0x7F ? String($0) : "." }.joined()
    }

    /// `neither MARCXML nor ISO 2709 (it starts with "hello, this is n")`: what the file is not,
    /// to follow its name.
    public var description: String {
        "neither MARCXML nor ISO 2709 (it starts with \"\(start)\")"
    }
}
