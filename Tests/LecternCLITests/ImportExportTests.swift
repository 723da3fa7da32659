import Foundation
import LecternTesting
import Testing

/// `lectern import marc` and `lectern export marc`, run as a user runs them: files in, files
/// out, exit status, the summary on stdout and the rejected records on stderr.
struct ImportExportTests {
    typealias CLI = CommandLineTests

    // MARK: - Import and export

    @Test func importsMARCXMLAndISO2709AndExportsThemWithTheirInventory() throws {
        let database = try SeededDatabase.copy()
        let directory = try Self.directory()
        let xml = directory.appendingPathComponent("three.xml")
        try Self.collection([Self.book(1), Self.book(2, items: 2), Self.book(3, holdings: 2)]).write(to: xml, atomically: false, encoding: .utf8)
        let before = try Self.export(database)

        let fromXML = try CLI.run(["import", "marc", xml.path, "--institution", "DEMO", "--database", database])
        #expect(fromXML.status == 0, "\(fromXML.stderr)")
        #expect(fromXML.stdout.contains("imported 3 records: 3 created, 0 updated, 0 rejected"))

        let mrc = try Self.demoFile(directory, count: 20, format: "iso2709")
        let fromISO = try CLI.run(["import", "marc", mrc.path, "--institution", "DEMO", "--database", database])
        #expect(fromISO.status == 0, "\(fromISO.stderr)")
        #expect(fromISO.stdout.contains("imported 20 records: 20 created, 0 updated, 0 rejected"))

        let after = try Self.export(database)
        #expect(after.count == before.count + 23)
        let exported = try #require(after.first { $0.contains("(TEST)000002") })
        #expect(Self.count("tag=\"852\"", in: exported) == 1)
        #expect(Self.count("tag=\"876\"", in: exported) == 2)
        #expect(exported.contains("<subfield code=\"p\">TEST-2-2</subfield>"))
        #expect(exported.contains("<subfield code=\"z\">Ask at the desk</subfield>"))
        let twoHoldings = try #require(after.first { $0.contains("(TEST)000003") })
        #expect(twoHoldings.contains("<subfield code=\"8\">2</subfield><subfield code=\"b\">SCI</subfield>"))
    }

    @Test func importingTheSameFileAgainUpdatesAndAddsNoDuplicates() throws {
        let database = try SeededDatabase.copy()
        let directory = try Self.directory()
        let first = try Self.demoFile(directory, count: 30, format: "iso2709")
        let all = try Self.demoFile(directory, count: 60, format: "xml")
        let before = try Self.export(database)
        #expect(try CLI.run(["import", "marc", first.path, "--institution", "DEMO", "--database", database]).status == 0)

        // As after an interruption: the first half again, with the rest.
        let again = try CLI.run(["import", "marc", all.path, "--institution", "DEMO", "--database", database])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("imported 60 records: 30 created, 30 updated, 0 rejected"))
        let twice = try CLI.run(["import", "marc", all.path, "--institution", "DEMO", "--database", database, "--batch-size", "7"])
        #expect(twice.stdout.contains("imported 60 records: 0 created, 60 updated, 0 rejected"))

