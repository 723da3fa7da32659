/// A problem a lenient reader repaired instead of rejecting the record: what it found in which
/// field, and what it did.
///
/// Reading ``MARCReadMode/lenient``ly, a record whose leader and directory can be read is kept
/// even when a field's content is malformed in ways permissive MARC readers tolerate; each
/// repair is one warning. Read ``MARCReadMode/strict``ly, the same problem rejects the record
/// with an ``MARCError`` of the same ``code``.
public struct MARCWarning: Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem: the code a strict reader rejects the record with.
    public var code: MARCError.Code
    /// The field's tag.
    public var field: String
    /// The offset in the input of the field's first byte (ISO 2709).
    public var byteOffset: Int?
    /// What was found and what was done, in one sentence: `1 byte before the first subfield
    /// delimiter dropped: "x"`.
    public var repair: String

    /// Creates a warning.
    public init(_ code: MARCError.Code, field: String, byteOffset: Int? = nil, repair: String) {
        self.code = code
        self.field = field
        self.byteOffset = byteOffset
        self.repair = repair
    }

    /// `field 752 (byte 1234): 1 byte before the first subfield delimiter dropped: "x"`.
    public var description: String {
        let place = byteOffset.map { " (byte \($0))" } ?? ""
        return "field \(field)\(place): \(repair)"
    }
}

/// How a reader treats a field whose content is malformed while the record's structure (leader,
/// directory, lengths) can be read.
public enum MARCReadMode: Sendable, Hashable {
    /// The record is rejected: the first such problem is its ``MARCError``.
    case strict
    /// The field is repaired or kept as read, and each repair is a ``MARCWarning`` of the record.
    case lenient
}
