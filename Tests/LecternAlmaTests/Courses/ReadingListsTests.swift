import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// Reading lists and their owners over HTTP: create with defaults, read back, replace, copy,
/// the full view with citations, delete with everything it holds; and the refusals.
struct ReadingListsTests {
    @Test func aReadingListIsCreatedReadReplacedAndDeleted() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let reserves = Reserves(lectern: lectern, client: client)
            let course = try await reserves.course()
            let code = Reserves.code("RL")
            let body =
                #"{"code":"\#(code)","name":"Week 1","due_back_date":"2027-01-31Z","status":{"value":"BeingPrepared"},"publishingStatus":{"value":"PUBLISHED"},"visibility":{"value":"RESTRICTED"},"description":"Start here"}"#
            let created = try await reserves.json(.post, "/almaws/v1/courses/\(course)/reading-lists", json: body)
            let id = try #require(created["id"] as? String)
            #expect(Catalog.isCatalogID(id, prefix: "57"))
            let path = "/almaws/v1/courses/\(course)/reading-lists/\(id)"
            let list = try await reserves.json(.get, path)
            #expect(list["code"] as? String == code)
            #expect(list["name"] as? String == "Week 1")
            #expect(list["due_back_date"] as? String == "2027-01-31Z")
            #expect(list["status"] as? [String: String] == ["value": "BeingPrepared", "desc": "Being prepared"])
            #expect(list["publishingStatus"] as? [String: String] == ["value": "PUBLISHED", "desc": "Published"])
            #expect(list["visibility"] as? [String: String] == ["value": "RESTRICTED", "desc": "Anyone - restricted"])
            #expect(list["description"] as? String == "Start here")
            #expect((list["link"] as? String)?.hasSuffix(path) == true)

            let defaults = try await reserves.json(.get, "/almaws/v1/courses/\(course)/reading-lists/\(try await reserves.readingList(course))")
            #expect((defaults["status"] as? [String: String])?["value"] == "BeingPrepared")
            #expect((defaults["publishingStatus"] as? [String: String])?["value"] == "DRAFT")

