import Foundation
import LecternMARC
import Testing

/// MARCXML in other encodings than UTF-8: each document is made here with Foundation's own
/// encoders, read by the MARCXML reader, and its text compared with what was written.
struct MARCXMLEncodingTests {
    /// A collection of one record whose 245 $a is `title`, declared in `encoding` (none for nil).
    static func document(_ title: String, declaring encoding: String?) -> String {
        let declaration = encoding.map { "<?xml version=\"1.0\" encoding=\"\($0)\"?>\n" } ?? ""
        return declaration + """
            <collection xmlns="http://www.loc.gov/MARC21/slim">
            <record><leader>00000nam a2200000 a 4500</leader>\
            <datafield tag="245" ind1="1" ind2="0"><subfield code="a">\(title)</subfield></datafield></record>
            </collection>
            """
    }

    static func title(of data: Data) throws -> String? {
        try MARCXML.record(from: data).firstSubfieldValue("245", "a")
    }

    static let cases: [(encoding: String, declared: String?, foundation: String.Encoding, title: String)] = [
        ("ISO-8859-1", "ISO-8859-1", .isoLatin1, "Les misérables à Montréal, Größe"),
        ("windows-1252", "windows-1252", .windowsCP1252, "€ 5 – “quoted” café"),
        ("ISO-8859-2", "iso-8859-2", .isoLatin2, "Łódź, Kraków, Brno"),
        ("windows-1251", "windows-1251", .windowsCP1251, "Война и мир"),
        ("Shift_JIS", "Shift_JIS", .shiftJIS, "日本語の本"),
        ("UTF-16 with a byte order mark", "UTF-16", .utf16, "中文信息处理 and עברית"),
        ("UTF-16BE without a declaration", nil, .utf16BigEndian, "Ελληνικά"),
        ("UTF-16LE without a declaration", nil, .utf16LittleEndian, "Ελληνικά 📚"),
        ("UTF-32 with a byte order mark", "UTF-32", .utf32, "Ünïcödé 📚"),
    ]

    @Test(arguments: cases)
    func aDocumentInAnotherEncodingIsReadAsItsText(_ encoding: String, declared: String?, foundation: String.Encoding, title: String) throws {
        let data = try #require(Self.document(title, declaring: declared).data(using: foundation))
        #expect(try Self.title(of: data) == title)
    }

    @Test func aDeclarationInSingleQuotesWorksAndLinesStayWhereTheyWere() throws {
        let text =
            "<?xml version='1.0' encoding='ISO-8859-1'?>\n<collection>\n<record><leader>bad</leader></record>\n"
            + "<record><leader>00000nam a2200000 a 4500</leader><controlfield tag=\"001\">é</controlfield></record>\n</collection>"
        var results: [MARCReadResult] = []
        try MARCXML.read(try #require(text.data(using: .isoLatin1))) { results.append($0) }
        #expect(results.count == 2)
        guard case .failure(let error) = results.first, case .success(let read) = results.last else {
            Issue.record("expected a rejection then a record, got \(results)")
            return
        }
        #expect(error.position?.line == 3)
        #expect(read.position.line == 4)
        #expect(read.record.controlField("001") == "é")
    }

    @Test func bytesThatAreNoTextInTheDeclaredEncodingStopTheReadingWithTheirOffset() {
        // 0x82 0x20 is not Shift_JIS: a lead byte followed by a space.
        let data = Data(Self.document("ok", declaring: "Shift_JIS").utf8).replacing(Data("ok".utf8), with: Data([0x82, 0x20]))
        let offset = Data(Self.document("ok", declaring: "Shift_JIS").utf8).firstRange(of: Data("ok".utf8))?.lowerBound
        #expect {
            try MARCXML.read(data) { _ in }
        } throws: { error in
            let error = error as? MARCError
            return error?.code == .malformedXML && error?.isFatal == true && error?.position?.byteOffset == offset
                && error?.reason == "the document has bytes that are no text in its encoding \"Shift_JIS\""
        }
    }

    @Test func aUTF16DocumentCutInTheMiddleOfACharacterStopsTheReading() throws {
        let data = try #require(Self.document("abc", declaring: "UTF-16").data(using: .utf16)).dropLast()
        #expect {
            try MARCXML.read(Data(data)) { _ in }
        } throws: { error in
            (error as? MARCError)?.reason == "the document ends inside a character in its encoding \"UTF-16\""
        }
    }

    @Test func aDocumentInUTF8IsReadAsBefore() throws {
        #expect(try Self.title(of: Data(Self.document("déjà vu", declaring: "UTF-8").utf8)) == "déjà vu")
        #expect(try Self.title(of: Data(Self.document("déjà vu", declaring: nil).utf8)) == "déjà vu")
    }
}
