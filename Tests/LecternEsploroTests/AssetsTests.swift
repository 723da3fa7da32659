import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// `/esploro/v1/assets` over HTTP: JSON only, no DELETE, shaped like the recorded answer.
struct AssetsTests {
    typealias Fixtures = EsploroFixtures

    static let newAsset = """
        {"records":[{"title":"Compiling for the analytical engine","resourcetype.esploro":"publication.journalArticle",
        "identifier.doi":"10.5555/lectern.test.1","date.published":"2025","publisher":"Demo University Press",
        "creators":[{"order":"1","creatorname":"Ada Lovelace","familyname":"Lovelace","givenname":"Ada","user.primaryId":"ada"}],
        "links":[{"link.url":"https://example.org/1","link.type":"published","link.order":1}],
        "keywords":[{"language":"eng","values":["engines"]}],"openaccess":"yes","local.fields":{"local.note1":"kept"}}]}
        """

    @Test func assetsByIDAreShapedLikeTheRecording() async throws {
        let lectern = try await TestLectern.make()
        let recorded = try Fixtures.recordedAsset()
        let recordedKeys = Set(recorded.keys)
        let recordedCreatorKeys = Set(((recorded["creators"] as? [[String: Any]]) ?? []).flatMap(\.keys))
        try await lectern.withClient { client in
            let some = try await client.send(.get, "/esploro/v1/assets?org_code=DEPT_CS&limit=2", key: lectern.sandboxKey)
            #expect(some.status == 200, "\(some.text)")
            #expect(some.headers[.contentType] == "application/json;charset=UTF-8")
            let ids = try Fixtures.records(some).compactMap { ($0["originalRepository"] as? [String: Any])?["assetId"] as? String }
            #expect(ids.count == 2)
            let both = try await client.send(.get, "/esploro/v1/assets/\(ids.joined(separator: ","))", key: lectern.sandboxKey)
            #expect(try Fixtures.total(both) == 2)
            for record in try Fixtures.records(both) {
                // Every key is one the recording has, or one the data dictionary documents.
                let documented: Set<String> = ["local.fields", "affiliated", "affiliation"]
                #expect(Set(record.keys).subtracting(recordedKeys).subtracting(documented).isEmpty, "\(Set(record.keys).subtracting(recordedKeys))")
                let creators = try #require(record["creators"] as? [[String: Any]])
                #expect(Set(creators.flatMap(\.keys)).subtracting(recordedCreatorKeys).subtracting(documented).isEmpty)
                #expect((record["identifier.doi"] as? String)?.hasPrefix("10.5555/") == true)
                #expect((record["resourceTypeEsploroWithDesc"] as? [String: Any])?["desc"] is String)
                #expect(record["keywords"] is [[String: Any]])
                #expect(record["description.abstract"] is [[String: Any]])
            }
        }
    }

    @Test func createFindByDOIPatchAndPutLoseNothing() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let created = try await client.send(.post, "/esploro/v1/assets", key: lectern.sandboxKey, headers: Fixtures.jsonBody, body: Self.newAsset)
            #expect(created.status == 200, "\(created.text)")
            let record = try #require(try Fixtures.records(created).first)
            let id = try #require((record["originalRepository"] as? [String: Any])?["assetId"] as? String)
            #expect(id.hasPrefix("99"))
            #expect((record["depositStatusWithDesc"] as? [String: Any])?["value"] as? String == "draft")

            let byDOI = try await client.send(.get, "/esploro/v1/assets?doi=10.5555/LECTERN.TEST.1", key: lectern.sandboxKey)
            #expect(try Fixtures.total(byDOI) == 1)
            let byCreator = try await client.send(.get, "/esploro/v1/assets?user_primary_id=ada", key: lectern.sandboxKey)
            #expect(try Fixtures.total(byCreator) == 1)

            let add =
                #"{"records":[{"identifier.pmid":"12345","date.published":"1999","links":[{"link.url":"https://example.org/2","link.type":"other"}]}]}"#
            let added = try await client.send(
                .post,
                "/esploro/v1/assets/\(id)?op=patch&action=add",
                key: lectern.sandboxKey,
                headers: Fixtures.jsonBody,
                body: add
            )
            #expect(added.status == 200, "\(added.text)")
            let afterAdd = try #require(try Fixtures.records(added).first)
            #expect(afterAdd["identifier.pmid"] as? String == "12345")
            #expect(afterAdd["date.published"] as? String == "2025")  // add keeps a simple field that has a value
            #expect((afterAdd["links"] as? [Any])?.count == 2)

