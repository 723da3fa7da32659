import Foundation
import LecternMARC
import Testing

/// MARC-8 records (leader/09 blank) read as UTF-8 (NFC). The expected text of each case is
/// pymarc's decoding of the same bytes (an independent MARC-8 implementation), written out here.
struct MARC8Tests {
    /// An ISO 2709 record in MARC-8: one 245 with `$a` holding `title`, and a 100 with `$a`
    /// holding `author`.
    static func record(title: [UInt8], author: [UInt8] = Array("Doe, Jane".utf8)) -> [UInt8] {
        let fields: [(String, [UInt8])] = [
            ("100", Array("1 \u{1F}a".utf8) + author + [0x1E]),
            ("245", Array("10\u{1F}a".utf8) + title + [0x1E]),
        ]
        var directory: [UInt8] = []
        var data: [UInt8] = []
        for (tag, content) in fields {
            directory += Array((tag + String(format: "%04d%05d", content.count, data.count)).utf8)
            data += content
        }
        directory.append(0x1E)
        let base = 24 + directory.count
        let length = base + data.count + 1
        let leader = Array(String(format: "%05dnam  22%05d a 4500", length, base).utf8)
        return leader + directory + data + [0x1D]
    }

    static func title(_ bytes: [UInt8]) throws -> MARCRecord {
        let results = Array(ISO2709Reader(record(title: bytes)))
        guard results.count == 1, case .success(let read) = results[0] else { throw MARCError(.truncated, "expected one record, got \(results)") }
        return read.record
    }

    static let cases: [(name: String, bytes: [UInt8], text: String)] = [
        ("ANSEL combining acute before its letter", Array("Caf".utf8) + [0xE2, 0x65], "Caf\u{E9}"),
        ("ANSEL diaeresis", [0x4D, 0xE8, 0x75] + Array("nchen".utf8), "M\u{FC}nchen"),
        ("ANSEL letters", [0xA2, 0x20, 0xB2, 0x20, 0xA5, 0x20, 0xB5, 0x20, 0xA1, 0x20, 0xB1], "\u{D8} \u{F8} \u{C6} \u{E6} \u{141} \u{142}"),
        ("Greek symbols", [0x1B, 0x67, 0x61, 0x62, 0x63, 0x1B, 0x73], "\u{3B1}\u{3B2}\u{3B3}"),
        ("subscript", [0x48, 0x1B, 0x62, 0x32, 0x1B, 0x73, 0x4F], "H\u{2082}O"),
        ("superscript", [0x78, 0x1B, 0x70, 0x32, 0x1B, 0x73], "x\u{B2}"),
        ("Hebrew", [0x1B, 0x28, 0x32, 0x60, 0x61, 0x62, 0x1B, 0x28, 0x42], "\u{5D0}\u{5D1}\u{5D2}"),
        ("Cyrillic", [0x1B, 0x28, 0x4E, 0x41, 0x62, 0x63, 0x1B, 0x28, 0x42], "\u{430}\u{411}\u{426}"),
        ("Greek", [0x1B, 0x28, 0x53, 0x61, 0x62, 0x1B, 0x28, 0x42], "\u{3B1}\u{3B2}"),
        ("Arabic", [0x1B, 0x28, 0x33, 0x47, 0x48, 0x49, 0x1B, 0x28, 0x42], "\u{627}\u{628}\u{629}"),
        ("East Asian (EACC)", [0x1B, 0x24, 0x31, 0x21, 0x30, 0x21, 0x1B, 0x28, 0x42], "\u{4E00}"),
        ("the character set back to ASCII at the next subfield", Array("War".utf8), "War"),
    ]

    @Test(arguments: cases.indices)
    func eachCharacterSetIsReadAsComposedUTF8(_ index: Int) throws {
        let (name, bytes, text) = Self.cases[index]
        let record = try Self.title(bytes)
        #expect(record.firstSubfieldValue("245", "a") == text, "\(name)")
        #expect(record.firstSubfieldValue("245", "a")?.unicodeScalars.elementsEqual(text.unicodeScalars) == true, "\(name): NFC")
        #expect(record.firstSubfieldValue("100", "a") == "Doe, Jane")
        #expect(record.leader.utf8.dropFirst(9).first == UInt8(ascii: "a"))
    }

