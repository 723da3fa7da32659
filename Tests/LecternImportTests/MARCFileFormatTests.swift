import Foundation
import LecternImport
import Testing

/// How `lectern import marc` tells MARCXML from ISO 2709, and what it says of anything else.
struct MARCFileFormatTests {
    static func data(_ text: String) -> Data { Data(text.utf8) }

    @Test(arguments: [
        "<collection/>",
        "  \n\t<?xml version=\"1.0\"?><collection/>",
        "\u{FEFF}<record/>",
        "\u{0}\u{1A}<record/>",
    ])
    func aFileWhoseFirstByteIsAnAngleBracketIsMARCXML(text: String) throws {
        #expect(try MARCFileFormat.of(Self.data(text)) == .xml)
    }

    @Test(arguments: [String.Encoding.utf16, .utf16BigEndian, .utf16LittleEndian, .utf32])
    func aFileInUTF16OrUTF32IsMARCXML(encoding: String.Encoding) throws {
        let data = try #require("<?xml version=\"1.0\"?><collection/>".data(using: encoding))
        #expect(try MARCFileFormat.of(data) == .xml)
    }

    @Test(arguments: ["00714cam a2200205 a 4500", "\n01234", ""])
    func aFileThatStartsWithARecordLengthIsISO2709(text: String) throws {
        #expect(try MARCFileFormat.of(Self.data(text)) == .iso2709)
    }

    @Test func aDeclaredFormatIsTakenAsGivenExceptThatISO2709MustLookLikeIt() throws {
        #expect(try MARCFileFormat.of(Self.data("00714cam"), declared: .xml) == .xml)
        #expect(try MARCFileFormat.of(Self.data("not even XML"), declared: .xml) == .xml)
        #expect(throws: UnrecognizedMARCFile.self) { try MARCFileFormat.of(Self.data("<collection/>"), declared: .iso2709) }
    }

    @Test(arguments: [
        ("hello, this is not a MARC file\n", "hello, this is n"),
        ("\u{1}\u{2}binary", "..binary"),
        ("1234", "1234"),
        ("12a45 and more", "12a45 and more"),
    ])
    func anythingElseIsRefusedShowingHowItStarts(text: String, shown: String) {
        #expect(throws: UnrecognizedMARCFile(start: Array(shown.utf8))) { try MARCFileFormat.of(Self.data(text)) }
    }

    @Test func theRefusalReadsAfterTheFileName() {
        let refusal = UnrecognizedMARCFile(start: Array("héllo".utf8))
        #expect(refusal.start == "h.llo")
        #expect("books.mrc is \(refusal)" == "books.mrc is neither MARCXML nor ISO 2709 (it starts with \"h.llo\")")
    }
}
