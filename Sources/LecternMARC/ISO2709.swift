public import Foundation

/// MARC 21 in its exchange format, ISO 2709: write records, read whole files.
///
/// A record is a 24-byte leader, a directory of 12-byte entries (tag, 4-digit length,
/// 5-digit start), a field terminator (`0x1E`), the fields (each ending with `0x1E`; data
/// fields as two indicators and subfields each opened by `0x1F` and a code) and the record
/// terminator (`0x1D`). Tags `00X` are control fields, every other tag is a data field.
///
/// Writing always produces UTF-8: the writer fills in the leader's record length (00-04),
/// sets leader/09 to `a`, leader/10-11 to `22`, the base address (12-16) and leader/20-23 to
/// `4500`, and keeps every other leader position as given.
///
/// To read a large file one record at a time, with errors for bad records instead of one
/// error for the file, use ``ISO2709Reader``.
public enum ISO2709 {
    /// The record terminator, `0x1D`.
    public static let recordTerminator: UInt8 = 0x1D
    /// The field terminator, `0x1E`.
    public static let fieldTerminator: UInt8 = 0x1E
    /// The subfield delimiter, `0x1F`.
    public static let subfieldDelimiter: UInt8 = 0x1F
    /// The longest record ISO 2709 can describe: its length has five digits.
    public static let maximumRecordLength = 99_999
    /// The longest field a MARC 21 directory entry can describe: its length has four digits.
    public static let maximumFieldLength = 9_999

    /// Encodes `record` in UTF-8 (leader/09 `a`).
    ///
    /// - throws: ``MARCError`` with code ``MARCError/Code/notEncodable`` when the leader is not
    ///   24 printable ASCII characters, a tag is not three ASCII letters or digits (control
    ///   fields `00X`, data fields any other), an indicator or subfield code is not printable
    ///   ASCII, a value contains a delimiter byte (`0x1D`, `0x1E`, `0x1F`), a field is longer
    ///   than ``maximumFieldLength`` bytes or the record longer than ``maximumRecordLength``.
    public static func encode(_ record: MARCRecord) throws(MARCError) -> [UInt8] {
        var out: [UInt8] = []
        try encode(record, into: &out)
        return out
    }

    /// Encodes `records` one after the other, as a `.mrc` file holds them.
    ///
    /// - throws: the first record's ``MARCError`` (its position carries the record index).
    public static func encode(_ records: some Sequence<MARCRecord>) throws(MARCError) -> [UInt8] {
        var out: [UInt8] = []
        for (index, record) in records.enumerated() {
            do {
                try encode(record, into: &out)
            } catch {
                var error = error
                error.position = MARCPosition(recordIndex: index)
                throw error
            }
        }
        return out
    }

