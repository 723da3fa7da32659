import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// Citations over HTTP: of a catalogue title (described by the bib, with its availability) or
/// with their own description; tags; the file removed; a cited bib deleted; and the refusals.
struct CitationsTests {
    @Test func aCitationOfATitleShowsItsDescriptionAndAvailability() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let reserves = Reserves(lectern: lectern, client: client)
            let counter = Counter(lectern: lectern, client: client)
            let shelf = try await counter.shelf(items: 2)
            let course = try await reserves.course()
            let citations = "/almaws/v1/courses/\(course)/reading-lists/\(try await reserves.readingList(course))/citations"
            let created = try await reserves.json(.post, citations, json: Reserves.citationOf(shelf.mmsID))
            let id = try #require(created["id"] as? String)
            #expect(Catalog.isCatalogID(id, prefix: "58"))
            let citation = try await reserves.json(.get, "\(citations)/\(id)")
            #expect(citation["status"] as? [String: String] == ["value": "Complete", "desc": "Complete"])
            #expect(citation["copyrights_status"] as? [String: String] == ["value": "NOTREQUIRED", "desc": "Not required"])
            #expect(citation["type"] as? [String: String] == ["value": "BK", "desc": "Physical Book"])
            #expect((citation["secondary_type"] as? [String: String])?["value"] == "BK")
            let metadata = try #require(citation["metadata"] as? [String: Any])
            #expect(metadata["mms_id"] as? String == shelf.mmsID)
            #expect(metadata["title"] as? String == "Introduction to algorithms /")
            #expect((citation["link"] as? String)?.hasSuffix("\(citations)/\(id)") == true)
            var holdings = try #require(citation["holding_availability"] as? [[String: Any]])
            #expect(holdings.count == 1)
            #expect(holdings.first?["library"] as? [String: String] == ["value": "MAIN", "desc": "Main Library"])
            #expect(holdings.first?["availability"] as? String == "available")
            #expect(holdings.first?["total_items"] as? Int == 2)
            #expect(holdings.first?["available_items"] as? Int == 2)