    @Test func aConvertedRecordIsWrittenInUTF8AndReadsBackEqual() throws {
        let record = try Self.title(Array("Caf".utf8) + [0xE2, 0x65, 0x20, 0x1B, 0x28, 0x4E, 0x41, 0x1B, 0x28, 0x42])
        let written = try ISO2709.encode(record)
        let again = try ISO2709.record(from: written)
        #expect(again.fields == record.fields)
        #expect(again.leader.dropFirst(5).prefix(7) == record.leader.dropFirst(5).prefix(7))
        #expect(again.firstSubfieldValue("245", "a") == "Caf\u{E9} \u{430}")
    }

    @Test func aSetChosenInOneSubfieldHoldsForTheNext() throws {
        // MARC-8 keeps the designated set until an escape changes it, across subfield delimiters.
        let title: [UInt8] = [0x1B, 0x28, 0x32, 0x60] + Array("\u{1F}b".utf8) + [0x61, 0x1B, 0x28, 0x42]
        let record = try Self.title(title)
        #expect(record.firstSubfieldValue("245", "a") == "\u{5D0}")
        #expect(record.firstSubfieldValue("245", "b") == "\u{5D1}")
    }

    @Test func aSetChosenInOneFieldEndsWithIt() throws {
        // The 100 escapes to Cyrillic and never back; the 245 starts again in ASCII and ANSEL.
        let record = Self.record(title: Array("Caf".utf8) + [0xE2, 0x65], author: [0x1B, 0x28, 0x4E, 0x41, 0x62])
        let results = Array(ISO2709Reader(record))
        guard results.count == 1, case .success(let read) = results[0] else {
            Issue.record("expected one record, got \(results)")
            return
        }
        #expect(read.record.firstSubfieldValue("100", "a") == "\u{430}\u{411}")
        #expect(read.record.firstSubfieldValue("245", "a") == "Caf\u{E9}")
    }

    static let notMARC8: [[UInt8]] = [[0x41, 0xC0, 0x80, 0x42], [0x41, 0x9F], [0x1B, 0x28, 0x5A, 0x41], [0x1B, 0x24, 0x31, 0x7F, 0x7F, 0x7F]]

    @Test(arguments: notMARC8)
    func bytesThatAreNoMARC8CharacterRejectTheRecordAndTheNextIsRead(_ title: [UInt8]) {
        let bad = Self.record(title: title)
        let results = Array(ISO2709Reader(bad + Self.record(title: Array("Fine".utf8))))
        #expect(results.count == 2)
        guard case .failure(let error) = results.first, case .success(let read) = results.last else {
            Issue.record("expected an error then a record, got \(results)")
            return
        }
        #expect(error.code == .invalidMARC8)
        #expect(error.reason.hasPrefix("field 245 has "))
        #expect(read.record.firstSubfieldValue("245", "a") == "Fine")
    }

    /// What a lenient read makes of each of ``notMARC8``: the text and the warning.
    static let replaced: [(title: [UInt8], text: String, repair: String)] = [
        (notMARC8[0], "A\u{B0}\u{FFFD}B", "1 byte that is no MARC-8 character replaced by U+FFFD"),
        (notMARC8[1], "A\u{FFFD}", "1 byte that is no MARC-8 character replaced by U+FFFD"),
        // YAZ refuses an unknown set and the bytes after it in the field.
        (notMARC8[2], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}", "4 bytes that are no MARC-8 characters replaced by U+FFFD"),
        (notMARC8[3], "\u{FFFD}\u{FFFD}\u{FFFD}", "3 bytes that are no MARC-8 characters replaced by U+FFFD"),
    ]

    @Test(arguments: replaced)
    func readLenientlyBytesThatAreNoMARC8CharacterAreReplacedAndWarned(_ title: [UInt8], text: String, repair: String) {
        let results = Array(ISO2709Reader(Self.record(title: title), mode: .lenient))
        guard results.count == 1, case .success(let read) = results[0] else {
            Issue.record("expected a record, got \(results)")
            return
        }
        // The 245 starts after the leader (24), the directory (25) and the 100 (14 bytes).
        #expect(read.warnings == [MARCWarning(.invalidMARC8, field: "245", byteOffset: 63, repair: repair)])
        #expect(read.record.firstSubfieldValue("245", "a") == text)
        #expect(read.record.firstSubfieldValue("100", "a") == "Doe, Jane")
    }
}
