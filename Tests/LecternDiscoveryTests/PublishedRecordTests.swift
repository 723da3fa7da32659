import LecternDiscovery
import LecternMARC
import LecternStore
import Testing

/// The published record is all Primo reads of a hit: it must give back the record, the holdings
/// and the places' names it was published with, whatever the record holds.
struct PublishedRecordTests {
    static let holdings = [
        DiscoveryHolding(
            libraryCode: "MAIN",
            libraryName: "Bibliothèque principale",
            locationCode: "STACKS",
            locationName: "Stacks",
            callNumber: "PR3403 .A1 2003",
            availableItems: 1,
            totalItems: 2
        ),
        DiscoveryHolding(libraryCode: "SCI", libraryName: "", locationCode: "REF", locationName: "", availableItems: 0, totalItems: 0),
    ]

    /// The leader positions ISO 2709 keeps as given (it computes the lengths and addresses).
    static func keptLeader(_ record: MARCRecord) -> [Character] {
        let leader = Array(record.leader)
        return Array(leader[5...8] + leader[17...19])
    }

    @Test func aBibAndItsHoldingsReadBackWithThePlacesNames() throws {
        let published = PublishedRecord(record: TestRecords.defoe, holdings: Self.holdings)
        #expect(published.text.utf8.first.map { (0x30...0x39).contains($0) } == true, "ISO 2709 starts with the record length")
        let read = try #require(PublishedRecord(text: published.text))
        #expect(read.record.fields == TestRecords.defoe.fields)
        #expect(Self.keptLeader(read.record) == Self.keptLeader(TestRecords.defoe))
        #expect(read.holdings == Self.holdings)
    }

    @Test func anAssetWithoutHoldingsReadsBack() throws {
        let asset = MARCRecord(
            leader: "00000nab a2200000 i 4500",
            fields: [.control(tag: "001", value: "99100000011234"), field("245", "10", ("a", "Zygomorphic orchids"))]
        )
        let read = try #require(PublishedRecord(text: PublishedRecord(record: asset).text))
        #expect(read.record.fields == asset.fields)
        #expect(read.holdings.isEmpty)
    }

    @Test func aRecordISO2709CannotHoldIsPublishedAsXML() throws {
        var record = TestRecords.defoe
        record.fields.append(field("520", "  ", ("a", String(repeating: "long abstract ", count: 1_000))))
        let published = PublishedRecord(record: record, holdings: Self.holdings)
        #expect(published.text.hasPrefix("<record>"))
        let read = try #require(PublishedRecord(text: published.text))
        #expect(read == published)
    }

    @Test func theRecordsOwnAvailabilityFieldsAreNotPublished() throws {
        var record = TestRecords.defoe
        record.fields.append(field("AVA", "  ", ("b", "OLD"), ("j", "GONE"), ("f", "9"), ("g", "0")))
        let published = PublishedRecord(record: record, holdings: Self.holdings)
        #expect(published.record.fields == TestRecords.defoe.fields)
        #expect(PublishedRecord(text: published.text)?.holdings == Self.holdings)
    }

    @Test func theEntryDisplaysThePublishedRecord() {
        let published = PublishedRecord(record: TestRecords.defoe, holdings: Self.holdings)
        let entry = published.entry(id: TestRecords.defoeMMS, institution: "DEMO")
        let pnx = PNXNormalizer(institution: "DEMO").record(bib: TestRecords.defoe, mmsID: TestRecords.defoeMMS, holdings: Self.holdings)
        var expected = DiscoveryIndex(pnx).entry
        expected.display = published.text
        #expect(entry == expected)
    }

    @Test func anythingElseIsNotAPublishedRecord() throws {
        #expect(PublishedRecord(text: "not a MARC record") == nil)
        #expect(PublishedRecord(text: "<record><leader>short</leader></record>") == nil)
        // A holding without the places' names, as versions before them published it.
        var record = TestRecords.defoe
        record.fields.append(field("AVA", "  ", ("b", "MAIN"), ("j", "STACKS"), ("d", ""), ("f", "1"), ("g", "0")))
        let bytes = try ISO2709.encode(record)
        #expect(PublishedRecord(text: String(decoding: bytes, as: UTF8.self)) == nil)
    }
}
