import Foundation
import LecternAlma
import LecternImport
import LecternMARC
import Testing

/// The counts, the rejected-record report and the summary of an import, and when the progress
/// line is written, on a clock the test moves.
struct ImportTallyTests {
    /// What the tally reported, and the time it reads.
    final class Output {
        var reported: [String] = []
        var now = Date(timeIntervalSince1970: 1_000_000)

        func tally(interactive: Bool = false) -> ImportTally {
            ImportTally(interactive: interactive, clock: { self.now }, report: { self.reported.append($0) })
        }

        var rejections: [String] { reported.filter { $0.hasPrefix("rejected ") } }
        var progressLines: [String] { reported.filter { $0.contains(" records/s, ") } }
    }

    @Test func everyOutcomeIsCountedAndTheSummaryNamesThem() {
        let output = Output()
        var tally = output.tally()
        tally.add(.imported(.created(mmsID: "991")))
        tally.add(.imported(.created(mmsID: "992")))
        tally.add(.imported(.updated(mmsID: "991")))
        tally.add(.rejected(MARCPosition(recordIndex: 3, line: 6), "852 1: library NOWHERE does not exist."))
        output.now += 2
        #expect((tally.created, tally.updated, tally.valid, tally.rejected, tally.records) == (2, 1, 0, 1, 4))
        #expect(tally.finish(dryRun: false) == "imported 4 records: 2 created, 1 updated, 1 rejected in 2.00 s (2 records/s)")
    }

    @Test func aDryRunSummaryCountsValidRecords() {
        let output = Output()
        var tally = output.tally()
        for _ in 0..<3 { tally.add(.valid) }
        tally.add(.rejected(MARCPosition(recordIndex: 0, byteOffset: 0), "bad"))
        output.now += 0.5
        #expect(tally.finish(dryRun: true) == "checked 4 records: 3 valid, 1 rejected in 0.50 s (8 records/s)")
    }

    @Test func rejectedRecordsAreReportedAtOnceNumberedFromOneWithWhereTheyStart() {
        let output = Output()
        var tally = output.tally()
        tally.add(.rejected(MARCPosition(recordIndex: 3, line: 6), "852 1: library NOWHERE does not exist."))
        tally.add(.imported(.created(mmsID: "991")))
        tally.add(.rejected(MARCPosition(recordIndex: 17, byteOffset: 20480), "directory entry 0 is not valid."))
        tally.add(.rejected(MARCPosition(line: 40, column: 7), "the XML stops."))
        tally.add(.rejected(MARCPosition(), "nowhere."))
        #expect(
            output.rejections == [
                "rejected record 4 (line 6): 852 1: library NOWHERE does not exist.\n",
                "rejected record 18 (byte 20480): directory entry 0 is not valid.\n",
                "rejected line 40, column 7: the XML stops.\n",
                "rejected unknown position: nowhere.\n",
            ]
        )
        #expect(tally.rejected == 4)
    }

    @Test func intoAFileTheProgressLineIsWrittenEveryFiveSecondsAndAtTheEnd() {
        let output = Output()
        var tally = output.tally()
        tally.add(.valid)
        output.now += 1
        tally.add(.valid)
        output.now += 4
        tally.add(.valid)
        #expect(output.progressLines == ["1 records, 0 records/s, 0 rejected\n", "3 records, 0 records/s, 0 rejected\n"])
        output.now += 1
        _ = tally.finish(dryRun: true)
        #expect(output.progressLines.last == "3 records, 0 records/s, 0 rejected\n")
        #expect(output.progressLines.count == 3)
    }

    @Test func onATerminalTheProgressLineIsRedrawnAndARejectionErasesItFirst() {
        let output = Output()
        var tally = output.tally(interactive: true)
        tally.add(.valid)
        tally.add(.rejected(MARCPosition(recordIndex: 1, byteOffset: 99), "bad"))
        #expect(output.reported == ["\r\u{1B}[K1 records, 0 records/s, 0 rejected", "\r\u{1B}[Krejected record 2 (byte 99): bad\n"])
        output.now += 1
        _ = tally.finish(dryRun: true)
        #expect(output.reported.dropFirst(2).first == "\r\u{1B}[K2 records, 2 records/s, 1 rejected")
    }

    @Test func anErrorIsDescribedWithItsRecordCountedFromOne() {
        let error = MARCError(
            .invalidMARC8,
            "field 245 has 1 bytes that are not MARC-8 characters",
            position: MARCPosition(recordIndex: 6, byteOffset: 700)
        )
        #expect(error.importDescription == "record 7 (byte 700): field 245 has 1 bytes that are not MARC-8 characters")
        #expect(MARCError(.malformedXML, "unclosed tag").importDescription == "unclosed tag")
    }
}
