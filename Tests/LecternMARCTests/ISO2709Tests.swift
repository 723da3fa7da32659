import Foundation
import LecternMARC
import Testing

struct ISO2709Tests {
    /// Computed by hand: directory 2 x 12 + 1 = 25 bytes, base 49; "123" + FT = 4 bytes at 0;
    /// "10" US "a" "Title" FT = 10 bytes at 4; 49 + 14 + 1 (RT) = 64.
    static let smallRecordBytes = bytes(
        "00064nam a2200049 a 4500" + "001000400000" + "245001000004" + "\u{1E}" + "123\u{1E}" + "10\u{1F}aTitle\u{1E}" + "\u{1D}"
    )
    static let smallRecord = MARCRecord(
        leader: "00064nam a2200049 a 4500",
        fields: [
            .control(tag: "001", value: "123"),
            .data(tag: "245", indicator1: "1", indicator2: "0", subfields: [.init("a", "Title")]),
        ]
    )

    @Test func encodesLengthsBaseAddressAndTerminators() throws {
        var record = Self.smallRecord
        record.leader = "99999nam  2299999 a 0000"
        #expect(try ISO2709.encode(record) == Self.smallRecordBytes)
    }

    @Test func decodesAHandBuiltRecord() throws {
        #expect(try ISO2709.record(from: Self.smallRecordBytes) == Self.smallRecord)
    }

    @Test func lengthsCountUTF8BytesNotCharacters() throws {
        // "Café 中文" is 8 characters but 12 bytes: field = 2 + 2 + 12 + 1 = 17 bytes.
        let record = MARCRecord(
            leader: "00000nam a2200000 a 4500",
            fields: [
                .control(tag: "001", value: "1"),
                .data(tag: "245", indicator1: "1", indicator2: "0", subfields: [.init("a", "Café 中文")]),
            ]
        )
        let expected = bytes(
            "00069nam a2200049 a 4500" + "001000200000" + "245001700002" + "\u{1E}" + "1\u{1E}" + "10\u{1F}aCafé 中文\u{1E}" + "\u{1D}"
        )
        let encoded = try ISO2709.encode(record)
        #expect(encoded == expected)
        #expect(encoded.count == 69)
        var decoded = try ISO2709.record(from: encoded)
        #expect(decoded.leader == "00069nam a2200049 a 4500")
        decoded.leader = record.leader
        #expect(decoded == record)
    }

    @Test func recordWithoutFieldsIsLeaderAndTwoTerminators() throws {
        let encoded = try ISO2709.encode(MARCRecord(leader: "00000nam a2200000 a 4500"))
        #expect(encoded == bytes("00026nam a2200025 a 4500\u{1E}\u{1D}"))
        #expect(try ISO2709.record(from: encoded).fields.isEmpty)
    }

