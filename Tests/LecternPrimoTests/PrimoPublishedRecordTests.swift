import Foundation
import GRDB
import HTTPTypes
import LecternTesting
import Testing

@testable import LecternSQLite

/// A page of search results is read from each bib's published record, kept with its discovery
/// entry, and answers exactly as reading the bib, its holdings and its items does; entries
/// without one (indexed before entries kept it) or with a damaged one are read from the documents.
struct PrimoPublishedRecordTests {
    @Test func pagesAnswerTheSameFromPublishedRecordsAsFromTheDocuments() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let key = lectern.sandboxKey
            // Beside the demo catalogue, a bib with two holdings: one with two items, one in
            // place and one scanned in elsewhere; the other with none.
            let mmsID = try await client.create(CatalogFixture(title: "Sonder atlas"), key: key)
            try await client.addHolding(in: "SCI", to: mmsID, key: key)
            let holdingID = try await client.firstHoldingID(of: mmsID, key: key)
            _ = try await client.createItem("SONDER-1", bib: mmsID, holding: holdingID, key: key)
            let elsewhere = try await client.createItem("SONDER-2", bib: mmsID, holding: holdingID, key: key)
            try await client.scanAtAnotherLibrary(elsewhere, bib: mmsID, holding: holdingID, key: key)

            let view = "/primo/v1/search?vid=DEMO:DEFAULT&tab=Everything&scope=MyInst_and_CI"
            let searches = ["\(view)&q=any,contains,the&limit=50", "\(view)&q=any,contains,sonder", "/primo/v1/pnxs/L/alma\(mmsID)"]
            var published: [String] = []
            for search in searches {
                let answer = try await client.send(.get, search, key: key)
                #expect(answer.status == 200)
                published.append(answer.text)
            }
            let demo = try SearchResult(try await client.send(.get, searches[0], key: key)).docs
            #expect(demo.count >= 20)
            let sonder = try #require(try SearchResult(try await client.send(.get, searches[1], key: key)).docs.first)
            let delivery = try #require(sonder["delivery"] as? [String: Any])
            #expect((delivery["holding"] as? [[String: Any]])?.map { $0["availabilityStatus"] as? String } == ["available", "check_holdings"])
            let kept = try await lectern.store.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM discovery_display") ?? 0 }
            #expect(kept >= demo.count + 1)

            try await Self.execute("UPDATE discovery_display SET display = 'not a MARC record'", in: lectern.store)
            for (search, expected) in zip(searches, published) {
                #expect(try await client.send(.get, search, key: key).text == expected, "damaged: \(search)")
            }
            try await Self.execute("DELETE FROM discovery_display", in: lectern.store)
            for (search, expected) in zip(searches, published) {
                #expect(try await client.send(.get, search, key: key).text == expected, "unpublished: \(search)")
            }
        }
    }

    @Test func aPageReadsThePublishedRecordNotTheDocuments() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let key = lectern.sandboxKey
            let mmsID = try await client.create(CatalogFixture(title: "Vellichor almanac"), key: key)
            let holdingID = try await client.firstHoldingID(of: mmsID, key: key)
            _ = try await client.createItem("VELL-1", bib: mmsID, holding: holdingID, key: key)
            func availability() async throws -> [String]? {
                let found = try SearchResult(try await client.search("q=any,contains,vellichor", key: key))
                #expect(found.mmsIDs == [mmsID])
                return (found.docs.first?["delivery"] as? [String: Any])?["availability"] as? [String]
            }
            #expect(try await availability() == ["available_in_library"])

            // The item's document goes behind the catalogue's back: the published record, written
            // with the item, still shows it; without the published record, the documents answer.
            try await Self.execute("DELETE FROM documents WHERE kind = 'item'", in: lectern.store)
            #expect(try await availability() == ["available_in_library"])
            try await Self.execute("DELETE FROM discovery_display", in: lectern.store)
            #expect(try await availability() == ["check_holdings"])
        }
    }

    /// Runs `sql` in a transaction of the store's own, which waits for the server's (its request
    /// log writes after each answer): GRDB's `write` would meet one open on the same connection.
    static func execute(_ sql: String, in store: SQLiteStore) async throws {
        try await store.transaction { try await store.pool.writeWithoutTransaction { try $0.execute(sql: sql) } }
    }
}
