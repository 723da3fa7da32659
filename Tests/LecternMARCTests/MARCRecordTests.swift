import LecternMARC
import Testing

struct MARCRecordTests {
    @Test func recordsCompareByContent() {
        let a = MARCRecord(leader: "00000nam a2200000 a 4500", fields: [.control(tag: "001", value: "1")])
        #expect(a == MARCRecord(leader: "00000nam a2200000 a 4500", fields: [.control(tag: "001", value: "1")]))
    }
}
