public import Foundation

/// Reads ISO 2709 (MARC 21 binary) records one at a time, each with its position, and keeps
/// going after a bad record.
///
/// ```swift
/// for result in ISO2709Reader(bytes) {
///     switch result {
///     case .success(let read): try importer.add(read.record)
///     case .failure(let error): rejected.append(error)  // "record 7 (byte 10240): …"
///     }
/// }
/// ```
///
/// Guarantees, whatever the bytes: no crash, no endless loop (every step consumes at least
/// one byte), and every record that ``next()`` returns can be written back by
/// ``ISO2709/encode(_:)``. The reader is strict about structure and never guesses:
///
/// - A record whose leader length is a number, ends on a record terminator (`0x1D`) and has
///   no terminator before that is *framed*: whatever is wrong inside it (leader, directory,
///   fields, UTF-8), the reader reports it and goes on after the record.
/// - A record that cannot be framed (non-numeric length, a length that does not end on the
///   first record terminator, input that ends first) is reported, and the reader resumes at
///   whichever comes first: the byte after the next record terminator, or the next offset that
///   looks like a MARC 21 leader (digits at 00-04 and 12-16, `4500` at 20-23), so that a record
///   cut short does not take the next one with it. Without either, reading ends.
/// - Line breaks, NUL and `0x1A` bytes between records are skipped.
///
/// What a field holds is read as the ``mode`` says. ``MARCReadMode/strict`` rejects the record
/// at the first malformed field. ``MARCReadMode/lenient`` keeps every record whose leader and
/// directory can be read, repairs each malformed field as permissive MARC readers do, and
/// returns one ``MARCWarning`` per repair with the record:
///
/// | found | done |
/// |---|---|
/// | data between the indicators and the first subfield delimiter | dropped, and quoted in the warning |
/// | fewer than two indicators, or one that is not printable ASCII | read as blank |
/// | a subfield code that is not printable ASCII | the subfield dropped, and quoted |
/// | a field without its terminator, or a last field whose length counts a missing one | the bytes kept as read |
/// | a terminator inside a field (a length too long) | the field ends there |
/// | subfield delimiters in a control field | removed |
/// | invalid UTF-8, or bytes that are no MARC-8 character | each replaced by U+FFFD |
///
/// Leader/09 `a` means UTF-8, which is decoded (each field once). Leader/09 blank means
/// MARC-8, which is converted to UTF-8 (NFC) field by field by YAZ (``MARC8``); the record comes
/// back with leader/09 `a`.
public struct ISO2709Reader: Sequence, IteratorProtocol {
    /// A record with its position, or the error that rejected it.
    public typealias Element = MARCReadResult

    private let bytes: [UInt8]
    /// What becomes of a record whose fields are malformed.
    public let mode: MARCReadMode
    /// The offset where the next record is looked for.
    public private(set) var offset: Int = 0
    /// The index the next record will get: records and errors returned so far.
    public private(set) var recordIndex: Int = 0

    /// Creates a reader over `bytes` that treats malformed fields as `mode` says.
    public init(_ bytes: [UInt8], mode: MARCReadMode = .strict) {
        self.bytes = bytes
        self.mode = mode
    }

    /// Creates a reader over `data` that treats malformed fields as `mode` says.
    public init(_ data: Data, mode: MARCReadMode = .strict) {
        self.init([UInt8](data), mode: mode)
    }

    /// The next record or error; `nil` at the end of the input.
    public mutating func next() -> MARCReadResult? {
        while offset < bytes.count, Self.isSeparator(bytes[offset]) {
            offset += 1
        }
        guard offset < bytes.count else { return nil }
        let start = offset
        let position = MARCPosition(recordIndex: recordIndex, byteOffset: start)
        recordIndex += 1
        let result = bytes.withUnsafeBufferPointer { buffer in
            Self.read(buffer, at: start, mode: mode)
        }
        offset = Swift.max(result.resume, start + 1)
        switch result.outcome {
        case .success(let read):
            return .success((read.record, position, read.warnings))
        case .failure(let problem):
            let error = MARCError(problem.code, problem.reason, position: position, field: problem.field, controlNumber: problem.controlNumber)
            return .failure(error)
        }
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x0A || byte == 0x0D || byte == 0x00 || byte == 0x1A
    }

    // MARK: - One record

    struct Problem: Error {
        var code: MARCError.Code
        var reason: String
        var field: String?
        var controlNumber: String?

        init(_ code: MARCError.Code, _ reason: String, field: String? = nil) {
            self.code = code
            self.reason = reason
            self.field = field
        }
    }

