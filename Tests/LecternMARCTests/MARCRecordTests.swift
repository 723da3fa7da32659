import LecternMARC
import Testing

struct MARCRecordTests {
    @Test func recordsCompareByContent() {
        let a = MARCRecord(leader: "00000nam a2200000 a 4500", fields: [.control(tag: "001", value: "1")])
        #expect(a == MARCRecord(leader: "00000nam a2200000 a 4500", fields: [.control(tag: "001", value: "1")]))
    }

    static let record = MARCRecord(
        leader: "00000nam a2200000 a 4500",
        fields: [
            .control(tag: "003", value: "OCoLC"),
            .control(tag: "008", value: "190312s2019"),
            .data(tag: "035", indicator1: " ", indicator2: " ", subfields: [.init("a", "(OCoLC)1"), .init("z", "(OCoLC)2")]),
            .data(tag: "035", indicator1: " ", indicator2: " ", subfields: [.init("a", "(CLU)3")]),
            .data(tag: "245", indicator1: "1", indicator2: "0", subfields: [.init("a", "Title :"), .init("b", "sub /")]),
            .data(tag: "650", indicator1: " ", indicator2: "0", subfields: [.init("a", "Cats."), .init("a", "Dogs.")]),
        ]
    )

    @Test func looksUpControlFieldsAndDataFields() {
        let record = Self.record
        #expect(record.controlField("008") == "190312s2019")
        #expect(record.controlField("001") == nil)
        #expect(record.controlField("035") == nil)
        #expect(record.dataFields("035").count == 2)
        #expect(record.dataFields("008").isEmpty)
        #expect(record.fields("003") == [.control(tag: "003", value: "OCoLC")])
        #expect(record.subfieldValues("035", "a") == ["(OCoLC)1", "(CLU)3"])
        #expect(record.subfieldValues("650", "a") == ["Cats.", "Dogs."])
        #expect(record.subfieldValues("008", "a").isEmpty)
        #expect(record.firstSubfieldValue("245", "b") == "sub /")
        #expect(record.firstSubfieldValue("245", "c") == nil)
        let title = record.dataFields("245")[0]
        #expect(title.tag == "245")
        #expect(!title.isControlField)
        #expect(title.value == nil)
        #expect(title.subfieldValue("a") == "Title :")
        #expect(title.subfields.map(\.code) == ["a", "b"])
        #expect(record.fields[0].value == "OCoLC")
        #expect(record.fields[0].subfields.isEmpty)
    }

    @Test func setControlFieldInsertsInTagOrder() {
        var record = Self.record
        record.setControlField("001", "991234567890123")
        #expect(record.fields.map(\.tag) == ["001", "003", "008", "035", "035", "245", "650"])
        #expect(record.controlField("001") == "991234567890123")
        record.setControlField("005", "20240101000000.0")
        #expect(record.fields.map(\.tag) == ["001", "003", "005", "008", "035", "035", "245", "650"])
    }

    @Test func setControlFieldReplacesTheFirstAndDropsDuplicates() {
        var record = MARCRecord(
            leader: "00000nam a2200000 a 4500",
            fields: [
                .control(tag: "001", value: "old"),
                .data(tag: "245", indicator1: "0", indicator2: "0", subfields: []),
                .control(tag: "001", value: "older"),
            ]
        )
        record.setControlField("001", "new")
        #expect(
            record.fields == [.control(tag: "001", value: "new"), .data(tag: "245", indicator1: "0", indicator2: "0", subfields: [])]
        )
    }

    @Test func setControlFieldOnAnEmptyRecordAndRemoveFields() {
        var record = MARCRecord(leader: "00000nam a2200000 a 4500")
        record.setControlField("001", "1")
        #expect(record.fields == [.control(tag: "001", value: "1")])
        var other = Self.record
        other.removeFields("035")
        #expect(other.fields.map(\.tag) == ["003", "008", "245", "650"])
    }
}
