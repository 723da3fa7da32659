import Foundation
import LecternMARC
import Testing

/// Records whose leader and directory can be read but whose fields are malformed, read
/// leniently: each is kept, repaired as permissive MARC readers do, with one warning per
/// repair; read strictly, the same record is rejected with the warning's code.
struct LenientReadingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var directory: String
        var data: [UInt8]
        var fields: [MARCRecord.Field]
        var code: MARCError.Code
        /// Where the warned field starts in the record.
        var fieldOffset: Int
        var repair: String
        var testDescription: String { name }
        /// The warned field: 001 starts at byte 49, 245 after it.
        var field: String { fieldOffset == 49 ? "001" : "245" }
    }

    static let control = MARCRecord.Field.control(tag: "001", value: "123")
    static let title = MARCRecord.Field.data(tag: "245", indicator1: "1", indicator2: "0", subfields: [.init("a", "Title")])

    /// Two fields (001 at byte 49 of the record, 245 at byte 53) with one fault each time.
    static let cases: [Case] = [
        Case(
            name: "a stray byte before the first subfield delimiter",
            directory: "001000400000" + "245001100004",
            data: bytes("123\u{1E}" + "10x\u{1F}aTitle\u{1E}"),
            fields: [control, title],
            code: .invalidField,
            fieldOffset: 53,
            repair: "1 byte before the first subfield delimiter (0x1F) dropped: \"x\""
        ),
        Case(
            name: "one indicator",
            directory: "001000400000" + "245000900004",
            data: bytes("123\u{1E}" + "1\u{1F}aTitle\u{1E}"),
            fields: [control, .data(tag: "245", indicator1: "1", indicator2: " ", subfields: [.init("a", "Title")])],
            code: .invalidField,
            fieldOffset: 53,
            repair: "one indicator only: the second read as blank"
        ),
        Case(
            name: "no indicators",
            directory: "001000400000" + "245000800004",
            data: bytes("123\u{1E}" + "\u{1F}aTitle\u{1E}"),
            fields: [control, .data(tag: "245", indicator1: " ", indicator2: " ", subfields: [.init("a", "Title")])],
            code: .invalidField,
            fieldOffset: 53,
            repair: "no indicators: both read as blank"
        ),
        Case(
            name: "an indicator that is a control character",
            directory: "001000400000" + "245001000004",
            data: bytes("123\u{1E}" + "1\u{01}\u{1F}aTitle\u{1E}"),
            fields: [control, .data(tag: "245", indicator1: "1", indicator2: " ", subfields: [.init("a", "Title")])],
            code: .invalidField,
            fieldOffset: 53,
            repair: "indicator 2 is not printable ASCII (\\x01): read as blank"
        ),
        Case(
            name: "a subfield code that is a space",
            directory: "001000400000" + "245001300004",
            data: bytes("123\u{1E}" + "10\u{1F} x\u{1F}aTitle\u{1E}"),
            fields: [control, title],
            code: .invalidField,
            fieldOffset: 53,
            repair: "a subfield whose code is not printable ASCII dropped: \" x\""
        ),
        Case(
            name: "a last field without its terminator",
            directory: "001000400000" + "245000900004",
            data: bytes("123\u{1E}" + "10\u{1F}aTitle"),
            fields: [control, title],
            code: .invalidField,
            fieldOffset: 53,
            repair: "the field does not end with a field terminator (0x1E): its 9 bytes are kept as read"
        ),
        Case(
            name: "a last field whose length counts a missing terminator",
            directory: "001000400000" + "245001000004",
            data: bytes("123\u{1E}" + "10\u{1F}aTitle"),
            fields: [control, title],
            code: .invalidDirectory,
            fieldOffset: 53,
            repair: "the field has no field terminator (0x1E) and its length counts one: read up to the record terminator"
        ),
        Case(
            name: "a control field whose length runs into the next field",
            directory: "001001400000" + "245001000004",
            data: bytes("123\u{1E}" + "10\u{1F}aTitle\u{1E}"),
            fields: [control, title],
            code: .invalidField,
            fieldOffset: 49,
            repair: "a terminator byte inside the field ends it: the 10 bytes from there are not read as part of it"
        ),
        Case(
            name: "a subfield delimiter in a control field",
            directory: "001000500000" + "245001000005",
            data: bytes("12\u{1F}3\u{1E}" + "10\u{1F}aTitle\u{1E}"),
            fields: [control, title],
            code: .invalidField,
            fieldOffset: 49,
            repair: "1 subfield delimiter (0x1F) in a control field removed"
        ),
        Case(
            name: "invalid UTF-8",
            directory: "001000400000" + "245000700004",
            data: bytes("123\u{1E}" + "10\u{1F}a") + [0xC3, 0x28, 0x1E],
            fields: [control, .data(tag: "245", indicator1: "1", indicator2: "0", subfields: [.init("a", "\u{FFFD}(")])],
            code: .invalidUTF8,
            fieldOffset: 53,
            repair: "1 invalid UTF-8 sequence in $a replaced by U+FFFD"
        ),
    ]

    /// A well-formed record put before each case, so that offsets count from the file's start.
    static let before = ISO2709Tests.smallRecordBytes

    @Test(arguments: cases)
    func aMalformedFieldIsRepairedWithAWarningWhereItIs(_ fault: Case) throws {
        let file = Self.before + iso(directory: bytes(fault.directory), data: fault.data)
        let results = Array(ISO2709Reader(file, mode: .lenient))
        try #require(results.count == 2)
        guard case .success(let read) = results[1] else {
            Issue.record("expected a repaired record, got \(results[1])")
            return
        }
        #expect(read.record.fields == fault.fields)
        let offset = Self.before.count + fault.fieldOffset
        #expect(read.warnings == [MARCWarning(fault.code, field: fault.field, byteOffset: offset, repair: fault.repair)])
        #expect(read.position == MARCPosition(recordIndex: 1, byteOffset: Self.before.count))
        // What a lenient read keeps is a record a strict reader takes back unchanged.
        let written = try ISO2709.encode(read.record)
        #expect(try ISO2709.record(from: written).fields == fault.fields)
    }

    @Test(arguments: cases)
    func readStrictlyTheSameRecordIsRejectedWithTheWarningsCodeAndItsField(_ fault: Case) {
        let results = Array(ISO2709Reader(iso(directory: bytes(fault.directory), data: fault.data), mode: .strict))
        guard results.count == 1, case .failure(let error) = results[0] else {
            Issue.record("expected a rejection, got \(results)")
            return
        }
        #expect(error.code == fault.code)
        #expect(error.field == fault.field)
    }

    @Test func aRejectedRecordNamesItsControlNumberWhenItWasRead() {
        let results = Array(ISO2709Reader(iso(directory: bytes("001000400000" + "245001100004"), data: bytes("123\u{1E}" + "10x\u{1F}aTitle\u{1E}"))))
        guard case .failure(let error) = results.first else {
            Issue.record("expected a rejection, got \(results)")
            return
        }
        #expect(error.controlNumber == "123")
        #expect(error.reason == "data field 245 has data before its first subfield delimiter (0x1F)")
    }

    @Test func severalRepairsOfOneRecordAreWarnedInFieldOrder() throws {
        let directory = "001000500000" + "100000800005" + "245001100013"
        let data = bytes("12\u{1F}3\u{1E}" + "1\u{1F}aDoe,\u{1E}" + "10x\u{1F}aTitle\u{1E}")
        let results = Array(ISO2709Reader(iso(directory: bytes(directory), data: data), mode: .lenient))
        guard results.count == 1, case .success(let read) = results[0] else {
            Issue.record("expected one record, got \(results)")
            return
        }
        #expect(read.warnings.map(\.field) == ["001", "100", "245"])
        #expect(read.warnings.map(\.byteOffset) == [61, 66, 74])
        #expect(
            read.record.fields == [
                Self.control, .data(tag: "100", indicator1: "1", indicator2: " ", subfields: [.init("a", "Doe,")]), Self.title,
            ]
        )
    }

    @Test func whatCannotBeReadIsRejectedEvenLeniently() {
        let unreadable = [
            iso(directory: bytes("001000400000" + "2#5001000004"), data: ISO2709Tests.data),
            iso(directory: bytes("001000400000" + "245001000099"), data: ISO2709Tests.data),
            iso(directory: ISO2709Tests.directory + bytes("9"), data: ISO2709Tests.data),
            iso(leader: "00000nam z2200000 a 4500", directory: ISO2709Tests.directory, data: ISO2709Tests.data),
        ]
        let file = unreadable.flatMap { $0 + Self.before }
        let results = Array(ISO2709Reader(file, mode: .lenient))
        #expect(results.count == 8)
        for (index, result) in results.enumerated() {
            switch result {
            case .success(let read):
                #expect(index % 2 == 1)
                #expect(read.warnings.isEmpty)
            case .failure(let error):
                #expect(index % 2 == 0)
                #expect([.invalidDirectory, .unsupportedEncoding].contains(error.code))
            }
        }
    }

    @Test func aWellFormedRecordHasNoWarnings() throws {
        let results = Array(ISO2709Reader(Self.before, mode: .lenient))
        guard case .success(let read) = results.first else {
            Issue.record("expected a record")
            return
        }
        #expect(read.warnings.isEmpty)
        #expect(read.record == ISO2709Tests.smallRecord)
    }
}