    /// Reads the record at `start`; `resume` is where the next one is looked for.
    private static func read(
        _ bytes: UnsafeBufferPointer<UInt8>,
        at start: Int,
        mode: MARCReadMode
    ) -> (outcome: Result<(record: MARCRecord, warnings: [MARCWarning]), Problem>, resume: Int) {
        var terminator: Int? = nil
        var scan = start
        while scan < bytes.count {
            if bytes[scan] == ISO2709.recordTerminator {
                terminator = scan
                break
            }
            scan += 1
        }
        // Without a frame, resume after the next record terminator, or earlier where a leader
        // seems to start: so that a record cut short before its terminator does not take the
        // next record down with it.
        let resync = resynchronize(bytes, after: start, terminator: terminator)
        let available = bytes.count - start
        guard let length = number(bytes, start, 5) else {
            if available < 5 {
                return (.failure(Problem(.truncated, "the input ends \(available) bytes into a record's leader")), resync)
            }
            let shown = printable(bytes, start, 5)
            return (.failure(Problem(.invalidLeader, "the record length in leader/00-04 is not a number: \"\(shown)\"")), resync)
        }
        guard length >= 26 else {
            let reason = "the record length \(length) in leader/00-04 is shorter than a leader and two terminators (26 bytes)"
            return (.failure(Problem(.invalidLeader, reason)), resync)
        }
        guard let terminator else {
            if length > available {
                let reason = "the input ends \(available) bytes into a record of \(length) bytes (leader/00-04)"
                return (.failure(Problem(.truncated, reason)), resync)
            }
            let reason = "no record terminator (0x1D) at the end of the record's \(length) bytes (leader/00-04)"
            return (.failure(Problem(.truncated, reason)), resync)
        }
        guard terminator == start + length - 1 else {
            let actual = terminator - start + 1
            let reason =
                length > available
                ? "the record length \(length) in leader/00-04 runs past the end of the input; the first record terminator ends a record of \(actual) bytes"
                : "the record length \(length) in leader/00-04 does not match the first record terminator, which ends a record of \(actual) bytes"
            return (.failure(Problem(length > available ? .truncated : .invalidLeader, reason)), resync)
        }
        let end = start + length
        let record = UnsafeBufferPointer(rebasing: bytes[start..<end])
        do {
            return (.success(try parse(record, start: start, mode: mode)), end)
        } catch {
            return (.failure(error), end)
        }
    }

    /// Where to look for the next record after an unframed one at `start`: the earlier of the
    /// byte after the next record terminator and the next offset that looks like a MARC 21
    /// leader (five digits, five digits at 12-16, `4500` at 20-23).
    private static func resynchronize(_ bytes: UnsafeBufferPointer<UInt8>, after start: Int, terminator: Int?) -> Int {
        let limit = terminator.map { $0 + 1 } ?? bytes.count
        var candidate = start + 1
        while candidate + 24 <= limit {
            if bytes[candidate + 20] == UInt8(ascii: "4"), bytes[candidate + 21] == UInt8(ascii: "5"),
                bytes[candidate + 22] == UInt8(ascii: "0"), bytes[candidate + 23] == UInt8(ascii: "0"),
                number(bytes, candidate, 5) != nil, number(bytes, candidate + 12, 5) != nil
            {
                return candidate
            }
            candidate += 1
        }
        return limit
    }