            let replaced = try await reserves.json(.put, path, json: #"{"code":"\#(code)","name":"Week 1 (revised)","status":{"value":"Complete"}}"#)
            #expect(replaced["name"] as? String == "Week 1 (revised)")
            #expect(replaced["due_back_date"] == nil)
            #expect((replaced["publishingStatus"] as? [String: String])?["value"] == "DRAFT")

            let lists = try await reserves.json(.get, "/almaws/v1/courses/\(course)/reading-lists")
            #expect(lists["total_record_count"] as? Int == 2)
            let xml = try Wire.xml(try await client.send(.get, "/almaws/v1/courses/\(course)/reading-lists", key: reserves.key).body)
            #expect(xml.root == "reading_lists")
            #expect(xml.rootAttributes["total_record_count"] == "2")

            // The full view holds the citations; a copy takes them along.
            let mmsID = try await reserves.bib()
            _ = try await reserves.json(.post, "\(path)/citations", json: Reserves.citationOf(mmsID))
            let full = try await reserves.json(.get, "\(path)?view=full")
            #expect(((full["citations"] as? [String: Any])?["citation"] as? [Any])?.count == 1)
            let courseFull = try await reserves.json(.get, "/almaws/v1/courses/\(course)?view=full")
            let embedded = try #require((courseFull["reading_lists"] as? [String: Any])?["reading_list"] as? [[String: Any]])
            #expect(embedded.count == 2)
            #expect(embedded.contains { (($0["citations"] as? [String: Any])?["citation"] as? [Any])?.count == 1 })
            let copy = try await reserves.json(
                .post,
                "/almaws/v1/courses/\(course)/reading-lists?copy_id=\(id)",
                json: #"{"code":"\#(code)-copy","name":"Copy"}"#
            )
            let copyID = try #require(copy["id"] as? String)
            let copied = try await reserves.json(.get, "/almaws/v1/courses/\(course)/reading-lists/\(copyID)/citations")
            #expect(copied["total_record_count"] as? Int == 1)
            #expect(((copied["citation"] as? [[String: Any]])?.first?["metadata"] as? [String: Any])?["mms_id"] as? String == mmsID)

            #expect(try await reserves.send(.delete, path).status == 204)
            #expect(Reserves.errorCode(try await reserves.send(.get, path)) == "401915")
            #expect(Reserves.errorCode(try await reserves.send(.get, "\(path)/citations")) == "401915")
            #expect(
                try await reserves.json(.get, "/almaws/v1/courses/\(course)/reading-lists/\(copyID)/citations")["total_record_count"] as? Int == 1
            )
        }
    }

    @Test func refusalsHaveTheDocumentedCodesAndWriteNothing() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let reserves = Reserves(lectern: lectern, client: client)
            let course = try await reserves.course()
            let lists = "/almaws/v1/courses/\(course)/reading-lists"
            let taken = Reserves.code("RL")
            _ = try await reserves.readingList(course, code: taken)
            let cases: [(String, String)] = [
                (#"{"name":"No code"}"#, "401909"),
                (#"{"code":"\#(Reserves.code())"}"#, "401909"),
                (#"{"code":"\#(taken)","name":"Twin"}"#, "401006"),
                (#"{"code":"\#(Reserves.code())","name":"N","status":{"value":"Lost"}}"#, "401666"),
                (#"{"code":"\#(Reserves.code())","name":"N","visibility":{"value":"SECRET"}}"#, "401666"),
                (#"{"code":"\#(Reserves.code())","name":"N","due_back_date":"tomorrow"}"#, "401666"),
                (#"{"code":"\#(Reserves.code())","name":"N","order":-1}"#, "401666"),
            ]
            for (body, expected) in cases {
                let answer = try await reserves.send(.post, lists, json: body)
                #expect(Reserves.errorCode(answer) == expected, "\(body): \(answer.text)")
            }
            #expect(
                Reserves.errorCode(try await reserves.send(.post, "\(lists)?copy_id=57000", json: #"{"code":"\#(Reserves.code())","name":"N"}"#))
                    == "401666"
            )
            #expect(
                Reserves.errorCode(try await reserves.send(.post, "/almaws/v1/courses/27000/reading-lists", json: #"{"code":"A","name":"B"}"#))
                    == "401914"
            )
            #expect(try await reserves.json(.get, lists)["total_record_count"] as? Int == 1)
        }
    }

    @Test func ownersAreUsersOfTheInstitution() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let reserves = Reserves(lectern: lectern, client: client)
            let teacher = try await reserves.instructor()
            let course = try await reserves.course()
            let owners = "/almaws/v1/courses/\(course)/reading-lists/\(try await reserves.readingList(course))/owners"
            let added = try await reserves.json(.post, owners, json: #"{"primary_id":"\#(teacher.id)"}"#)
            #expect(added["full_name"] as? String == "\(teacher.first) \(teacher.last)")
            #expect(added["access_rights"] as? [String: String] == ["value": "FULL", "desc": "Full edit"])
            let changed = try await reserves.json(.put, "\(owners)/\(teacher.id)", json: #"{"access_rights":{"value":"READ"}}"#)
            #expect((changed["access_rights"] as? [String: String])?["value"] == "READ")
            #expect(((try await reserves.json(.get, "\(owners)/\(teacher.id)"))["access_rights"] as? [String: String])?["value"] == "READ")
            #expect(try await reserves.json(.get, owners)["total_record_count"] as? Int == 1)
            #expect(Reserves.errorCode(try await reserves.send(.post, owners, json: #"{"primary_id":"nobody-at-all"}"#)) == "401666")
            #expect(
                Reserves.errorCode(try await reserves.send(.put, "\(owners)/nobody-at-all", json: #"{"access_rights":{"value":"READ"}}"#)) == "401666"
            )
            #expect(
                Reserves.errorCode(try await reserves.send(.post, owners, json: #"{"primary_id":"\#(teacher.id)","access_rights":{"value":"GOD"}}"#))
                    == "401666"
            )
            #expect(try await reserves.send(.delete, "\(owners)/\(teacher.id)").status == 204)
            #expect(try await reserves.json(.get, owners)["total_record_count"] as? Int == 0)
        }
    }
}
