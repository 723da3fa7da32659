import Foundation
import LecternCore
import LecternMARC
import Testing

/// Garbage, truncations and single-byte mutations: the readers return errors, never crash,
/// never hang, and whatever they accept can be written back.
@Suite(.timeLimit(.minutes(1)))
struct FuzzTests {
    static let validISO: [UInt8] = try! ISO2709.encode(multilingualRecords + [ISO2709Tests.smallRecord])
    static let validXML: [UInt8] = Array(MARCXML.collection(multilingualRecords).utf8)

    /// Reads everything, checks the reader's guarantees, and returns the results.
    @discardableResult
    func readAll(_ bytes: [UInt8]) -> [MARCReadResult] {
        var reader = ISO2709Reader(bytes)
        var results: [MARCReadResult] = []
        var lastOffset = 0
        while let result = reader.next() {
            // Each step consumes at least one byte: at most one result per byte.
            #expect(reader.offset > lastOffset || results.isEmpty)
            lastOffset = reader.offset
            results.append(result)
            if results.count > bytes.count {
                Issue.record("more results than bytes: the reader does not advance")
                break
            }
        }
        for result in results {
            switch result {
            case .success(let read):
                // Whatever is accepted can be written and read back unchanged.
                do {
                    let again = try ISO2709.record(from: ISO2709.encode(read.record))
                    #expect(normalized(again) == normalized(read.record))
                } catch {
                    Issue.record("an accepted record does not round-trip: \(error)")
                }
                #expect(read.position.byteOffset.map { $0 >= 0 && $0 < bytes.count } == true)
            case .failure(let error):
                #expect(!error.reason.isEmpty)
                #expect(error.position?.byteOffset.map { $0 >= 0 && $0 < bytes.count } == true)
            }
        }
        return results
    }

    @Test func randomBytesNeverCrashTheISO2709Reader() {
        var random = SeededGenerator(seed: 2709)
        // Bytes that matter to the format, so that garbage sometimes gets past the leader.
        let alphabet: [UInt8] = Array("0123456789 a4500".utf8) + [0x1D, 0x1E, 0x1F, 0x0A, 0xC3, 0xA9, 0xFF]
        for _ in 0..<3_000 {
            let count = Int.random(in: 0..<200, using: &random)
            var bytes: [UInt8] = []
            for _ in 0..<count {
                bytes.append(
                    Bool.random(using: &random) ? alphabet.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
                )
            }
            readAll(bytes)
        }
    }

    @Test func randomDirectoriesBehindAValidLeaderNeverCrash() {
        var random = SeededGenerator(seed: 1709)
        let alphabet: [UInt8] = Array("0123456789".utf8) + [0x1E, 0x1F]
        for _ in 0..<3_000 {
            let body = (0..<Int.random(in: 0..<120, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            let directoryLength = 12 * Int.random(in: 0...4, using: &random)
            let base = 24 + Swift.min(directoryLength, body.count) + 1
            let bytes = iso(directory: Array(body.prefix(directoryLength)), data: Array(body.dropFirst(directoryLength)), base: base)
            readAll(bytes)
        }
    }

    @Test func everyTruncationIsAnError() throws {
        let file = Self.validISO
        let records = try ISO2709.records(from: file)
        var boundaries: Set<Int> = [0]
        var offset = 0
        for record in records {
            offset += try ISO2709.encode(record).count
            boundaries.insert(offset)
        }
        for length in 0..<file.count {
            let results = readAll(Array(file[0..<length]))
            let successes = results.compactMap { try? $0.get().record }
            // The complete records before the cut come back unchanged...
            #expect(successes == Array(records.prefix(successes.count)))
            // ...and a cut inside a record is always reported.
            if !boundaries.contains(length) {
                #expect(results.contains { if case .failure = $0 { true } else { false } }, "prefix of \(length) bytes")
            }
        }
    }

    @Test func singleByteMutationsNeverCrash() {
        var random = SeededGenerator(seed: 42)
        let file = Self.validISO
        for _ in 0..<4_000 {
            var bytes = file
            let index = Int.random(in: 0..<bytes.count, using: &random)
            bytes[index] = UInt8.random(in: 0...255, using: &random)
            let results = readAll(bytes)
            // One damaged record loses at most itself and its neighbour; here at least three
            // of the four records must survive or be reported separately.
            #expect(results.count >= 3)
        }
    }

    @Test func randomBytesNeverCrashTheMARCXMLReader() {
        var random = SeededGenerator(seed: 1999)
        let pieces = [
            "<record>", "</record>", "<leader>", "</leader>", "<datafield tag=\"245\" ind1=\"1\" ind2=\"0\">", "</datafield>",
            "<subfield code=\"a\">", "</subfield>", "<controlfield tag=\"001\">", "</controlfield>", "<collection>", "</collection>",
            "00000nam a2200000 a 4500", "&amp;", "&", "<", "é", "\u{0}", "<!DOCTYPE x>", "<![CDATA[", "]]>",
        ].map { Array($0.utf8) }
        for _ in 0..<1_500 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<20, using: &random) {
                if Bool.random(using: &random) {
                    bytes += pieces.randomElement(using: &random)!
                } else {
                    bytes.append(UInt8.random(in: 0...255, using: &random))
                }
            }
            readXML(bytes)
        }
    }

    @Test func everyTruncationOfAMARCXMLDocumentIsAnError() throws {
        let document = Self.validXML
        // The document ends with "</collection>\n": shorter prefixes are not well formed.
        let complete = document.count - 1
        var random = SeededGenerator(seed: 11)
        var length = 0
        while length < complete {
            let outcome = readXML(Array(document[0..<length]))
            #expect(outcome.fatal != nil, "prefix of \(length) bytes")
            #expect(outcome.records == Array(multilingualRecords.prefix(outcome.records.count)))
            length += Int.random(in: 1...7, using: &random)
        }
    }

    @Test func singleByteMutationsOfAMARCXMLDocumentNeverCrash() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<1_500 {
            var bytes = Self.validXML
            bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            readXML(bytes)
        }
    }

    /// Reads a MARCXML document to the end: records, rejected records, and the fatal error.
    @discardableResult
    func readXML(_ bytes: [UInt8]) -> (records: [MARCRecord], rejected: Int, fatal: MARCError?) {
        var records: [MARCRecord] = []
        var rejected = 0
        do {
            try MARCXML.read(Data(bytes)) { result in
                switch result {
                case .success(let read): records.append(read.record)
                case .failure(let error):
                    #expect(!error.isFatal)
                    rejected += 1
                }
            }
        } catch let error as MARCError {
            #expect(error.isFatal)
            return (records, rejected, error)
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return (records, rejected, nil)
    }
}
