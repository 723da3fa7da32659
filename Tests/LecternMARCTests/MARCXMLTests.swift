import Foundation
import LecternMARC
import Testing

struct MARCXMLTests {
    /// The record in shared/reference/exlibris/samples/alma/misc/bib_record.xml, field by field.
    static let almaRecord = MARCRecord(
        leader: "00246cam a22000975i 4500",
        fields: [
            .control(tag: "001", value: "9992524713606533"),
            .control(tag: "005", value: "20210802152251.0"),
            .control(tag: "008", value: "200316 2000    xx                  eng  "),
            .data(tag: "035", indicator1: " ", indicator2: " ", subfields: [.init("a", "(CLU)9252471-ucladb-Voyager")]),
            .data(tag: "245", indicator1: "1", indicator2: "0", subfields: [.init("a", "CLICC MiFi")]),
            .data(tag: "996", indicator1: " ", indicator2: " ", subfields: [.init("a", "9252471-ucladb"), .init("9", "local")]),
        ]
    )

    @Test func readsTheRecordInsideAlmasBibEnvelope() throws {
        #expect(try MARCXML.record(from: fixture("alma-misc-bib_record.xml")) == Self.almaRecord)
    }

    @Test func writesTheRecordExactlyAsAlmaEmbedsIt() throws {
        let document = String(decoding: try fixture("alma-misc-bib_record.xml"), as: UTF8.self)
        let start = try #require(document.range(of: "<record>"))
        let end = try #require(document.range(of: "</record>"))
        let recorded = String(document[start.lowerBound..<end.upperBound])
        #expect(MARCXML.string(for: Self.almaRecord) == recorded)
    }

