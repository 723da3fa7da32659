import Foundation
import GRDB
import HTTPTypes
import LecternSQLite
import LecternTesting
import Testing

/// A page of search results is read from each bib's published record, kept with its discovery
/// entry, and answers exactly as reading the bib, its holdings and its items does; entries
/// without one (indexed before entries kept it) or with a damaged one are read from the documents.
struct PrimoPublishedRecordTests {
    @Test func pagesAnswerTheSameFromPublishedRecordsAsFromTheDocuments() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let key = lectern.sandboxKey
            // Beside the demo catalogue, a bib with two holdings: one with an item in place and
            // one scanned in elsewhere, one with no items.
            let mmsID = try await client.create(CatalogFixture(title: "Sonder atlas"), key: key)
            let second = try await client.send(
                .post,
                "/almaws/v1/bibs/\(mmsID)/holdings",
                key: key,
                headers: [.contentType: "application/xml"],
                body: CatalogFixture.holdingXML("SCI")
            )
            #expect(second.status == 200, "\(second.text)")
            let list = try Wire.json(try await client.send(.get, "/almaws/v1/bibs/\(mmsID)/holdings?format=json", key: key).body)
            let holdingID = try #require(((list["holding"] as? [[String: Any]])?.first)?["holding_id"] as? String)
            let itemsPath = "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)/items?format=json"
            for barcode in ["SONDER-1", "SONDER-2"] {
                let item = #"{"item_data":{"barcode":"\#(barcode)","physical_material_type":{"value":"BOOK"},"base_status":{"value":"1"}}}"#
                let created = try await client.send(.post, itemsPath, key: key, headers: [.contentType: "application/json"], body: item)
                #expect(created.status == 200, "\(created.text)")
                guard barcode == "SONDER-2" else { continue }
                let itemID = try #require((try Wire.json(created.body)["item_data"] as? [String: Any])?["pid"] as? String)
                let scan = "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)/items/\(itemID)?op=scan&library=SCI&circ_desk=DEFAULT_CIRC_DESK"
                #expect(try await client.send(.post, scan, key: key).status == 200)
            }

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

            try await lectern.store.pool.write { try $0.execute(sql: "UPDATE discovery_display SET display = 'not a MARC record'") }
            for (search, expected) in zip(searches, published) {
                #expect(try await client.send(.get, search, key: key).text == expected, "damaged: \(search)")
            }
            try await lectern.store.pool.write { try $0.execute(sql: "DELETE FROM discovery_display") }
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
            let holdings = try Wire.json(try await client.send(.get, "/almaws/v1/bibs/\(mmsID)/holdings?format=json", key: key).body)
            let holdingID = try #require(((holdings["holding"] as? [[String: Any]])?.first)?["holding_id"] as? String)
            let item = #"{"item_data":{"barcode":"VELL-1","physical_material_type":{"value":"BOOK"},"base_status":{"value":"1"}}}"#
            let itemsPath = "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)/items?format=json"
            let created = try await client.send(.post, itemsPath, key: key, headers: [.contentType: "application/json"], body: item)
            #expect(created.status == 200, "\(created.text)")
            func availability() async throws -> [String]? {
                let found = try SearchResult(try await client.search("q=any,contains,vellichor", key: key))
                #expect(found.mmsIDs == [mmsID])
                return (found.docs.first?["delivery"] as? [String: Any])?["availability"] as? [String]
            }
            #expect(try await availability() == ["available_in_library"])

            // The item's document goes behind the catalogue's back: the published record, written
            // with the item, still shows it; without the published record, the documents answer.
            try await lectern.store.pool.write { try $0.execute(sql: "DELETE FROM documents WHERE kind = 'item'") }
            #expect(try await availability() == ["available_in_library"])
            try await lectern.store.pool.write { try $0.execute(sql: "DELETE FROM discovery_display") }
            #expect(try await availability() == ["check_holdings"])
        }
    }
}