        let after = try Self.export(database)
        #expect(after.count == before.count + 60)
        func items(_ records: [String]) -> Int { records.map { Self.count("tag=\"876\"", in: $0) }.reduce(0, +) }
        let generated = Self.records(try String(contentsOf: all, encoding: .utf8))
        #expect(items(generated) > 60)
        #expect(items(after) == items(before) + items(generated))
    }

    @Test func aRecordRepeatedInItsBatchOrALaterOneUpdatesTheFirstAndABarcodeTakenInTheBatchIsRefused() throws {
        let database = try SeededDatabase.copy()
        let directory = try Self.directory()
        let file = directory.appendingPathComponent("repeats.xml")
        // Book 8's barcode is book 7's, which record 1 writes earlier in the same batch.
        let takenBarcode = Self.book(8).replacingOccurrences(of: "TEST-8-1", with: "TEST-7-1")
        let records = [Self.book(7), Self.book(9), Self.book(7, items: 2), takenBarcode, Self.book(7, items: 3)]
        try Self.collection(records).write(to: file, atomically: false, encoding: .utf8)
        let before = try Self.export(database)

        // Batches of four: record 3 repeats record 1 in its batch, record 5 in the next batch.
        let result = try CLI.run(["import", "marc", file.path, "--institution", "DEMO", "--database", database, "--batch-size", "4"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stdout.contains("imported 5 records: 2 created, 2 updated, 1 rejected"))
        let rejected = result.stderr.split(separator: "\n").filter { $0.hasPrefix("rejected ") }
        #expect(rejected.count == 1)
        #expect(rejected.first?.hasPrefix("rejected record 4 (line 6): 876: barcode TEST-7-1 already belongs to item ") == true)

        let after = try Self.export(database)
        #expect(after.count == before.count + 2)
        let seven = try #require(after.first { $0.contains("(TEST)000007") })
        #expect(Self.count("tag=\"852\"", in: seven) == 1)
        #expect(Self.count("tag=\"876\"", in: seven) == 3)
        for item in 1...3 { #expect(seven.contains("<subfield code=\"p\">TEST-7-\(item)</subfield>")) }
        #expect(!after.joined().contains("(TEST)000008"))
    }

    @Test func exportImportedElsewhereAndExportedAgainGivesTheSameRecords() throws {
        let source = try SeededDatabase.copy()
        let directory = try Self.directory()
        let generated = try Self.demoFile(directory, count: 40, format: "iso2709")
        #expect(try CLI.run(["import", "marc", generated.path, "--institution", "DEMO", "--database", source]).status == 0)
        let xml = directory.appendingPathComponent("export.xml")
        let mrc = directory.appendingPathComponent("export.mrc")
        for (file, format) in [(xml, "xml"), (mrc, "iso2709")] {
            let export = try CLI.run(["export", "marc", "--institution", "DEMO", "--database", source, "--format", format, file.path])
            #expect(export.status == 0, "\(export.stderr)")
        }
        let original = try Self.records(String(contentsOf: xml, encoding: .utf8)).map(Self.comparable)
        #expect(original.count >= 40)

        for file in [xml, mrc] {
            let target = try SeededDatabase.copy()
            let imported = try CLI.run(["import", "marc", file.path, "--institution", "DEMO", "--database", target])
            #expect(imported.status == 0, "\(imported.stderr)")
            let copy = try Self.export(target).map(Self.comparable)
            #expect(copy.count == original.count)
            for (left, right) in zip(original, copy) { #expect(left == right) }
        }
    }

    @Test func dryRunChecksAndWritesNothing() throws {
        let database = try SeededDatabase.copy()
        let directory = try Self.directory()
        let file = try Self.demoFile(directory, count: 25, format: "xml")
        let before = try Self.export(database)
        let result = try CLI.run(["import", "marc", file.path, "--institution", "DEMO", "--database", database, "--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("checked 25 records: 25 valid, 0 rejected"))
        #expect(try Self.export(database).count == before.count)
    }

    // MARK: - Rejected records

    @Test func rejectedRecordsAreReportedWithTheirPositionAndTheOthersImported() throws {
        let database = try SeededDatabase.copy()
        let directory = try Self.directory()
        let file = directory.appendingPathComponent("mixed.xml")
        let noTitle = Self.book(2).replacingOccurrences(of: "tag=\"245\"", with: "tag=\"246\"")
        let unknownLibrary = Self.book(4).replacingOccurrences(of: ">MAIN<", with: ">NOWHERE<")
        let badTag = Self.book(5).replacingOccurrences(of: "tag=\"300\"", with: "tag=\"3!0\"")
        try Self.collection([Self.book(1), noTitle, Self.book(3), unknownLibrary, badTag, Self.book(6)])
            .write(to: file, atomically: false, encoding: .utf8)

        let result = try CLI.run(["import", "marc", file.path, "--institution", "DEMO", "--database", database])
        #expect(result.status == 2)
        #expect(result.stdout.contains("imported 6 records: 3 created, 0 updated, 3 rejected"))
        let rejected = result.stderr.split(separator: "\n").filter { $0.hasPrefix("rejected ") }
        #expect(rejected.count == 3)
        #expect(rejected.first == "rejected record 2 (line 4): Mandatory field 245 $a (title) is missing.")
        #expect(rejected.dropFirst().first == "rejected record 4 (line 6): 852 1: library NOWHERE does not exist.")
        #expect(rejected.last?.hasPrefix("rejected record 5 (line 7): ") == true)
        #expect(rejected.last?.contains("3!0") == true)
        let exported = try Self.export(database).joined()
        for number in [1, 3, 6] { #expect(exported.contains("(TEST)00000\(number)")) }
        for number in [2, 4, 5] { #expect(!exported.contains("(TEST)00000\(number)")) }
    }

    @Test func brokenRecordsInISO2709AreNamedByByteOffset() throws {
        let database = try SeededDatabase.copy()
        let directory = try Self.directory()
        var bytes = [UInt8](try Data(contentsOf: try Self.demoFile(directory, count: 10, format: "iso2709")))
        let starts = Self.recordStarts(bytes)
        #expect(starts.count == 10)
        // Record 4: a directory entry whose tag is not letters or digits. Record 7: leader/09
        // names no coding MARC 21 has.
        bytes[starts[3] + 24] = UInt8(ascii: "!")
        bytes[starts[6] + 9] = UInt8(ascii: "z")
        let file = directory.appendingPathComponent("broken.mrc")
        try Data(bytes).write(to: file)

        let result = try CLI.run(["import", "marc", file.path, "--institution", "DEMO", "--database", database])
        #expect(result.status == 2)
        #expect(result.stdout.contains("imported 10 records: 8 created, 0 updated, 2 rejected"))
        let rejected = result.stderr.split(separator: "\n").filter { $0.hasPrefix("rejected ") }
        #expect(rejected.count == 2)
        #expect(rejected.first?.hasPrefix("rejected record 4 (byte \(starts[3])): directory entry 0") == true)
        #expect(rejected.last == "rejected record 7 (byte \(starts[6])): leader/09 is \"z\", neither \"a\" (UTF-8) nor blank (MARC-8)")
    }

    @Test func marc8RecordsAreImportedAsUTF8() throws {
        let database = try SeededDatabase.copy()
        let file = try Self.directory().appendingPathComponent("marc8.mrc")
        // Leader/09 blank: MARC-8. A combining acute before its letter, then Cyrillic.
        let title: [UInt8] = Array("Caf".utf8) + [0xE2, 0x65, 0x20, 0x1B, 0x28, 0x4E, 0x41, 0x62, 0x1B, 0x28, 0x42]
        let record = Self.iso2709([("035", Array("  \u{1F}a(M8)000001".utf8)), ("245", Array("10\u{1F}a".utf8) + title)], marc8: true)
        try Data(record.bytes).write(to: file)

        let result = try CLI.run(["import", "marc", file.path, "--institution", "DEMO", "--database", database])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("imported 1 records: 1 created, 0 updated, 0 rejected"))
        let exported = try #require(try Self.export(database).first { $0.contains("(M8)000001") })
        #expect(exported.contains("<subfield code=\"a\">Caf\u{E9} \u{430}\u{411}</subfield>"))
        #expect(exported.contains("<leader>") && exported.range(of: "<leader>.{9}a", options: .regularExpression) != nil)
    }

    @Test func marcxmlInLatin1AndUTF16IsImported() throws {
        let database = try SeededDatabase.copy()
        let directory = try Self.directory()
        let latin1 = directory.appendingPathComponent("latin1.xml")
        let utf16 = directory.appendingPathComponent("utf16.xml")
        let book = Self.book(41).replacingOccurrences(of: "Book number 41", with: "Les misérables à Montréal")
        let declared = Self.collection([book]).replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"ISO-8859-1\"")
        try #require(declared.data(using: .isoLatin1)).write(to: latin1)
        let other = Self.book(42).replacingOccurrences(of: "Book number 42", with: "Война и мир")
        try #require(Self.collection([other]).replacingOccurrences(of: "UTF-8", with: "UTF-16").data(using: .utf16)).write(to: utf16)

        for file in [latin1, utf16] {
            let result = try CLI.run(["import", "marc", file.path, "--institution", "DEMO", "--database", database])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("imported 1 records: 1 created, 0 updated, 0 rejected"))
        }
        let exported = try Self.export(database)
        #expect(exported.contains { $0.contains("<subfield code=\"a\">Les misérables à Montréal /</subfield>") })
        #expect(exported.contains { $0.contains("<subfield code=\"a\">Война и мир /</subfield>") })
    }

    // MARK: - Malformed fields, warnings and the report

    /// Five records: good; a stray byte in 752 (as in a real file); a directory tag that is no
    /// tag; MARC-8 with a byte that is no MARC-8 character; a 100 without indicators.
    static func mixedFile() -> (bytes: [UInt8], starts: [Int], fieldOffsets: [[Int]]) {
        func id(_ number: Int) -> (String, [UInt8]) { ("035", Array("  \u{1F}a(LN)00000\(number)".utf8)) }
        func title(_ text: String) -> (String, [UInt8]) { ("245", Array("10\u{1F}a\(text)".utf8)) }
        let records = [
            iso2709([id(1), title("Good record /")]),
            iso2709([id(2), title("Stray byte /"), ("752", Array("  x\u{1F}aUnited States\u{1F}dNew York".utf8))]),
            iso2709([id(3), ("2!5", Array("10\u{1F}aUnreadable".utf8))]),
            iso2709([id(4), ("245", Array("10\u{1F}aCaf".utf8) + [0xE2, 0x65, 0x9F] + Array(" /".utf8))], marc8: true),
            iso2709([id(5), ("100", Array("\u{1F}aNo indicators,".utf8)), title("Five /")]),
        ]
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for record in records {
            starts.append(bytes.count)
            bytes += record.bytes
        }
        return (bytes, starts, records.map(\.fieldOffsets))
    }

    @Test func aFileMixingGoodRepairableAndUnreadableRecordsImportsWhatCanBeReadWithWarningsAndAReport() throws {
        let database = try SeededDatabase.copy()
        let directory = try Self.directory()
        let file = directory.appendingPathComponent("mixed.mrc")
        let mixed = Self.mixedFile()
        try Data(mixed.bytes).write(to: file)
        let report = directory.appendingPathComponent("report.csv")

        let result = try CLI.run(["import", "marc", file.path, "--institution", "DEMO", "--database", database, "--report", report.path])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stdout.contains("imported 5 records: 4 created, 0 updated, 1 rejected, 3 warned (3 warnings) in "))
        let warnings = result.stderr.split(separator: "\n").filter { $0.hasPrefix("warning ") }
        let (starts, offsets) = (mixed.starts, mixed.fieldOffsets)
        #expect(
            warnings == [
                "warning record 2 (byte \(starts[1])): field 752 (byte \(starts[1] + offsets[1][2])): 1 byte before the first subfield delimiter (0x1F) dropped: \"x\"",
                "warning record 4 (byte \(starts[3])): field 245 (byte \(starts[3] + offsets[3][1])): 1 byte that is no MARC-8 character replaced by U+FFFD",
                "warning record 5 (byte \(starts[4])): field 100 (byte \(starts[4] + offsets[4][1])): no indicators: both read as blank",
            ]
        )
        let rejected = result.stderr.split(separator: "\n").filter { $0.hasPrefix("rejected ") }
        #expect(rejected == ["rejected record 3 (byte \(starts[2])): directory entry 1 has the tag \"2!5\", not three ASCII letters or digits"])

        let exported = try Self.export(database)
        func record(_ number: Int) throws -> String { try #require(exported.first { $0.contains("(LN)00000\(number)") }) }
        #expect(
            try record(2).contains(
                "<datafield ind1=\" \" ind2=\" \" tag=\"752\"><subfield code=\"a\">United States</subfield><subfield code=\"d\">New York</subfield>"
            )
        )
        #expect(try record(4).contains("<subfield code=\"a\">Caf\u{E9}\u{FFFD} /</subfield>"))
        #expect(try record(5).contains("<datafield ind1=\" \" ind2=\" \" tag=\"100\"><subfield code=\"a\">No indicators,</subfield>"))
        #expect(!exported.contains { $0.contains("(LN)000003") })

        // What was imported exports as records that read back alike, with nothing left to repair.
        let again = directory.appendingPathComponent("again.xml")
        let repaired = exported.filter { $0.contains("(LN)00000") }
        try Self.collection(repaired).write(to: again, atomically: false, encoding: .utf8)
        let reimport = try CLI.run(["import", "marc", again.path, "--institution", "DEMO", "--database", database])
        #expect(reimport.stdout.contains("imported 4 records: 0 created, 4 updated, 0 rejected, 0 warned (0 warnings) in "))
        #expect(try Self.export(database).filter { $0.contains("(LN)00000") }.map(Self.comparable) == repaired.map(Self.comparable))

        let rows = Self.csvRows(try String(contentsOf: report, encoding: .utf8))
        #expect(rows.first == ["record", "byte_offset", "line", "identifier", "field", "action", "code", "detail"])
        #expect(
            Array(rows.dropFirst()) == [
                [
                    "2", "\(starts[1] + offsets[1][2])", "", "(LN)000002", "752", "repaired", "invalidField",
                    "1 byte before the first subfield delimiter (0x1F) dropped: \"x\"",
                ],
                [
                    "3", "\(starts[2])", "", "", "", "rejected", "invalidDirectory",
                    "directory entry 1 has the tag \"2!5\", not three ASCII letters or digits",
                ],
                [
                    "4", "\(starts[3] + offsets[3][1])", "", "(LN)000004", "245", "repaired", "invalidMARC8",
                    "1 byte that is no MARC-8 character replaced by U+FFFD",
                ],
                ["5", "\(starts[4] + offsets[4][1])", "", "(LN)000005", "100", "repaired", "invalidField", "no indicators: both read as blank"],
            ]
        )
    }

    @Test func strictRejectsEveryRecordWithAMalformedFieldAndWritesNoneOfThem() throws {
        let database = try SeededDatabase.copy()
        let file = try Self.directory().appendingPathComponent("mixed.mrc")
        let mixed = Self.mixedFile()
        try Data(mixed.bytes).write(to: file)
        let before = try Self.export(database)

        let result = try CLI.run(["import", "marc", file.path, "--institution", "DEMO", "--database", database, "--strict"])
        #expect(result.status == 2)
        #expect(result.stdout.contains("imported 5 records: 1 created, 0 updated, 4 rejected, 0 warned (0 warnings) in "))
        let rejected = result.stderr.split(separator: "\n").filter { $0.hasPrefix("rejected ") }
        #expect(
            rejected == [
                "rejected record 2 (byte \(mixed.starts[1])): data field 752 has data before its first subfield delimiter (0x1F)",
                "rejected record 3 (byte \(mixed.starts[2])): directory entry 1 has the tag \"2!5\", not three ASCII letters or digits",
                "rejected record 4 (byte \(mixed.starts[3])): field 245 has 1 byte that is no MARC-8 character",
                "rejected record 5 (byte \(mixed.starts[4])): data field 100 has indicators that are not printable ASCII",
            ]
        )
        #expect(!result.stderr.contains("warning"))
        let after = try Self.export(database)
        #expect(after.count == before.count + 1)
        #expect(after.contains { $0.contains("(LN)000001") })
    }

    @Test func aReportThatCannotBeWrittenStopsTheImportBeforeItStarts() throws {
        let database = try SeededDatabase.copy()
        let file = try Self.directory().appendingPathComponent("mixed.mrc")
        try Data(Self.mixedFile().bytes).write(to: file)
        let before = try Self.export(database)
        let result = try CLI.run(["import", "marc", file.path, "--institution", "DEMO", "--database", database, "--report", "/nonexistent/r.csv"])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: cannot write the report /nonexistent/r.csv\n")
        #expect(try Self.export(database).count == before.count)
    }

    // MARK: - Failures

    @Test(arguments: [
        "hello, this is not a MARC file\n",
        "<collection><record><leader>oops",
        "\u{0}\u{1}\u{2}binary",
    ])
    func unreadableInputIsOneLineAndStatusOne(content: String) throws {
        let database = try SeededDatabase.copy()
        let file = try Self.directory().appendingPathComponent("garbage")
        try Data(content.utf8).write(to: file)
        let result = try CLI.run(["import", "marc", file.path, "--institution", "DEMO", "--database", database])
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("\n"))
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("Error: ") }
        #expect(errors.count == 1, "\(result.stderr)")
    }

    @Test func missingFileAndUnknownInstitutionFailWithStatusOne() throws {
        let database = try SeededDatabase.copy()
        let missing = try CLI.run(["import", "marc", "/nonexistent/file.mrc", "--institution", "DEMO", "--database", database])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("Error: cannot read /nonexistent/file.mrc"))
        let file = try Self.demoFile(try Self.directory(), count: 1, format: "xml")
        let unknown = try CLI.run(["import", "marc", file.path, "--institution", "NOPE", "--database", database])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "Error: unknown institution 'NOPE'\n")
        let export = try CLI.run(["export", "marc", "--institution", "NOPE", "--database", database])
        #expect(export.status == 1)
        #expect(export.stderr == "Error: unknown institution 'NOPE'\n")
    }

    // MARK: - Fixtures

    /// A book with `035 (TEST)00000n`, `holdings` 852s (MAIN/STACKS, then SCI/STACKS) and `items`
    /// 876s on the first; one record a line.
    static func book(_ number: Int, holdings: Int = 1, items: Int = 1) -> String {
        var fields = "<leader>00000nam a2200000 a 4500</leader><controlfield tag=\"008\">200101s2020    xxu           000 0 eng d</controlfield>"
        fields += "<datafield tag=\"035\" ind1=\" \" ind2=\" \"><subfield code=\"a\">(TEST)00000\(number)</subfield></datafield>"
        fields += "<datafield tag=\"100\" ind1=\"1\" ind2=\" \"><subfield code=\"a\">Author, Number \(number).</subfield></datafield>"
        fields += "<datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">Book number \(number) /</subfield></datafield>"
        fields += "<datafield tag=\"300\" ind1=\" \" ind2=\" \"><subfield code=\"a\">\(100 + number) p.</subfield></datafield>"
        for (index, library) in ["MAIN", "SCI"].prefix(holdings).enumerated() {
            fields += "<datafield tag=\"852\" ind1=\"0\" ind2=\" \"><subfield code=\"8\">\(index + 1)</subfield>"
            fields += "<subfield code=\"b\">\(library)</subfield><subfield code=\"c\">STACKS</subfield>"
            fields += "<subfield code=\"h\">QA\(number)</subfield><subfield code=\"i\">.T\(index)</subfield></datafield>"
        }
        for item in 1...items {
            fields += "<datafield tag=\"876\" ind1=\" \" ind2=\" \"><subfield code=\"8\">1</subfield>"
            fields += "<subfield code=\"p\">TEST-\(number)-\(item)</subfield><subfield code=\"w\">BOOK</subfield>"
            fields += "<subfield code=\"z\">Ask at the desk</subfield></datafield>"
        }
        return "<record>\(fields)</record>"
    }

    /// An ISO 2709 record of `fields` (content without the field terminator), in MARC-8 (leader/09
    /// blank) or UTF-8, with the offset of each field in the record.
    static func iso2709(_ fields: [(String, [UInt8])], marc8: Bool = false) -> (bytes: [UInt8], fieldOffsets: [Int]) {
        var directory: [UInt8] = []
        var data: [UInt8] = []
        var starts: [Int] = []
        for (tag, content) in fields {
            directory += Array((tag + String(format: "%04d%05d", content.count + 1, data.count)).utf8)
            starts.append(data.count)
            data += content + [0x1E]
        }
        directory.append(0x1E)
        let base = 24 + directory.count
        let leader = Array(String(format: "%05dnam \(marc8 ? " " : "a")22%05d a 4500", base + data.count + 1, base).utf8)
        return (leader + directory + data + [0x1D], starts.map { base + $0 })
    }

    /// The rows of a CSV document (RFC 4180: quoted fields, doubled quotes, CRLF), read here
    /// rather than with the code that wrote it.
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\r": continue
            case "\n":
                row.append(field)
                rows.append(row)
                (row, field) = ([], "")
            default: field.unicodeScalars.append(character)
            }
        }
        return rows
    }

    /// A MARCXML collection with one record a line (record n on line n + 2).
    static func collection(_ records: [String]) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n"
            + records.joined(separator: "\n") + "\n</collection>\n"
    }

    static func demoFile(_ directory: URL, count: Int, format: String) throws -> URL {
        let file = directory.appendingPathComponent("demo-\(count).\(format == "xml" ? "xml" : "mrc")")
        let result = try CLI.run(["demo-catalogue", "--count", "\(count)", "--format", format, "--start", "5000000", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        return file
    }

    /// The `<record>` elements of an export of DEMO's sandbox, in order.
    static func export(_ database: String) throws -> [String] {
        let result = try CLI.run(["export", "marc", "--institution", "DEMO", "--database", database])
        #expect(result.status == 0, "\(result.stderr)")
        return records(result.stdout)
    }

    static func records(_ collection: String) -> [String] {
        collection.split(separator: "\n").filter { $0.hasPrefix("<record>") }.map(String.init)
    }

    /// `record` without its 001 and 005, which every catalogue sets itself.
    /// `record` without what differs between two copies of one record: the MMS id and stamp
    /// (001, 005), and the leader's record length and base address, which describe the last
    /// ISO 2709 encoding the record came through.
    static func comparable(_ record: String) -> String {
        record
            .replacingOccurrences(of: "<controlfield tag=\"00[15]\">[^<]*</controlfield>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "<leader>[0-9]{5}(.{7})[0-9]{5}", with: "<leader>00000$100000", options: .regularExpression)
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// Where each record of an ISO 2709 file starts.
    static func recordStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x1D && index + 1 < bytes.count { starts.append(index + 1) }
        return starts
    }

    static func directory() throws -> URL {
        try TestDirectory.make("import")
    }
}

/// A database with the demo institution (its libraries MAIN, SCI, MED and their locations, and
/// ``demoBibs`` bibs), made once by `lectern serve` as a user makes it, and copied for each test.
enum SeededDatabase {
    private static let template: Result<URL, any Error> = Result { try make() }

    /// A small catalogue: every test exports the whole of it, and more adds time, not coverage.
    static let demoBibs = 40

    /// A fresh copy of the template, as a database URL.
    static func copy() throws -> String {
        let template = try template.get()
        let directory = try ImportExportTests.directory()
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: template.path + suffix) {
            try FileManager.default.copyItem(atPath: template.path + suffix, toPath: directory.appendingPathComponent("db.sqlite").path + suffix)
        }
        return "sqlite:" + directory.appendingPathComponent("db.sqlite").path
    }

    /// Runs `lectern serve` on a new database until it serves (the demo institution is then
    /// committed), and stops it.
    private static func make() throws -> URL {
        let file = try ImportExportTests.directory().appendingPathComponent("db.sqlite")
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["serve", "--port", "0", "--database", "sqlite:" + file.path, "--log-level", "error", "--demo-bibs", "\(demoBibs)"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var output = ""
        while !output.contains("Serving") {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            output += String(decoding: data, as: UTF8.self)
        }
        process.terminate()
        process.waitUntilExit()
        guard output.contains("Created the demo institution") else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "lectern serve did not seed: \(output)"])
        }
        return file
    }
}