    /// Appends `record`, encoded, to `out`. On error `out` is left as it was.
    ///
    /// - throws: as ``encode(_:)``.
    public static func encode(_ record: MARCRecord, into out: inout [UInt8]) throws(MARCError) {
        var leader = Array(record.leader.utf8)
        guard leader.count == 24, leader.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
            throw MARCError(.notEncodable, "the leader is not 24 printable ASCII characters: \"\(record.leader)\"")
        }
        var directory: [UInt8] = []
        directory.reserveCapacity(record.fields.count * 12 + 1)
        var body: [UInt8] = []
        body.reserveCapacity(record.fields.count * 48)
        for field in record.fields {
            let fieldStart = body.count
            let tag = field.tag
            switch field {
            case .control(_, let value):
                guard isTag(tag, control: true) else {
                    throw MARCError(.notEncodable, "control field tag \"\(tag)\" is not 00 followed by a letter or digit")
                }
                try append(value, of: tag, to: &body)
            case .data(_, let indicator1, let indicator2, let subfields):
                guard isTag(tag, control: false) else {
                    throw MARCError(.notEncodable, "data field tag \"\(tag)\" is not three ASCII letters or digits outside 00X")
                }
                guard let first = indicator(indicator1), let second = indicator(indicator2) else {
                    throw MARCError(.notEncodable, "field \(tag) has an indicator that is not one printable ASCII character")
                }
                body.append(first)
                body.append(second)
                for subfield in subfields {
                    guard let code = subfieldCode(subfield.code) else {
                        throw MARCError(.notEncodable, "field \(tag) has a subfield code that is not one printable ASCII character")
                    }
                    body.append(subfieldDelimiter)
                    body.append(code)
                    try append(subfield.value, of: tag, to: &body)
                }
            }
            body.append(fieldTerminator)
            let length = body.count - fieldStart
            guard length <= maximumFieldLength else {
                throw MARCError(.notEncodable, "field \(tag) is \(length) bytes long; ISO 2709 allows \(maximumFieldLength)")
            }
            guard fieldStart <= 99_999 else {
                throw MARCError(.notEncodable, "the record's fields are longer than \(maximumRecordLength) bytes")
            }
            directory.append(contentsOf: tag.utf8)
            appendDigits(length, width: 4, to: &directory)
            appendDigits(fieldStart, width: 5, to: &directory)
        }
        directory.append(fieldTerminator)
        let base = 24 + directory.count
        let total = base + body.count + 1
        guard total <= maximumRecordLength else {
            throw MARCError(.notEncodable, "the record is \(total) bytes long; ISO 2709 allows \(maximumRecordLength)")
        }
        var digits: [UInt8] = []
        appendDigits(total, width: 5, to: &digits)
        leader.replaceSubrange(0..<5, with: digits)
        leader[9] = UInt8(ascii: "a")
        leader[10] = UInt8(ascii: "2")
        leader[11] = UInt8(ascii: "2")
        digits.removeAll(keepingCapacity: true)
        appendDigits(base, width: 5, to: &digits)
        leader.replaceSubrange(12..<17, with: digits)
        leader.replaceSubrange(20..<24, with: "4500".utf8)
        out.append(contentsOf: leader)
        out.append(contentsOf: directory)
        out.append(contentsOf: body)
        out.append(recordTerminator)
    }

    /// Reads every record in `bytes`, strictly: the first bad record ends the reading.
    ///
    /// Use ``ISO2709Reader`` to skip bad records and go on.
    ///
    /// - throws: the first ``MARCError``, with the record's index and byte offset.
    public static func records(from bytes: [UInt8]) throws(MARCError) -> [MARCRecord] {
        var records: [MARCRecord] = []
        for result in ISO2709Reader(bytes) {
            switch result {
            case .success(let read): records.append(read.record)
            case .failure(let error): throw error
            }
        }
        return records
    }

    /// Reads every record in `data`, strictly. See ``records(from:)``.
    public static func records(from data: Data) throws(MARCError) -> [MARCRecord] {
        try records(from: [UInt8](data))
    }

    /// Reads the one record that `bytes` must hold.
    ///
    /// - throws: ``MARCError`` when the record is bad, or when `bytes` holds no record or more
    ///   than one.
    public static func record(from bytes: [UInt8]) throws(MARCError) -> MARCRecord {
        var reader = ISO2709Reader(bytes)
        guard let first = reader.next() else {
            throw MARCError(.truncated, "the input holds no record", position: MARCPosition(recordIndex: 0, byteOffset: 0))
        }
        let record: MARCRecord
        switch first {
        case .success(let read): record = read.record
        case .failure(let error): throw error
        }
        if reader.next() != nil {
            throw MARCError(
                .invalidLeader,
                "the input holds more than one record",
                position: MARCPosition(recordIndex: 1, byteOffset: reader.offset)
            )
        }
        return record
    }

    // MARK: - Helpers shared with the reader

    /// Whether `tag` is three ASCII letters or digits, `00X` for a control field and anything
    /// else for a data field.
    static func isTag(_ tag: String, control: Bool) -> Bool {
        let bytes = Array(tag.utf8)
        guard bytes.count == 3, bytes.allSatisfy(isAlphanumeric) else { return false }
        return (bytes[0] == UInt8(ascii: "0") && bytes[1] == UInt8(ascii: "0")) == control
    }

    /// ASCII `0-9`, `A-Z`, `a-z`.
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// An indicator's byte: one printable ASCII character, space included.
    static func indicator(_ character: Character) -> UInt8? {
        guard let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F else { return nil }
        return ascii
    }

    /// A subfield code's byte: one printable ASCII character other than space.
    static func subfieldCode(_ character: Character) -> UInt8? {
        guard let ascii = character.asciiValue, ascii > 0x20, ascii < 0x7F else { return nil }
        return ascii
    }

    private static func append(_ value: String, of tag: String, to body: inout [UInt8]) throws(MARCError) {
        let start = body.count
        body.append(contentsOf: value.utf8)
        for index in start..<body.count where body[index] >= recordTerminator && body[index] <= subfieldDelimiter {
            body.removeSubrange(start...)
            throw MARCError(.notEncodable, "field \(tag) contains a MARC delimiter byte (0x1D, 0x1E or 0x1F) in its value")
        }
    }

    private static func appendDigits(_ value: Int, width: Int, to out: inout [UInt8]) {
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        var rest = value
        var index = width - 1
        while index >= 0 {
            digits[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
        out.append(contentsOf: digits)
    }
}