            // Lent out, the title shows one item fewer on the shelf.
            _ = try await counter.borrow(shelf.items[0], by: try await counter.borrower())
            holdings = try #require(try await reserves.json(.get, "\(citations)/\(id)")["holding_availability"] as? [[String: Any]])
            #expect(holdings.first?["available_items"] as? Int == 1)
            let xml = try Wire.xml(try await client.send(.get, citations, key: reserves.key).body)
            #expect(xml.root == "citations")
            #expect(xml.paths.contains("citations/citation/availability/holding_availability/available_items"))
            #expect(xml.paths.contains("citations/citation/metadata/mms_id"))
        }
    }

    @Test func aCitationWithItsOwnDescriptionTagsAndFile() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let reserves = Reserves(lectern: lectern, client: client)
            let course = try await reserves.course()
            let citations = "/almaws/v1/courses/\(course)/reading-lists/\(try await reserves.readingList(course))/citations"
            let body = """
                {"status":{"value":"BeingPrepared"},"secondary_type":{"value":"CR"},\
                "metadata":{"article_title":"On reserves","journal_title":"Library Quarterly","author":"Ng, K.","volume":"12","year":"2024"},\
                "public_note":"Read before week 2","source1":"syllabus","file_link":"https://files.demo.edu/ng.pdf",\
                "section_info":{"name":"Week 2","visibility":false},\
                "citation_tags":{"citation_tag":[{"value":{"value":"ESSENTIAL"},"type":{"value":"PRIVATE"}},{"value":{"value":"DIGITIZED"}}]}}
                """
            let created = try await reserves.json(.post, citations, json: body)
            let path = "\(citations)/\(try #require(created["id"] as? String))"
            let citation = try await reserves.json(.get, path)
            let metadata = try #require(citation["metadata"] as? [String: Any])
            #expect(metadata["article_title"] as? String == "On reserves")
            #expect(metadata["mms_id"] == nil)
            #expect(citation["public_note"] as? String == "Read before week 2")
            #expect(citation["source1"] as? String == "syllabus")
            #expect((citation["section_info"] as? [String: Any])?["visibility"] as? Bool == false)
            #expect(citation["holding_availability"] == nil)

            let tags = try await reserves.json(.get, "\(path)/tags")
            let tagList = try #require(tags["citation_tag"] as? [[String: Any]])
            #expect(tagList.count == 2)
            #expect(tagList[0]["value"] as? [String: String] == ["value": "ESSENTIAL", "desc": "Essential"])
            #expect(tagList[0]["type"] as? [String: String] == ["value": "PRIVATE", "desc": "Private"])
            #expect((tagList[1]["type"] as? [String: String])?["value"] == "PUBLIC")
            let replaced = try await reserves.json(.put, "\(path)/tags", json: #"{"citation_tag":[{"value":{"value":"OPTIONAL"}}]}"#)
            #expect(((replaced["citation_tag"] as? [[String: Any]])?.first?["value"] as? [String: String])?["value"] == "OPTIONAL")
            let cleared = try await reserves.json(.put, "\(path)/tags", json: #"{"citation_tag":[]}"#)
            #expect((cleared["citation_tag"] as? [Any])?.isEmpty == true)
            #expect(
                Reserves.errorCode(try await reserves.send(.put, "\(path)/tags", json: #"{"citation_tag":[{"value":{"value":"NOPE"}}]}"#)) == "401666"
            )

            let withoutFile = try await reserves.json(.post, "\(path)?op=remove_file")
            #expect(withoutFile["file_link"] == nil)
            #expect(Reserves.errorCode(try await reserves.send(.post, "\(path)?op=shred")) == "401666")

            let updated = try await reserves.json(.put, path, json: #"{"status":{"value":"Complete"},"metadata":{"title":"A book now"}}"#)
            #expect((updated["metadata"] as? [String: Any])?["title"] as? String == "A book now")
            #expect(updated["public_note"] == nil)
            #expect(try await reserves.send(.delete, path).status == 204)
            #expect(Reserves.errorCode(try await reserves.send(.get, path)) == "401916")
        }
    }

    @Test func aCitationOfADeletedBibKeepsItsDescription() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let reserves = Reserves(lectern: lectern, client: client)
            let mmsID = try await reserves.bib(title: "Soon gone /")
            let course = try await reserves.course()
            let citations = "/almaws/v1/courses/\(course)/reading-lists/\(try await reserves.readingList(course))/citations"
            let id = try #require(try await reserves.json(.post, citations, json: Reserves.citationOf(mmsID))["id"] as? String)
            #expect(try await client.send(.delete, "/almaws/v1/bibs/\(mmsID)", key: reserves.key).status == 204)
            let citation = try await reserves.json(.get, "\(citations)/\(id)")
            let metadata = try #require(citation["metadata"] as? [String: Any])
            #expect(metadata["title"] as? String == "Soon gone /")
            #expect(metadata["mms_id"] == nil)
            #expect(citation["holding_availability"] == nil)
            #expect(try await reserves.json(.get, citations)["total_record_count"] as? Int == 1)
        }
    }

    @Test func refusalsHaveTheDocumentedCodesAndWriteNothing() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let reserves = Reserves(lectern: lectern, client: client)
            let course = try await reserves.course()
            let list = try await reserves.readingList(course)
            let citations = "/almaws/v1/courses/\(course)/reading-lists/\(list)/citations"
            let cases: [(String, String)] = [
                (#"{"id":"58123","status":{"value":"Complete"},"metadata":{"title":"T"}}"#, "401908"),
                (#"{"metadata":{"title":"T"}}"#, "401922"),
                (#"{"status":{"value":"Complete"},"metadata":{"author":"A"}}"#, "401923"),
                (#"{"status":{"value":"Complete"},"secondary_type":{"value":"CR"},"metadata":{"journal_title":"J"}}"#, "401924"),
                (#"{"status":{"value":"Complete"},"secondary_type":{"value":"CR"},"metadata":{"article_title":"A","chapter":"3"}}"#, "401913"),
                (#"{"status":{"value":"Complete"},"metadata":{"mms_id":"99000000000"}}"#, "401666"),
                (#"{"status":{"value":"Lost"},"metadata":{"title":"T"}}"#, "401666"),
                (#"{"status":{"value":"Complete"},"type":{"value":"ZZ"},"metadata":{"title":"T"}}"#, "401666"),
                (#"{"status":{"value":"Complete"},"metadata":{"title":"T"},"section_info":{"visibility":"perhaps"}}"#, "401666"),
            ]
            for (body, expected) in cases {
                let answer = try await reserves.send(.post, citations, json: body)
                #expect(Reserves.errorCode(answer) == expected, "\(body): \(answer.text)")
            }
            #expect(try await reserves.json(.get, citations)["total_record_count"] as? Int == 0)
            let other = try await reserves.course()
            let elsewhere = "/almaws/v1/courses/\(other)/reading-lists/\(list)/citations"
            #expect(Reserves.errorCode(try await reserves.send(.get, elsewhere)) == "401915")
            #expect(Reserves.errorCode(try await reserves.send(.get, "\(citations)/58000")) == "401916")
            #expect(Reserves.errorCode(try await reserves.send(.get, "\(citations)/58000/tags")) == "401916")
        }
    }
}
