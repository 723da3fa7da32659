import LecternDiscovery
import Testing

/// The reference semantics of a parsed query against indexed records.
struct PrimoQueryMatchingTests {
    static let normalizer = PNXNormalizer(institution: "01LECTERN_INST")
    let defoe = DiscoveryIndex(normalizer.record(bib: TestRecords.defoe, mmsID: TestRecords.defoeMMS))
    let tolstoy = DiscoveryIndex(normalizer.record(bib: TestRecords.tolstoy, mmsID: "990000000000002"))
    let video = DiscoveryIndex(normalizer.record(bib: TestRecords.video, mmsID: "4"))

    func matching(_ q: String) throws -> [String] {
        let query = try PrimoQuery(parsing: q)
        return [("defoe", defoe), ("tolstoy", tolstoy), ("video", video)].filter { query.matches($0.1) }.map(\.0)
    }

    @Test func contains() throws {
        #expect(try matching("any,contains,popcorn") == ["video"])
        #expect(try matching("any,contains,crusoe defoe") == ["defoe"])
        #expect(try matching("any,contains,fiction") == ["defoe", "tolstoy"])
        #expect(try matching("any,contains,fiction NOT castaways") == ["tolstoy"])
        #expect(try matching("any,contains,\"desert island\"") == ["defoe"])
        #expect(try matching("any,contains,\"island desert\"") == [])
        #expect(try matching("sub,contains,napoleonic") == ["tolstoy"])
        #expect(try matching("any,contains,maïs") == ["video"])
        #expect(try matching("any,contains,mais") == ["video"])
        #expect(try matching("any,contains,surviv*") == ["defoe"])
        #expect(try matching("any,contains,мир") == ["tolstoy"])
    }

    @Test func exactAndBeginsWith() throws {
        #expect(try matching("title,exact,\"War and peace\"") == ["tolstoy"])
        #expect(try matching("title,exact,War") == [])
        #expect(try matching("creator,begins_with,Tolst") == ["tolstoy"])
        // begins_with on title ignores the leading article, through the sort title.
        #expect(try matching("title,begins_with,life and strange") == ["defoe"])
        #expect(try matching("title,begins_with,The life") == ["defoe"])
        #expect(try matching("isbn,exact,0141439823") == ["defoe"])
    }

    @Test func clausesAndIDs() throws {
        #expect(try matching("title,contains,peace,OR;title,contains,popcorn,OR") == ["tolstoy", "video"])
        #expect(try matching("any,contains,fiction,NOT;creator,contains,tolstoy") == ["defoe"])
        #expect(try matching("any,contains,'alma991234567890123',OR") == ["defoe"])
        #expect(try matching("usertag,contains,anything") == [])
    }
}