    @Test func readsThePrettyPrintedBibsysRecord() throws {
        let record = try MARCXML.record(from: fixture("bibsys-example-bib.xml"))
        #expect(record.leader == "00783cam a2200241 a 4500")
        #expect(record.fields.count == 18)
        #expect(record.controlField("001") == "99939650000541")
        #expect(record.controlField("008") == "841221s1942    paua          000 1 eng")
        #expect(record.subfieldValues("035", "a") == ["CNV02431156 //r89", "(TrN)22133-train20072_c2db"])
        #expect(record.firstSubfieldValue("240", "a") == "Voĭna i mir.")
        #expect(record.firstSubfieldValue("245", "a") == "War and peace /")
        #expect(record.firstSubfieldValue("100", "a") == "Tolstoy, Leo,")
        #expect(
            record.dataFields("650")
                == [
                    .data(
                        tag: "650",
                        indicator1: " ",
                        indicator2: "0",
                        subfields: [
                            .init("a", "Napoleonic Wars, 1800-1815"), .init("x", "Campaigns"), .init("z", "Russia"),
                            .init("x", "Fiction."),
                        ]
                    )
                ]
        )
        #expect(record.fields.map(\.tag).joined(separator: " ") == "001 008 005 035 035 049 050 082 092 100 240 245 260 300 500 500 650 651")
    }

    @Test func readsANamespacedCollectionWithAPrefix() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <marc:collection xmlns:marc="http://www.loc.gov/MARC21/slim">
              <marc:record type="Bibliographic">
                <marc:leader>00000nam a2200000 a 4500</marc:leader>
                <marc:controlfield tag="001">1</marc:controlfield>
                <marc:datafield tag="245" ind1="0" ind2="4">
                  <marc:subfield code="a">The title</marc:subfield>
                </marc:datafield>
              </marc:record>
              <marc:record>
                <marc:leader>00000nam a2200000 a 4500</marc:leader>
                <marc:controlfield tag="001">2</marc:controlfield>
              </marc:record>
            </marc:collection>
            """
        let records = try MARCXML.records(from: xml)
        #expect(
            records == [
                MARCRecord(
                    leader: "00000nam a2200000 a 4500",
                    fields: [
                        .control(tag: "001", value: "1"),
                        .data(tag: "245", indicator1: "0", indicator2: "4", subfields: [.init("a", "The title")]),
                    ]
                ),
                MARCRecord(leader: "00000nam a2200000 a 4500", fields: [.control(tag: "001", value: "2")]),
            ]
        )
    }

    @Test func readsADefaultNamespaceRecordAndSkipsForeignRecords() throws {
        let xml = """
            <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><record><metadata>\
            <record xmlns="http://www.loc.gov/MARC21/slim"><leader>00000nam a2200000 a 4500</leader>\
            <controlfield tag="001">oai</controlfield></record></metadata></record></OAI-PMH>
            """
        #expect(try MARCXML.record(from: xml).fields == [.control(tag: "001", value: "oai")])
    }

    @Test func keepsContentExactly() throws {
        let xml = """
            <record><leader>00000nam a2200000 a 4500</leader><datafield tag="500" ind1="" ind2=" ">\
            <subfield code="a">  spaced  &amp; &lt;escaped&gt; &#x4E2D;<![CDATA[<cdata>]]> </subfield></datafield></record>
            """
        let record = try MARCXML.record(from: xml)
        #expect(record.fields == [.data(tag: "500", indicator1: " ", indicator2: " ", subfields: [.init("a", "  spaced  & <escaped> 中<cdata> ")])])
    }

    // MARK: - Rejected records

    static let structuralProblems: [(String, String)] = [
        ("<record><controlfield tag=\"001\">1</controlfield></record>", "the record has no <leader>"),
        (
            "<record><leader>00000nam a2200000 a 4500</leader><leader>00000nam a2200000 a 4500</leader></record>",
            "the record has more than one <leader>"
        ),
        ("<record><leader>short</leader></record>", "the <leader> is not 24 printable ASCII characters: \"short\""),
        (
            "<record><leader>00000nam a2200000 a 4500</leader><controlfield tag=\"245\">x</controlfield></record>",
            "<controlfield> has the tag \"245\", not 00 followed by a letter or digit"
        ),
        (
            "<record><leader>00000nam a2200000 a 4500</leader><datafield tag=\"24\" ind1=\" \" ind2=\" \"/></record>",
            "<datafield> has the tag \"24\", not three ASCII letters or digits outside 00X"
        ),
        (
            "<record><leader>00000nam a2200000 a 4500</leader><datafield tag=\"245\" ind1=\"10\" ind2=\" \"/></record>",
            "<datafield tag=\"245\"> has an indicator that is not one printable ASCII character"
        ),
        (
            "<record><leader>00000nam a2200000 a 4500</leader><datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield>x</subfield></datafield></record>",
            "a <subfield> of field 245 has the code \"\", not one printable ASCII character"
        ),
        (
            "<record><leader>00000nam a2200000 a 4500</leader><datafield tag=\"245\" ind1=\"1\" ind2=\"0\">loose text</datafield></record>",
            "text outside <leader>, <controlfield> and <subfield>"
        ),
        (
            "<record><leader>00000nam a2200000 a 4500</leader><title>x</title></record>",
            "unexpected element <title> in <record>"
        ),
        (
            "<record><leader>00000nam a2200000 a 4500</leader><controlfield tag=\"001\"><b>1</b></controlfield></record>",
            "unexpected element <b> in field "
        ),
        (
            "<record><leader>00000nam a2200000 a 4500</leader><record/></record>",
            "unexpected element <record> in <record>"
        ),
    ]

    @Test(arguments: structuralProblems)
    func rejectsARecordAndGoesOn(_ problem: (String, String)) throws {
        let good = "<record><leader>00000nam a2200000 a 4500</leader><controlfield tag=\"001\">ok</controlfield></record>"
        let xml = "<collection>\n\(good)\n\(problem.0)\n\(good)\n</collection>"
        var results: [MARCReadResult] = []
        try MARCXML.read(Data(xml.utf8)) { results.append($0) }
        #expect(results.count == 3)
        #expect((try? results.first?.get().record.controlField("001")) == "ok")
        #expect((try? results.last?.get().record.controlField("001")) == "ok")
        #expect((try? results.last?.get().position) == MARCPosition(recordIndex: 2, line: 4))
        guard results.count == 3, case .failure(let error) = results[1] else {
            Issue.record("expected the second record to be rejected: \(results)")
            return
        }
        #expect(error.code == .invalidMARCXML)
        #expect(error.reason == problem.1)
        #expect(error.position == MARCPosition(recordIndex: 1, line: 3))
        #expect(!error.isFatal)
    }

    @Test func strictReadingThrowsTheFirstRejectedRecord() {
        let xml = "<collection><record><leader>bad</leader></record></collection>"
        #expect {
            try MARCXML.records(from: xml)
        } throws: { error in
            (error as? MARCError)?.code == .invalidMARCXML && (error as? MARCError)?.position?.recordIndex == 0
        }
    }

    @Test func recordFromWantsExactlyOne() {
        #expect(throws: MARCError.self) { try MARCXML.record(from: "<collection/>") }
        let one = "<record><leader>00000nam a2200000 a 4500</leader></record>"
        #expect(throws: MARCError.self) { try MARCXML.record(from: "<collection>\(one)\(one)</collection>") }
    }

    // MARK: - Documents that stop the reading

    @Test func malformedXMLStopsAfterTheRecordsBefore() throws {
        let xml = """
            <collection>
            <record><leader>00000nam a2200000 a 4500</leader></record>
            <record><leader>00000nam a2200000 a 4500</leader><controlfield tag="001">x</controlfield>
            <datafield tag="245" ind1="1" ind2="0"><subfield code="a">unclosed</datafield>
            <record><leader>00000nam a2200000 a 4500</leader></record>
            </collection>
            """
        var records: [MARCRecord] = []
        #expect {
            try MARCXML.read(Data(xml.utf8)) { records.append(try $0.get().record) }
        } throws: { error in
            guard let error = error as? MARCError else { return false }
            return error.code == .malformedXML && error.isFatal && error.position?.recordIndex == 1 && error.position?.line == 4
        }
        #expect(records.count == 1)
    }

    @Test(arguments: [
        ("", "the document is empty"),
        ("<record>\u{0}</record>", "the document contains a NUL byte"),
        (
            "<?xml version=\"1.0\" encoding=\"x-no-such-thing\"?><record/>",
            "the document's encoding \"x-no-such-thing\" is not one Lectern can read"
        ),
        (
            "<?xml version=\"1.0\" encoding=ISO-8859-1?><record/>",
            "the document declares the encoding \"\"; only UTF-8 is accepted"
        ),
        (
            "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">]><record><leader>&lol;</leader></record>",
            "DOCTYPE and ENTITY declarations are not allowed"
        ),
    ])
    func refusesDocumentsBeforeParsing(_ document: (String, String)) {
        #expect {
            try MARCXML.read(Data(document.0.utf8)) { _ in Issue.record("no record expected") }
        } throws: { error in
            (error as? MARCError)?.reason == document.1 && (error as? MARCError)?.isFatal == true
        }
    }

    @Test func invalidUTF8IsRefusedWithItsOffset() {
        let data = Data("<record><leader>".utf8) + Data([0xC3, 0x28]) + Data("</leader></record>".utf8)
        #expect {
            try MARCXML.read(data) { _ in }
        } throws: { error in
            (error as? MARCError)?.position?.byteOffset == 16 && (error as? MARCError)?.code == .malformedXML
        }
    }

    @Test func handlerErrorStopsTheReading() {
        struct Stop: Error {}
        let one = "<record><leader>00000nam a2200000 a 4500</leader></record>"
        var calls = 0
        #expect(throws: Stop.self) {
            try MARCXML.read(Data("<collection>\(one)\(one)\(one)</collection>".utf8)) { _ in
                calls += 1
                throw Stop()
            }
        }
        #expect(calls == 1)
    }

    @Test func readsDocumentsOverTenMegabytes() throws {
        // libxml2 refuses a single chunk over 10 MB; the reader must feed it in pieces.
        let one = "<record><leader>00000nam a2200000 a 4500</leader></record>"
        let xml = "<collection>\(one)" + String(repeating: " ", count: 11_000_000) + "\(one)</collection>"
        var count = 0
        try MARCXML.read(Data(xml.utf8)) { result in
            _ = try result.get()
            count += 1
        }
        #expect(count == 2)
    }

    @Test func readsAFileFromDisk() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-marc-\(UUID().uuidString).xml")
        try Data(MARCXML.collection(multilingualRecords).utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var records: [MARCRecord] = []
        try MARCXML.read(contentsOf: url) { records.append(try $0.get().record) }
        #expect(records == multilingualRecords)
    }

    // MARK: - Writing

    @Test func escapesMarkupAndCharactersXMLCannotCarry() throws {
        let record = MARCRecord(
            leader: "00000nam a2200000 a 4500",
            fields: [
                .data(
                    tag: "245",
                    indicator1: "1",
                    indicator2: "\"",
                    subfields: [.init("a", "Tom & Jerry <3> \"q\" 'a'\r\n\tx\u{1}y")]
                )
            ]
        )
        let expected =
            "<record><leader>00000nam a2200000 a 4500</leader><datafield ind1=\"1\" ind2=\"&quot;\" tag=\"245\">"
            + "<subfield code=\"a\">Tom &amp; Jerry &lt;3&gt; &quot;q&quot; 'a'&#13;\n\tx\u{FFFD}y</subfield></datafield></record>"
        let written = MARCXML.string(for: record)
        #expect(written == expected)
        var back = record
        back.fields = [
            .data(tag: "245", indicator1: "1", indicator2: "\"", subfields: [.init("a", "Tom & Jerry <3> \"q\" 'a'\r\n\tx\u{FFFD}y")])
        ]
        #expect(try MARCXML.record(from: written) == back)
    }

    @Test func writesACollectionDocument() {
        let record = MARCRecord(leader: "00000nam a2200000 a 4500", fields: [.control(tag: "001", value: "1")])
        #expect(
            MARCXML.collection([record, record])
                == """
                <?xml version="1.0" encoding="UTF-8"?>
                <collection xmlns="http://www.loc.gov/MARC21/slim">
                <record><leader>00000nam a2200000 a 4500</leader><controlfield tag="001">1</controlfield></record>
                <record><leader>00000nam a2200000 a 4500</leader><controlfield tag="001">1</controlfield></record>
                </collection>

                """
        )
        #expect(
            MARCXML.string(for: record, namespaced: true)
                == "<record xmlns=\"http://www.loc.gov/MARC21/slim\"><leader>00000nam a2200000 a 4500</leader><controlfield tag=\"001\">1</controlfield></record>"
        )
    }
}
