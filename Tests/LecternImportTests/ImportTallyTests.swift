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
        var warnings: [String] { reported.filter { $0.hasPrefix("warning") } }
        var progressLines: [String] { reported.filter { $0.contains(" records/s, ") } }
    }

    @Test func everyOutcomeIsCountedAndTheSummaryNamesThem() {
        let output = Output()
        var tally = output.tally()
        tally.add(.init(.imported(.created(mmsID: "991"))))
        tally.add(.init(.imported(.created(mmsID: "992"))))
        tally.add(.init(.imported(.updated(mmsID: "991"))))
        tally.add(.init(.rejected("852 1: library NOWHERE does not exist."), at: MARCPosition(recordIndex: 3, line: 6)))
        output.now += 2
        #expect((tally.created, tally.updated, tally.valid, tally.rejected, tally.records) == (2, 1, 0, 1, 4))
        #expect(tally.finish(dryRun: false) == "imported 4 records: 2 created, 1 updated, 1 rejected, 0 warned (0 warnings) in 2.00 s (2 records/s)")
    }

    @Test func aDryRunSummaryCountsValidRecords() {
        let output = Output()
        var tally = output.tally()
        for _ in 0..<3 { tally.add(.init(.valid)) }
        tally.add(.init(.rejected("bad"), at: MARCPosition(recordIndex: 0, byteOffset: 0)))
        output.now += 0.5
        #expect(tally.finish(dryRun: true) == "checked 4 records: 3 valid, 1 rejected, 0 warned (0 warnings) in 0.50 s (8 records/s)")
    }

    @Test func rejectedRecordsAreReportedAtOnceNumberedFromOneWithWhereTheyStart() {
        let output = Output()
        var tally = output.tally()
        tally.add(.init(.rejected("852 1: library NOWHERE does not exist."), at: MARCPosition(recordIndex: 3, line: 6)))
        tally.add(.init(.imported(.created(mmsID: "991"))))
        tally.add(.init(.rejected("directory entry 0 is not valid."), at: MARCPosition(recordIndex: 17, byteOffset: 20480)))
        tally.add(.init(.rejected("the XML stops."), at: MARCPosition(line: 40, column: 7)))
        tally.add(.init(.rejected("nowhere."), at: MARCPosition()))
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
        tally.add(.init(.valid))
        output.now += 1
        tally.add(.init(.valid))
        output.now += 4
        tally.add(.init(.valid))
        #expect(output.progressLines == ["1 records, 0 records/s, 0 rejected\n", "3 records, 0 records/s, 0 rejected\n"])
        output.now += 1
        _ = tally.finish(dryRun: true)
        #expect(output.progressLines.last == "3 records, 0 records/s, 0 rejected\n")
        #expect(output.progressLines.count == 3)
    }

    @Test func onATerminalTheProgressLineIsRedrawnAndARejectionErasesItFirst() {
        let output = Output()
        var tally = output.tally(interactive: true)
        tally.add(.init(.valid))
        tally.add(.init(.rejected("bad"), at: MARCPosition(recordIndex: 1, byteOffset: 99)))
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

    // MARK: - Warnings and the report file

    static let strayByte = MARCWarning(
        .invalidField,
        field: "752",
        byteOffset: 1100,
        repair: "1 byte before the first subfield delimiter (0x1F) dropped: \"x\""
    )
    static let replaced = MARCWarning(.invalidMARC8, field: "245", byteOffset: 2050, repair: "1 byte that is no MARC-8 character replaced by U+FFFD")

    @Test func warningsAreReportedAtOnceAndTheSummaryCountsWarnedRecordsAndWarnings() {
        let output = Output()
        var tally = output.tally()
        tally.add(
            .init(.imported(.created(mmsID: "991")), at: MARCPosition(recordIndex: 2, byteOffset: 1024), warnings: [Self.strayByte, Self.replaced])
        )
        tally.add(.init(.imported(.updated(mmsID: "992")), at: MARCPosition(recordIndex: 3, byteOffset: 2048), warnings: [Self.replaced]))
        tally.add(.init(.imported(.created(mmsID: "993"))))
        // A rejected record's warnings are reported and counted, the record is not "warned".
        tally.add(
            .init(.rejected("852 1: library NOWHERE does not exist."), at: MARCPosition(recordIndex: 5, byteOffset: 4096), warnings: [Self.strayByte])
        )
        output.now += 1
        #expect(
            output.warnings == [
                "warning record 3 (byte 1024): field 752 (byte 1100): 1 byte before the first subfield delimiter (0x1F) dropped: \"x\"\n",
                "warning record 3 (byte 1024): field 245 (byte 2050): 1 byte that is no MARC-8 character replaced by U+FFFD\n",
                "warning record 4 (byte 2048): field 245 (byte 2050): 1 byte that is no MARC-8 character replaced by U+FFFD\n",
                "warning record 6 (byte 4096): field 752 (byte 1100): 1 byte before the first subfield delimiter (0x1F) dropped: \"x\"\n",
            ]
        )
        #expect((tally.warned, tally.warnings, tally.rejected) == (2, 4, 1))
        #expect(tally.finish(dryRun: false) == "imported 4 records: 2 created, 1 updated, 1 rejected, 2 warned (4 warnings) in 1.00 s (4 records/s)")
    }

    @Test func standardErrorShowsTheFirstHundredWarningsAndSaysTheRestAreCounted() {
        let output = Output()
        var tally = output.tally()
        for index in 0..<150 {
            tally.add(.init(.valid, at: MARCPosition(recordIndex: index, byteOffset: index * 100), warnings: [Self.replaced]))
        }
        #expect(output.warnings.count == 101)
        #expect(output.warnings.last == "warning: more than 100 warnings; the rest are counted, and listed by --report\n")
        #expect((tally.warned, tally.warnings) == (150, 150))
    }

    @Test func theReportFileHasAHeaderThenALinePerWarningAndRejection() {
        let output = Output()
        var lines: [String] = []
        var tally = ImportTally(interactive: false, clock: { output.now }, reportFile: { lines.append($0) }, report: { _ in })
        tally.add(
            .init(
                .imported(.created(mmsID: "991")),
                at: MARCPosition(recordIndex: 2, byteOffset: 1024),
                identifier: "ocm123",
                warnings: [Self.strayByte]
            )
        )
        tally.add(.init(.imported(.created(mmsID: "992")), at: MARCPosition(recordIndex: 3, byteOffset: 2048), identifier: "(X)1"))
        tally.add(
            .init(
                .rejected("data field 245 has \"odd\", data", field: "245", code: "invalidField"),
                at: MARCPosition(recordIndex: 4, byteOffset: 3000),
                identifier: "=1+2"
            )
        )
        tally.add(.init(.rejected("852 1: library NOWHERE does not exist."), at: MARCPosition(recordIndex: 5, line: 7)))
        #expect(
            lines == [
                "record,byte_offset,line,identifier,field,action,code,detail\r\n",
                "3,1100,,ocm123,752,repaired,invalidField,\"1 byte before the first subfield delimiter (0x1F) dropped: \"\"x\"\"\"\r\n",
                "5,3000,,'=1+2,245,rejected,invalidField,\"data field 245 has \"\"odd\"\", data\"\r\n",
                "6,,7,,,rejected,,852 1: library NOWHERE does not exist.\r\n",
            ]
        )
    }
}
