import LecternMARC
import Testing

struct ISO2709ReaderTests {
    let good = ISO2709Tests.smallRecordBytes  // 64 bytes
    let record = ISO2709Tests.smallRecord

    /// Successes as (index, offset), failures as (index, offset, code), in order.
    func outline(_ bytes: [UInt8]) -> [String] {
        ISO2709Reader(bytes).map { result in
            switch result {
            case .success(let read):
                "record \(read.position.recordIndex ?? -1) at \(read.position.byteOffset ?? -1)"
            case .failure(let error):
                "error \(error.position?.recordIndex ?? -1) at \(error.position?.byteOffset ?? -1): \(error.code)"
            }
        }
    }

    @Test func yieldsRecordsWithIndexAndByteOffset() {
        let results = Array(ISO2709Reader(good + good + good))
        #expect(outline(good + good + good) == ["record 0 at 0", "record 1 at 64", "record 2 at 128"])
        for result in results {
            #expect((try? result.get().record) == record)
        }
    }

    @Test func skipsLineBreaksBetweenRecords() {
        let bytes = good + bytes("\r\n") + good + bytes("\n")
        #expect(outline(bytes) == ["record 0 at 0", "record 1 at 66"])
    }

    @Test func emptyInputHasNoRecords() {
        #expect(outline([]).isEmpty)
        #expect(outline(bytes("\n\n")).isEmpty)
    }

    @Test func badLengthInTheMiddleLosesOnlyThatRecord() {
        var middle = good
        middle[2] = UInt8(ascii: "x")
        #expect(outline(good + middle + good) == ["record 0 at 0", "error 1 at 64: invalidLeader", "record 2 at 128"])
    }

    @Test func badDirectoryInTheMiddleLosesOnlyThatRecord() {
        var middle = good
        middle[30] = UInt8(ascii: "x")  // inside directory entry 0's length
        #expect(outline(good + middle + good) == ["record 0 at 0", "error 1 at 64: invalidDirectory", "record 2 at 128"])
    }

    @Test func recordWithBytesMissingLosesOnlyThatRecord() {
        // 20 bytes cut from the middle: the length no longer ends on the record terminator.
        let middle = Array(good[0..<30] + good[50...])
        #expect(outline(good + middle + good) == ["record 0 at 0", "error 1 at 64: invalidLeader", "record 2 at 108"])
    }

    @Test func recordCutShortBeforeItsTerminatorDoesNotTakeTheNextOne() {
        // The tail, terminator included, is lost: the next record's leader is found again.
        let middle = Array(good[0..<40])
        #expect(outline(good + middle + good) == ["record 0 at 0", "error 1 at 64: invalidLeader", "record 2 at 104"])
    }

    @Test func garbageBeforeARecordIsOneError() {
        #expect(outline(bytes("hello, world") + good) == ["error 0 at 0: invalidLeader", "record 1 at 12"])
    }

    @Test func truncatedLastRecordIsReportedAtItsOffset() {
        let results = Array(ISO2709Reader(good + good[0..<50]))
        #expect(results.count == 2)
        guard case .failure(let error) = results.last else {
            Issue.record("expected an error, got \(results)")
            return
        }
        #expect(error.code == .truncated)
        #expect(error.position == MARCPosition(recordIndex: 1, byteOffset: 64))
        #expect(error.description == "record 1 (byte 64): the input ends 50 bytes into a record of 64 bytes (leader/00-04)")
    }

    @Test func aMARC8RecordIsReadAmongUTF8OnesAndAnUnknownCodingIsFlagged() {
        var marc8 = good
        marc8[9] = UInt8(ascii: " ")
        var unknown = good
        unknown[9] = UInt8(ascii: "z")
        #expect(
            outline(good + marc8 + unknown + good) == ["record 0 at 0", "record 1 at 64", "error 2 at 128: unsupportedEncoding", "record 3 at 192"]
        )
    }

    @Test func readerAdvancesOffsetAndIndex() {
        var reader = ISO2709Reader(good + good)
        _ = reader.next()
        #expect(reader.offset == 64)
        #expect(reader.recordIndex == 1)
        _ = reader.next()
        #expect(reader.next() == nil)
        #expect(reader.offset == 128)
    }
}