            let replace = #"{"records":[{"date.published":"202601","links":[{"link.url":"https://example.org/3"}]}]}"#
            let replaced = try await client.send(
                .post,
                "/esploro/v1/assets/\(id)?op=patch&action=replace",
                key: lectern.sandboxKey,
                headers: Fixtures.jsonBody,
                body: replace
            )
            let afterReplace = try #require(try Fixtures.records(replaced).first)
            #expect(afterReplace["date.published"] as? String == "202601")
            #expect((afterReplace["links"] as? [[String: Any]])?.map { $0["link.url"] as? String } == ["https://example.org/3"])

            let notPatchable = #"{"records":[{"title":"A new title"}]}"#
            let refused = try await client.send(
                .post,
                "/esploro/v1/assets/\(id)?op=patch",
                key: lectern.sandboxKey,
                headers: Fixtures.jsonBody,
                body: notPatchable
            )
            #expect(refused.status == 400)
            #expect(try Fixtures.errorCode(refused) == "401711")

            // PUT the record as read, with a change and a key Lectern does not know: all of it comes back.
            var full = afterReplace
            full["title"] = "Compiling for the difference engine"
            full["x.custom"] = ["anything": [1, 2, 3]]
            let put = try await client.send(
                .put,
                "/esploro/v1/assets/\(id)",
                key: lectern.sandboxKey,
                headers: Fixtures.jsonBody,
                body: try Fixtures.serialized(["records": [full]])
            )
            #expect(put.status == 200, "\(put.text)")
            let read = try #require(try Fixtures.records(try await client.send(.get, "/esploro/v1/assets/\(id)", key: lectern.sandboxKey)).first)
            #expect(try Fixtures.serialized(read) == (try Fixtures.serialized(full)))
        }
    }

    @Test func deleteIsRefusedAndTheAssetStays() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let created = try await client.send(
                .post,
                "/esploro/v1/assets?is_draft=false",
                key: lectern.sandboxKey,
                headers: Fixtures.jsonBody,
                body: Self.newAsset
            )
            let id = try #require((try Fixtures.records(created).first?["originalRepository"] as? [String: Any])?["assetId"] as? String)
            let delete = try await client.send(.delete, "/esploro/v1/assets/\(id)", key: lectern.sandboxKey)
            #expect(delete.status == 400)
            #expect(try Wire.xml(delete.body).text("errorCode") == "UNAUTHORIZED")
            let still = try await client.send(.get, "/esploro/v1/assets/\(id)", key: lectern.sandboxKey)
            #expect(try Fixtures.total(still) == 1)
            #expect((try Fixtures.records(still).first?["depositStatusWithDesc"] as? [String: Any])?["value"] as? String == "approved")
        }
    }

    @Test func xmlIsRefusedWithAJSONError() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let body = "<records><record><title>x</title></record></records>"
            let posted = try await client.send(.post, "/esploro/v1/assets", key: lectern.sandboxKey, headers: Fixtures.xmlBody, body: body)
            #expect(posted.status == 400)
            #expect(posted.headers[.contentType] == "application/json;charset=UTF-8")
            #expect(try Fixtures.errorCode(posted) == "401711")
            let asXML = try await client.send(.get, "/esploro/v1/assets?doi=10.5555/demo.2010.10005&format=xml", key: lectern.sandboxKey)
            #expect(asXML.status == 400)
            #expect(try Fixtures.errorCode(asXML) == "401711")
        }
    }

    @Test(arguments: [
        ("/esploro/v1/assets", "401711"),
        ("/esploro/v1/assets?doi=not-a-doi", "401652"),
        ("/esploro/v1/assets?update_date_from=2024/01/01", "402711"),
        ("/esploro/v1/assets?open_access=maybe", "401652"),
        ("/esploro/v1/assets/abc", "401714"),
        ("/esploro/v1/assets/9911111111111", "402712"),
        ("/esploro/v1/assets/1,,", "401714"),
    ])
    func badQueriesAnswerTheDocumentedCodes(uri: String, code: String) async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer = try await client.send(.get, uri, key: lectern.sandboxKey)
            #expect(answer.status == 400)
            #expect(try Fixtures.errorCode(answer) == code)
        }
    }

    @Test(arguments: [
        ("{\"records\": [", "401711"),
        ("[1, 2]", "401711"),
        ("{\"records\":[{\"resourcetype.esploro\":\"publication.book\"}]}", "401664"),
        ("{\"title\":\"t\",\"resourcetype.esploro\":\"publication.nothing\"}", "401711"),
        ("{\"title\":\"t\",\"resourcetype.esploro\":\"publication.book\",\"identifier.doi\":\"doi:10.1/x\"}", "401711"),
        ("{\"title\":\"t\",\"resourcetype.esploro\":\"publication.book\",\"creators\":\"Ada\"}", "401711"),
        ("{\"title\":\"t\",\"resourcetype.esploro\":\"publication.book\",\"date.published\":\"May 2020\"}", "401711"),
    ])
    func badBodiesAreRefusedAndNothingIsWritten(body: String, code: String) async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let before = try Fixtures.total(
                try await client.send(.get, "/esploro/v1/assets?update_date_from=2000-01-01&limit=0", key: lectern.sandboxKey)
            )
            let answer = try await client.send(.post, "/esploro/v1/assets", key: lectern.sandboxKey, headers: Fixtures.jsonBody, body: body)
            #expect(answer.status == 400)
            #expect(try Fixtures.errorCode(answer) == code)
            let after = try Fixtures.total(
                try await client.send(.get, "/esploro/v1/assets?update_date_from=2000-01-01&limit=0", key: lectern.sandboxKey)
            )
            #expect(after == before)
        }
    }

    @Test func aSecondAssetWithTheSameDOIIsRefusedWhollyInABatch() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            #expect(
                try await client.send(.post, "/esploro/v1/assets", key: lectern.sandboxKey, headers: Fixtures.jsonBody, body: Self.newAsset).status
                    == 200
            )
            let batch =
                #"{"records":[{"title":"Fresh","resourcetype.esploro":"dataset.dataset","identifier.doi":"10.5555/lectern.test.2"},"#
                + #"{"title":"Again","resourcetype.esploro":"dataset.dataset","identifier.doi":"10.5555/lectern.test.1"}]}"#
            let answer = try await client.send(.post, "/esploro/v1/assets", key: lectern.sandboxKey, headers: Fixtures.jsonBody, body: batch)
            #expect(answer.status == 400)
            #expect(try Fixtures.total(try await client.send(.get, "/esploro/v1/assets?doi=10.5555/lectern.test.2", key: lectern.sandboxKey)) == 0)
        }
    }

    @Test func filtersCombineAndAnotherInstitutionSeesNothing() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            func total(_ query: String, key: String) async throws -> Int {
                try #require(try Fixtures.total(try await client.send(.get, "/esploro/v1/assets?\(query)&limit=0", key: key)))
            }
            let all = try await total("update_date_from=2000-01-01", key: lectern.sandboxKey)
            #expect(all >= 1_000)
            let open = try await total("open_access=yes", key: lectern.sandboxKey)
            let closed = try await total("open_access=no", key: lectern.sandboxKey)
            #expect(open > 0 && closed > 0 && open + closed == all)
            #expect(try await total("update_date_to=2000-01-01", key: lectern.sandboxKey) == 0)
            let physics = try await total("org_code=DEPT_PHYS", key: lectern.sandboxKey)
            let either = try await total("org_code=DEPT_PHYS,DEPT_HIST", key: lectern.sandboxKey)
            #expect(physics > 0 && either > physics && either < all)
            #expect(try await total("org_code=DEPT_PHYS&open_access=yes", key: lectern.sandboxKey) < physics)

            #expect(try await total("update_date_from=2000-01-01", key: lectern.otherKey) == 0)
            let one = try #require(
                try Fixtures.records(try await client.send(.get, "/esploro/v1/assets?org_code=DEPT_PHYS&limit=1", key: lectern.sandboxKey)).first
            )
            let id = try #require((one["originalRepository"] as? [String: Any])?["assetId"] as? String)
            #expect(try await client.send(.get, "/esploro/v1/assets/\(id)", key: lectern.otherKey).status == 400)
            let guest = try await client.send(.post, "/esploro/v1/assets", key: lectern.guestKey, headers: Fixtures.jsonBody, body: Self.newAsset)
            #expect(guest.status == 403)
        }
    }
}
