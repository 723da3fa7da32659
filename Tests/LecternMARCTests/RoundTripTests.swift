import Foundation
import LecternMARC
import Testing

struct RoundTripTests {
    /// MARCXML -> records -> ISO 2709 -> records -> MARCXML, for the recorded samples and the
    /// multilingual records.
    static func sources() throws -> [(String, [MARCRecord])] {
        [
            ("alma misc bib_record", [try MARCXML.record(from: fixture("alma-misc-bib_record.xml"))]),
            ("bibsys bib", [try MARCXML.record(from: fixture("bibsys-example-bib.xml"))]),
            ("multilingual", multilingualRecords),
        ]
    }

    @Test func marcXMLToISO2709AndBack() throws {
        for (name, records) in try Self.sources() {
            let xml = MARCXML.collection(records)
            let fromXML = try MARCXML.records(from: xml)
            #expect(fromXML == records, "\(name): MARCXML")
            let binary = try ISO2709.encode(fromXML)
            let fromBinary = try ISO2709.records(from: binary)
            #expect(fromBinary.map(normalized) == records.map(normalized), "\(name): ISO 2709")
            let again = try MARCXML.records(from: MARCXML.collection(fromBinary))
            #expect(again == fromBinary, "\(name): back to MARCXML")
        }
    }

    @Test func leaderCarriesTheComputedLengths() throws {
        for record in multilingualRecords {
            let binary = try ISO2709.encode(record)
            let decoded = try ISO2709.record(from: binary)
            let leader = Array(decoded.leader.utf8)
            #expect(Int(String(decoding: leader[0..<5], as: UTF8.self)) == binary.count)
            #expect(Int(String(decoding: leader[12..<17], as: UTF8.self)) == 24 + 12 * record.fields.count + 1)
            // Everything but the computed positions survives.
            #expect(leader[5..<9] == Array(record.leader.utf8)[5..<9])
            #expect(leader[17..<20] == Array(record.leader.utf8)[17..<20])
        }
    }

    @Test func nonASCIIValuesSurviveByteForByte() throws {
        let binary = try ISO2709.encode(multilingualRecords)
        let decoded = try ISO2709.records(from: binary)
        #expect(decoded[0].firstSubfieldValue("245", "b") == "über Größe und Übermaß /")
        #expect(decoded[1].firstSubfieldValue("245", "a") == "中文信息处理 /")
        #expect(decoded[1].firstSubfieldValue("500", "a")?.unicodeScalars.count == "Emoji 📚 and a combining é (e + U+0301).".unicodeScalars.count)
        #expect(decoded[2].firstSubfieldValue("245", "a") == "ספר בראשית /")
        #expect(binary.count == (try multilingualRecords.map { try ISO2709.encode($0).count }.reduce(0, +)))
    }
}
