/// Where a record sits in the file it was read from.
///
/// ``recordIndex`` counts every record the reader met, rejected ones included, from 0. An
/// ISO 2709 reader also gives the ``byteOffset`` of the record's first byte; a MARCXML reader
/// gives the ``line`` (and ``column`` for XML errors) that `XMLParser` reported.
public struct MARCPosition: Hashable, Sendable, CustomStringConvertible {
    /// The record's index in the file, from 0, counting rejected records too.
    public var recordIndex: Int?
    /// The offset of the record's first byte (ISO 2709), or of the faulty byte.
    public var byteOffset: Int?
    /// The line, from 1 (MARCXML).
    public var line: Int?
    /// The column, from 1 (MARCXML errors).
    public var column: Int?

    /// Creates a position.
    public init(recordIndex: Int? = nil, byteOffset: Int? = nil, line: Int? = nil, column: Int? = nil) {
        self.recordIndex = recordIndex
        self.byteOffset = byteOffset
        self.line = line
        self.column = column
    }

    /// For example `record 3 (byte 1024)` or `record 2 (line 40, column 7)`.
    public var description: String {
        var parts: [String] = []
        if let byteOffset { parts.append("byte \(byteOffset)") }
        if let line { parts.append("line \(line)") }
        if let column { parts.append("column \(column)") }
        let place = parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"
        if let recordIndex { return "record \(recordIndex)\(place)" }
        return parts.isEmpty ? "unknown position" : parts.joined(separator: ", ")
    }
}

/// One step of a streaming reader: a record with its position and the repairs a lenient reader
/// made to it, or the error that rejected it.
public typealias MARCReadResult = Result<(record: MARCRecord, position: MARCPosition, warnings: [MARCWarning]), MARCError>