    @Test func dataFieldWithIndicatorsOnlyAndEmptySubfieldDelimiters() throws {
        let data = bytes("10\u{1E}" + "01\u{1F}\u{1F}aX\u{1F}\u{1E}")
        let record = try ISO2709.record(from: iso(directory: bytes("500000300000" + "650000800003"), data: data))
        #expect(
            record.fields == [
                .data(tag: "500", indicator1: "1", indicator2: "0", subfields: []),
                .data(tag: "650", indicator1: "0", indicator2: "1", subfields: [.init("a", "X")]),
            ]
        )
    }

    @Test func encodesManyRecordsBackToBack() throws {
        let encoded = try ISO2709.encode([Self.smallRecord, Self.smallRecord])
        #expect(encoded == Self.smallRecordBytes + Self.smallRecordBytes)
        #expect(try ISO2709.records(from: encoded) == [Self.smallRecord, Self.smallRecord])
    }

    // MARK: - Writing what ISO 2709 cannot carry

    @Test(arguments: [
        MARCRecord(leader: "short"),
        MARCRecord(leader: "00000nam a2200000 a 450é"),
        MARCRecord(leader: "00000nam a2200000 a 4500", fields: [.control(tag: "245", value: "x")]),
        MARCRecord(leader: "00000nam a2200000 a 4500", fields: [.control(tag: "1", value: "x")]),
        MARCRecord(leader: "00000nam a2200000 a 4500", fields: [.data(tag: "001", indicator1: " ", indicator2: " ", subfields: [])]),
        MARCRecord(leader: "00000nam a2200000 a 4500", fields: [.data(tag: "24_", indicator1: " ", indicator2: " ", subfields: [])]),
        MARCRecord(leader: "00000nam a2200000 a 4500", fields: [.data(tag: "245", indicator1: "é", indicator2: " ", subfields: [])]),
        MARCRecord(leader: "00000nam a2200000 a 4500", fields: [.data(tag: "245", indicator1: " ", indicator2: " ", subfields: [.init(" ", "x")])]),
        MARCRecord(
            leader: "00000nam a2200000 a 4500",
            fields: [.data(tag: "245", indicator1: " ", indicator2: " ", subfields: [.init("a", "a\u{1F}b")])]
        ),
        MARCRecord(leader: "00000nam a2200000 a 4500", fields: [.control(tag: "001", value: "1\u{1D}")]),
        MARCRecord(
            leader: "00000nam a2200000 a 4500",
            fields: [.data(tag: "500", indicator1: " ", indicator2: " ", subfields: [.init("a", String(repeating: "x", count: 9_996))])]
        ),
        MARCRecord(
            leader: "00000nam a2200000 a 4500",
            fields: Array(
                repeating: .data(tag: "500", indicator1: " ", indicator2: " ", subfields: [.init("a", String(repeating: "x", count: 9_000))]),
                count: 12
            )
        ),
    ])
    func refusesToEncodeWhatISO2709CannotCarry(record: MARCRecord) {
        #expect {
            try ISO2709.encode(record)
        } throws: { error in
            (error as? MARCError)?.code == .notEncodable
        }
    }

    @Test func longestFieldStillEncodes() throws {
        // 2 indicators + US + code + 9,994 + FT = 9,999 bytes.
        let value = String(repeating: "x", count: 9_994)
        let record = MARCRecord(
            leader: "00000nam a2200000 a 4500",
            fields: [.data(tag: "500", indicator1: " ", indicator2: " ", subfields: [.init("a", value)])]
        )
        let encoded = try ISO2709.encode(record)
        #expect(encoded.count == 24 + 13 + 9_999 + 1)
        #expect(try ISO2709.record(from: encoded).subfieldValues("500", "a") == [value])
    }

    @Test func encodingErrorNamesTheRecordIndex() {
        let bad = MARCRecord(leader: "bad")
        #expect {
            try ISO2709.encode([Self.smallRecord, bad])
        } throws: { error in
            (error as? MARCError)?.position?.recordIndex == 1
        }
    }

    // MARK: - Reading: leader, directory and field edge cases

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var code: MARCError.Code
        var reason: String
        var testDescription: String { name }
    }

    static let directory = bytes("001000400000" + "245001000004")
    static let data = bytes("123\u{1E}" + "10\u{1F}aTitle\u{1E}")

    static let badRecords: [Case] = [
        Case(
            name: "non-numeric length",
            bytes: bytes("0006x") + Array(smallRecordBytes.dropFirst(5)),
            code: .invalidLeader,
            reason: "the record length in leader/00-04 is not a number: \"0006x\""
        ),
        Case(
            name: "length shorter than the minimum",
            bytes: iso(directory: directory, data: data, length: 20),
            code: .invalidLeader,
            reason: "the record length 20 in leader/00-04 is shorter than a leader and two terminators (26 bytes)"
        ),
        Case(
            name: "length one short",
            bytes: iso(directory: directory, data: data, length: 63),
            code: .invalidLeader,
            reason:
                "the record length 63 in leader/00-04 does not match the first record terminator, which ends a record of 64 bytes"
        ),
        Case(
            name: "length past the end",
            bytes: iso(directory: directory, data: data, length: 65),
            code: .truncated,
            reason:
                "the record length 65 in leader/00-04 runs past the end of the input; the first record terminator ends a record of 64 bytes"
        ),
        Case(
            name: "no record terminator",
            bytes: Array(smallRecordBytes.dropLast()),
            code: .truncated,
            reason: "the input ends 63 bytes into a record of 64 bytes (leader/00-04)"
        ),
        Case(
            name: "shorter than a leader",
            bytes: bytes("00064nam"),
            code: .truncated,
            reason: "the input ends 8 bytes into a record of 64 bytes (leader/00-04)"
        ),
        Case(
            name: "non-numeric base address",
            bytes: bytes("00064nam a22000x9 a 4500") + Array(smallRecordBytes.dropFirst(24)),
            code: .invalidLeader,
            reason: "the base address of data in leader/12-16 is not a number: \"000x9\""
        ),
        Case(
            name: "base address past the record",
            bytes: iso(directory: directory, data: data, base: 70),
            code: .invalidLeader,
            reason: "the base address 70 in leader/12-16 lies outside the record of 64 bytes"
        ),
        Case(
            name: "base address inside the directory",
            bytes: iso(directory: directory, data: data, base: 48),
            code: .invalidDirectory,
            reason: "the directory does not end with a field terminator (0x1E) before the base address 48"
        ),
        Case(
            name: "directory not a multiple of 12",
            bytes: iso(directory: directory + bytes("9"), data: data),
            code: .invalidDirectory,
            reason: "the directory is 25 bytes long, not a multiple of 12"
        ),
        Case(
            name: "tag with punctuation",
            bytes: iso(directory: bytes("001000400000" + "2#5001000004"), data: data),
            code: .invalidDirectory,
            reason: "directory entry 1 has the tag \"2#5\", not three ASCII letters or digits"
        ),
        Case(
            name: "non-numeric field start",
            bytes: iso(directory: bytes("001000400000" + "24500100000x"), data: data),
            code: .invalidDirectory,
            reason: "directory entry 1 (field 245) has a length or start that is not a number: \"00100000x\""
        ),
        Case(
            name: "field of length 0",
            bytes: iso(directory: bytes("001000400000" + "245000000004"), data: data),
            code: .invalidDirectory,
            reason: "field 245 has length 0; it needs at least its field terminator"
        ),
        Case(
            name: "field start past the data",
            bytes: iso(directory: bytes("001000400000" + "245001000099"), data: data),
            code: .invalidDirectory,
            reason: "field 245 (start 99, length 10) runs past the end of the record's data"
        ),
        Case(
            name: "field length past the data",
            bytes: iso(directory: bytes("001000400000" + "245001100004"), data: data),
            code: .invalidDirectory,
            reason: "field 245 (start 4, length 11) runs past the end of the record's data"
        ),
        Case(
            name: "field not ending with a terminator",
            bytes: iso(directory: bytes("001000400000" + "245000900004"), data: data),
            code: .invalidField,
            reason: "field 245 does not end with a field terminator (0x1E)"
        ),
        Case(
            name: "field spanning two fields",
            bytes: iso(directory: bytes("001001400000"), data: data),
            code: .invalidField,
            reason: "control field 001 contains a MARC delimiter byte"
        ),
        Case(
            name: "data field without indicators",
            bytes: iso(directory: bytes("245000200000"), data: bytes("1\u{1E}")),
            code: .invalidField,
            reason: "data field 245 is shorter than its two indicators"
        ),
        Case(
            name: "subfield delimiter in place of an indicator",
            bytes: iso(directory: bytes("245000500000"), data: bytes("\u{1F}aX\u{1F}\u{1E}")),
            code: .invalidField,
            reason: "data field 245 has indicators that are not printable ASCII"
        ),
        Case(
            name: "data before the first subfield",
            bytes: iso(directory: bytes("245000800000"), data: bytes("10abc\u{1F}a\u{1E}")),
            code: .invalidField,
            reason: "data field 245 has data before its first subfield delimiter (0x1F)"
        ),
        Case(
            name: "subfield code that is a space",
            bytes: iso(directory: bytes("245000600000"), data: bytes("10\u{1F} x\u{1E}")),
            code: .invalidField,
            reason: "data field 245 has a subfield code that is not printable ASCII"
        ),
        Case(
            name: "invalid UTF-8",
            bytes: iso(directory: bytes("245000700000"), data: bytes("10\u{1F}a") + [0xC3, 0x28] + [0x1E]),
            code: .invalidUTF8,
            reason: "field 245 is not valid UTF-8"
        ),
        Case(
            name: "unknown leader/09",
            bytes: iso(leader: "00000nam z2200000 a 4500", directory: directory, data: data),
            code: .unsupportedEncoding,
            reason: "leader/09 is \"z\", neither \"a\" (UTF-8) nor blank (MARC-8)"
        ),
        Case(
            name: "non-ASCII leader",
            bytes: bytes("00065nam a2200049 a 450é") + Array(smallRecordBytes.dropFirst(24)),
            code: .invalidLeader,
            reason: "the leader has a byte that is not printable ASCII at position 23"
        ),
    ]

    @Test(arguments: badRecords)
    func rejectsBadRecordWithReasonAndPosition(_ bad: Case) {
        let results = Array(ISO2709Reader(bad.bytes))
        guard case .failure(let error) = results.first else {
            Issue.record("expected an error, got \(results)")
            return
        }
        #expect(error.code == bad.code)
        #expect(error.reason == bad.reason)
        #expect(error.position == MARCPosition(recordIndex: 0, byteOffset: 0))
        #expect(!error.isFatal)
        #expect(results.allSatisfy { if case .failure = $0 { true } else { false } })
    }

    @Test func readsAnASCIIMARC8RecordAndMarksItUTF8() throws {
        let marc8 = iso(leader: "00000nam  2200000 a 4500", directory: Self.directory, data: Self.data)
        let results = Array(ISO2709Reader(marc8))
        guard results.count == 1, case .success(let read) = results[0] else {
            Issue.record("expected one record, got \(results)")
            return
        }
        #expect(read.record.leader == "00064nam a2200049 a 4500")
        #expect(read.record.fields == Self.smallRecord.fields)
    }

    @Test func recordFromBytesWantsExactlyOne() {
        #expect(throws: MARCError.self) { try ISO2709.record(from: []) }
        #expect(throws: MARCError.self) { try ISO2709.record(from: Self.smallRecordBytes + Self.smallRecordBytes) }
    }
}