    /// Parses a framed record: `record` starts with the leader and ends with `0x1D`; `start` is
    /// where it starts in the input.
    private static func parse(
        _ record: UnsafeBufferPointer<UInt8>,
        start: Int,
        mode: MARCReadMode
    ) throws(Problem) -> (record: MARCRecord, warnings: [MARCWarning]) {
        let length = record.count
        for index in 0..<24 where record[index] < 0x20 || record[index] >= 0x7F {
            throw Problem(.invalidLeader, "the leader has a byte that is not printable ASCII at position \(index)")
        }
        var leader = Array(record[0..<24])
        guard let base = number(record, 12, 5) else {
            throw Problem(
                .invalidLeader,
                "the base address of data in leader/12-16 is not a number: \"\(printable(record, 12, 5))\""
            )
        }
        guard base >= 25, base <= length - 1 else {
            throw Problem(.invalidLeader, "the base address \(base) in leader/12-16 lies outside the record of \(length) bytes")
        }
        let isMARC8: Bool
        switch leader[9] {
        case UInt8(ascii: "a"):
            isMARC8 = false
        case UInt8(ascii: " "):
            isMARC8 = true
            leader[9] = UInt8(ascii: "a")
        default:
            throw Problem(
                .unsupportedEncoding,
                "leader/09 is \"\(printable(record, 9, 1))\", neither \"a\" (UTF-8) nor blank (MARC-8)"
            )
        }
        guard record[base - 1] == ISO2709.fieldTerminator else {
            throw Problem(.invalidDirectory, "the directory does not end with a field terminator (0x1E) before the base address \(base)")
        }
        let directoryLength = base - 1 - 24
        guard directoryLength % 12 == 0 else {
            throw Problem(.invalidDirectory, "the directory is \(directoryLength) bytes long, not a multiple of 12")
        }
        var fields: [MARCRecord.Field] = []
        fields.reserveCapacity(directoryLength / 12)
        var repairs = Repairs(mode: mode, recordOffset: start)
        var converter: MARC8.Converter? = nil
        var entry = 24
        var entryIndex = 0
        do throws(Problem) {
            while entry < base - 1 {
                defer {
                    entry += 12
                    entryIndex += 1
                }
                let (tag, content) = try fieldBytes(record, base: base, entry: entry, index: entryIndex, &repairs)
                let offset = content.startIndex
                guard isMARC8 else {
                    fields.append(try field(tag, content, at: offset, &repairs))
                    continue
                }
                let (converted, unconvertible) = MARC8.utf8(
                    UnsafeBufferPointer(rebasing: content),
                    isControlField: isControlTag(tag),
                    converter: &converter
                )
                if unconvertible > 0 {
                    try repairs.repair(
                        .invalidMARC8,
                        tag,
                        at: offset,
                        rejecting: "field \(tag) has \(notMARC8(unconvertible))",
                        "\(notMARC8(unconvertible)) replaced by U+FFFD"
                    )
                }
                fields.append(try converted.withUnsafeBufferPointer { buffer throws(Problem) in try field(tag, buffer[...], at: offset, &repairs) })
            }
        } catch {
            var problem = error
            problem.controlNumber = MARCRecord(leader: "", fields: fields).controlField("001")
            throw problem
        }
        return (MARCRecord(leader: String(decoding: leader, as: UTF8.self), fields: fields), repairs.warnings)
    }

    /// The tag of directory entry `index` at `entry`, and the field's content without its
    /// terminator, as a slice of `record` (so that its indices are offsets in the record).
    private static func fieldBytes(
        _ record: UnsafeBufferPointer<UInt8>,
        base: Int,
        entry: Int,
        index: Int,
        _ repairs: inout Repairs
    ) throws(Problem) -> (tag: String, content: Slice<UnsafeBufferPointer<UInt8>>) {
        guard ISO2709.isAlphanumeric(record[entry]), ISO2709.isAlphanumeric(record[entry + 1]),
            ISO2709.isAlphanumeric(record[entry + 2])
        else {
            throw Problem(
                .invalidDirectory,
                "directory entry \(index) has the tag \"\(printable(record, entry, 3))\", not three ASCII letters or digits"
            )
        }
        // ASCII alphanumerics, so this is exact.
        let tag = String(decoding: UnsafeBufferPointer(rebasing: record[entry..<entry + 3]), as: UTF8.self)
        guard let fieldLength = number(record, entry + 3, 4), let fieldStart = number(record, entry + 7, 5) else {
            throw Problem(
                .invalidDirectory,
                "directory entry \(index) (field \(tag)) has a length or start that is not a number: \"\(printable(record, entry + 3, 9))\"",
                field: tag
            )
        }
        guard fieldLength >= 1 else {
            throw Problem(.invalidDirectory, "field \(tag) has length 0; it needs at least its field terminator", field: tag)
        }
        let from = base + fieldStart
        let to = from + fieldLength
        let pastTheData = "field \(tag) (start \(fieldStart), length \(fieldLength)) runs past the end of the record's data"
        // A last field whose length counts a terminator that is missing ends on the record's.
        if to == record.count, repairs.mode == .lenient {
            try repairs.repair(
                .invalidDirectory,
                tag,
                at: from,
                rejecting: pastTheData,
                "the field has no field terminator (0x1E) and its length counts one: read up to the record terminator"
            )
            return (tag, record[from..<to - 1])
        }
        guard to <= record.count - 1 else {
            throw Problem(.invalidDirectory, pastTheData, field: tag)
        }
        guard record[to - 1] == ISO2709.fieldTerminator else {
            try repairs.repair(
                .invalidField,
                tag,
                at: from,
                rejecting: "field \(tag) does not end with a field terminator (0x1E)",
                "the field does not end with a field terminator (0x1E): its \(counted(fieldLength, "byte")) are kept as read"
            )
            return (tag, record[from..<to])
        }
        return (tag, record[from..<to - 1])
    }

    /// The decimal number in `count` bytes at `start`, or `nil` when they are not all digits
    /// or run past the end.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start >= 0, start + count <= bytes.count else { return nil }
        var value = 0
        for index in start..<start + count {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// Up to `count` bytes at `start` for a message, non-printable bytes as `\xNN`.
    private static func printable(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> String {
        var text = ""
        var index = start
        while index < Swift.min(start + count, bytes.count) {
            let byte = bytes[index]
            if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                text += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            }
            index += 1
        }
        return text
    }
}
