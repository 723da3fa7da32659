import Foundation
import GRDB
import HTTPTypes
import LecternTesting
import Testing

@testable import LecternSQLite

/// A page of search results, and one record, are read from each hit's published record, kept
/// with its discovery entry: the catalogue publishes each bib with its holdings, Esploro each
/// approved asset, and Primo reads neither family's documents. An entry without a published
/// record (indexed before entries kept one) or with a damaged one is not shown.
struct PrimoPublishedRecordTests {
    @Test func pagesAnswerFromPublishedRecordsAndLeaveOutEntriesWithoutOne() async throws {
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

            // Still found, and counted, but not shown.
            var totals: [Int] = []
            for search in searches.dropLast() { totals.append(try SearchResult(try await client.send(.get, search, key: key)).total) }
            for (change, sql) in [
                ("damaged", "UPDATE discovery_display SET display = 'not a MARC record'"), ("unpublished", "DELETE FROM discovery_display"),
            ] {
                try await Self.execute(sql, in: lectern.store)
                for (search, total) in zip(searches, totals) {
                    let page = try SearchResult(try await client.send(.get, search, key: key))
                    #expect(page.total == total, "\(change): \(search)")
                    #expect(page.docs.isEmpty, "\(change): \(search)")
                }
                let record = try await client.send(.get, searches[2], key: key)
                #expect(record.status == 400, "\(change)")
                #expect(try Wire.xml(record.body).text("errorCode") == "RECORD_NOT_FOUND", "\(change)")
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
            // with the item, still shows it; without the published record, the bib is not shown.
            try await Self.execute("DELETE FROM documents WHERE kind = 'item'", in: lectern.store)
            #expect(try await availability() == ["available_in_library"])
            try await Self.execute("DELETE FROM discovery_display", in: lectern.store)
            let unpublished = try SearchResult(try await client.search("q=any,contains,vellichor", key: key))
            #expect(unpublished.total == 1)
            #expect(unpublished.docs.isEmpty)
        }
    }

    @Test func anAssetIsShownFromItsPublishedRecordNotItsDocument() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let key = lectern.sandboxKey
            let asset =
                #"{"title":"Petrichor of the Altiplano","resourcetype.esploro":"publication.journalArticle","#
                + #""identifier.doi":"10.5555/lectern.petrichor","date.published":"2023","#
                + #""creators":[{"order":"1","familyname":"Quispe","givenname":"Rosa"}],"links":[{"link.url":"https://example.org/petrichor"}]}"#
            let created = try await client.send(
                .post,
                "/esploro/v1/assets?is_draft=false",
                key: key,
                headers: [.accept: "application/json", .contentType: "application/json"],
                body: asset
            )
            #expect(created.status == 200, "\(created.text)")
            let records = try Wire.json(created.body)["records"] as? [[String: Any]]
            let id = try #require((records?.first?["originalRepository"] as? [String: Any])?["assetId"] as? String)
            let searches = [
                "/primo/v1/search?vid=DEMO:DEFAULT&tab=Everything&scope=MyInst_and_CI&q=any,contains,petrichor", "/primo/v1/pnxs/L/alma\(id)",
            ]
            var published: [String] = []
            for search in searches {
                let answer = try await client.send(.get, search, key: key)
                #expect(answer.status == 200)
                published.append(answer.text)
            }
            let found = try SearchResult(try await client.send(.get, searches[0], key: key))
            #expect(found.mmsIDs == [id])
            let delivery = try #require(found.docs.first?["delivery"] as? [String: Any])
            #expect(delivery["availability"] as? [String] == ["not_restricted"])

            // The asset's document goes behind Esploro's back: its published record still answers.
            try await Self.execute("DELETE FROM documents WHERE kind = 'asset'", in: lectern.store)
            for (search, expected) in zip(searches, published) {
                #expect(try await client.send(.get, search, key: key).text == expected, "\(search)")
            }
            try await Self.execute("DELETE FROM discovery_display", in: lectern.store)
            #expect(try SearchResult(try await client.send(.get, searches[0], key: key)).docs.isEmpty)
            #expect(try await client.send(.get, searches[1], key: key).status == 400)
        }
    }

    /// Runs `sql` in a transaction of the store's own, which waits for the server's (its request
    /// log writes after each answer): GRDB's `write` would meet one open on the same connection.
    static func execute(_ sql: String, in store: SQLiteStore) async throws {
        try await store.transaction { try await store.pool.writeWithoutTransaction { try $0.execute(sql: sql) } }
    }
}
