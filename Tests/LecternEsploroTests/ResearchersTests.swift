import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// `/esploro/v1/researchers` over HTTP: researchers are the institution's Alma users with a
/// researcher section, visible in both APIs.
struct ResearchersTests {
    typealias Fixtures = EsploroFixtures

    @Test func listsOnlyResearchersWithPagingAndLinks() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let first = try await client.send(.get, "/esploro/v1/researchers?limit=100", key: lectern.sandboxKey, headers: Fixtures.json)
            #expect(first.status == 200)
            let body = try Wire.json(first.body)
            let total = try #require(body["total_record_count"] as? Int)
            #expect(total >= 200)
            #expect(total < 320)
            let users = try #require(body["user"] as? [[String: Any]])
            #expect(users.count == 100)
            #expect(users.allSatisfy { ($0["link"] as? String)?.contains("/esploro/v1/researchers/") == true })
            let last = try await client.send(.get, "/esploro/v1/researchers?limit=100&offset=\(total - 5)", key: lectern.sandboxKey)
            #expect(try Wire.xml(last.body).texts["primary_id"]?.count == 5)
        }
    }

    @Test func aResearcherHasTheResearcherSectionInXMLAndJSON() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let id = try await Self.firstResearcher(client, key: lectern.sandboxKey)
            let xml = try Wire.xml(try await client.send(.get, "/esploro/v1/researchers/\(id)", key: lectern.sandboxKey).body)
            #expect(xml.root == "user")
            #expect(xml.text("is_researcher") == "true")
            #expect(xml.paths.contains("user/researcher/researcher_organization_affiliations/researcher_organization_affiliation/organization_code"))
            #expect(xml.paths.contains("user/researcher/researcher_research_topics/researcher_research_topic"))
            #expect(xml.attributes["position"]?.first?["desc"]?.isEmpty == false)

            let json = try Wire.json(
                try await client.send(.get, "/esploro/v1/researchers/\(id)", key: lectern.sandboxKey, headers: Fixtures.json).body
            )
            #expect(json["is_researcher"] as? Bool == true)
            let researcher = try #require(json["researcher"] as? [String: Any])
            let topics = try #require(researcher["researcher_research_topic"] as? [[String: Any]])
            #expect(!topics.isEmpty && topics.allSatisfy { $0["value"] is String && $0["desc"] is String })
            let affiliations = try #require(researcher["researcher_organization_affiliation"] as? [[String: Any]])
            #expect((affiliations.first?["organization_code"] as? String)?.hasPrefix("DEPT_") == true)
            #expect(researcher["researcher_organization_affiliations"] == nil)
            let identifiers = try #require(json["user_identifier"] as? [[String: Any]])
            #expect(identifiers.contains { ($0["id_type"] as? [String: Any])?["value"] as? String == "ORCID" })
        }
    }

    @Test func anAlmaUserPutThroughEsploroBecomesAResearcherInBothAPIs() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let user = #"{"primary_id":"grace.hopper","first_name":"Grace","last_name":"Hopper","user_group":{"value":"FACULTY"}}"#
            let created = try await client.send(.post, "/almaws/v1/users", key: lectern.sandboxKey, headers: Fixtures.jsonBody, body: user)
            #expect(created.status == 200, "\(created.text)")
            let notYet = try await client.send(.get, "/esploro/v1/researchers/grace.hopper", key: lectern.sandboxKey, headers: Fixtures.json)
            #expect(notYet.status == 400)
            #expect(try Fixtures.errorCode(notYet) == "401861")

            // As the CSV Researcher Loader does it: GET the Alma user, add the researcher part, PUT to Esploro.
            var body = try Wire.json(
                try await client.send(.get, "/almaws/v1/users/grace.hopper", key: lectern.sandboxKey, headers: Fixtures.json).body
            )
            let researcher: [String: Any] = [
                "researcher_first_name": "Grace", "researcher_last_name": "Hopper",
                "position": ["value": "PROFESSOR"],
                "researcher_organization_affiliation": [["organization_code": "DEPT_CS", "organization_name": "Department of Computer Science"]],
                "researcher_research_topic": [["value": "AI"], ["value": "QUANTUM"]],
                "researcher_keyword": [["value": "compilers"], ["value": "COBOL"]],
                "researcher_name_variant": [["first_name": "Amazing", "last_name": "Grace"]],
            ]
            body["is_researcher"] = true
            body["researcher"] = researcher
            let put = try await client.send(
                .put,
                "/esploro/v1/researchers/grace.hopper",
                key: lectern.sandboxKey,
                headers: Fixtures.jsonBody,
                body: try Fixtures.serialized(body)
            )
            #expect(put.status == 200, "\(put.text)")

            let asResearcher = try Wire.json(
                try await client.send(.get, "/esploro/v1/researchers/grace.hopper", key: lectern.sandboxKey, headers: Fixtures.json).body
            )
            let asUser = try Wire.json(
                try await client.send(.get, "/almaws/v1/users/grace.hopper", key: lectern.sandboxKey, headers: Fixtures.json).body
            )
            for answer in [asResearcher, asUser] {
                #expect(answer["is_researcher"] as? Bool == true)
                let section = try #require(answer["researcher"] as? [String: Any])
                #expect((section["position"] as? [String: Any])?["desc"] as? String == "Professor")
                let topics = (section["researcher_research_topic"] as? [[String: Any]])?.compactMap { $0["desc"] as? String }
                #expect(topics == ["Artificial intelligence", "Quantum computing"])
                #expect((section["researcher_keyword"] as? [[String: Any]])?.compactMap { $0["value"] as? String } == ["compilers", "COBOL"])
                #expect((section["researcher_name_variant"] as? [[String: Any]])?.first?["last_name"] as? String == "Grace")
            }
            let list = try Wire.json(
                try await client.send(.get, "/esploro/v1/researchers?q=last_name~Hopper", key: lectern.sandboxKey, headers: Fixtures.json).body
            )
            #expect(list["total_record_count"] as? Int == 1)
        }
    }

    @Test func aResearcherPutBackAsReadLosesNothingInJSONAndXML() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let id = try await Self.firstResearcher(client, key: lectern.sandboxKey)
            let path = "/esploro/v1/researchers/\(id)"
            let before = try await client.send(.get, path, key: lectern.sandboxKey, headers: Fixtures.json)
            let put = try await client.send(.put, path, key: lectern.sandboxKey, headers: Fixtures.jsonBody, body: before.text)
            #expect(put.status == 200, "\(put.text)")
            let after = try await client.send(.get, path, key: lectern.sandboxKey, headers: Fixtures.json)
            #expect(try Fixtures.serialized(try Wire.json(after.body)) == (try Fixtures.serialized(try Wire.json(before.body))))

            let xmlBefore = try await client.send(.get, path, key: lectern.sandboxKey)
            let xmlPut = try await client.send(.put, path, key: lectern.sandboxKey, headers: Fixtures.xmlBody, body: xmlBefore.text)
            #expect(xmlPut.status == 200, "\(xmlPut.text)")
            #expect(try await client.send(.get, path, key: lectern.sandboxKey).text == xmlBefore.text)
        }
    }

    @Test func postCreatesAResearcherAndDeleteEndsTheRoleButKeepsTheUser() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let xml = """
                <user><primary_id>lise.meitner</primary_id><first_name>Lise</first_name><last_name>Meitner</last_name>
                <researcher><researcher_first_name>Lise</researcher_first_name><researcher_last_name>Meitner</researcher_last_name>
                <researcher_organization_affiliations><researcher_organization_affiliation><organization_code>DEPT_PHYS</organization_code>
                </researcher_organization_affiliation></researcher_organization_affiliations></researcher></user>
                """
            let created = try await client.send(.post, "/esploro/v1/researchers", key: lectern.sandboxKey, headers: Fixtures.xmlBody, body: xml)
            #expect(created.status == 200, "\(created.text)")
            let summary = try Wire.xml(created.body)
            #expect(summary.text("is_researcher") == "true")
            #expect(summary.text("organization_code") == "DEPT_PHYS")

            let deleted = try await client.send(.delete, "/esploro/v1/researchers/lise.meitner", key: lectern.sandboxKey)
            #expect(deleted.status == 204)
            let gone = try await client.send(.get, "/esploro/v1/researchers/lise.meitner", key: lectern.sandboxKey)
            #expect(gone.status == 400)
            #expect(try Wire.xml(gone.body).text("errorCode") == "401861")
            let user = try await client.send(.get, "/almaws/v1/users/lise.meitner", key: lectern.sandboxKey)
            #expect(user.status == 200)
            #expect(try Wire.xml(user.body).text("is_researcher") == "false")
        }
    }

    @Test func unknownResearcherAndMalformedJSONAreDocumentedErrors() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let unknown = try await client.send(.get, "/esploro/v1/researchers/nobody.here", key: lectern.sandboxKey, headers: Fixtures.json)
            #expect(unknown.status == 400)
            #expect(try Fixtures.errorCode(unknown) == "401861")
            let malformed = try await client.send(
                .post,
                "/esploro/v1/researchers",
                key: lectern.sandboxKey,
                headers: Fixtures.jsonBody,
                body: "{\"primary_id\": "
            )
            #expect(malformed.status == 400)
            #expect(try Fixtures.errorCode(malformed) == "401676")
        }
    }

    @Test func everyAreaHasATestEndpointAndOtherInstitutionsSeeNoResearchers() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            for path in ["researchers/test", "assets/test", "organizations/test", "researchconf/test"] {
                #expect(try await client.send(.get, "/esploro/v1/\(path)", key: lectern.sandboxKey).status == 200, "\(path)")
                #expect(try await client.send(.post, "/esploro/v1/\(path)", key: lectern.sandboxKey).status == 200, "\(path)")
            }
            let other = try Wire.json(try await client.send(.get, "/esploro/v1/researchers", key: lectern.otherKey, headers: Fixtures.json).body)
            #expect(other["total_record_count"] as? Int == 0)
            let id = try await Self.firstResearcher(client, key: lectern.sandboxKey)
            #expect(try await client.send(.get, "/esploro/v1/researchers/\(id)", key: lectern.otherKey).status == 400)
        }
    }

    @Test func organizationsAndCodeTablesResolveTheResearchersCodes() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let list = try Wire.json(
                try await client.send(.get, "/esploro/v1/organizations/internal", key: lectern.sandboxKey, headers: Fixtures.json).body
            )
            let organizations = try #require(list["organization"] as? [[String: Any]])
            #expect(list["total_record_count"] as? Int == organizations.count)
            #expect(organizations.contains { $0["code"] as? String == "DEPT_CS" && $0["parent_code"] as? String == "FAC_SCI" })
            let one = try Wire.xml(try await client.send(.get, "/esploro/v1/organizations/internal/FAC_MED", key: lectern.sandboxKey).body)
            #expect(one.text("name") == "Faculty of Medicine")
            #expect(one.attributes["type"]?.first?["desc"] == "Faculty")
            let missing = try await client.send(.get, "/esploro/v1/organizations/internal/NOPE", key: lectern.sandboxKey)
            #expect(missing.status == 400)
            let table = try Wire.json(
                try await client.send(.get, "/esploro/v1/researchconf/code-tables/ResearchTopics", key: lectern.sandboxKey, headers: Fixtures.json)
                    .body
            )
            #expect((table["row"] as? [[String: Any]])?.contains { $0["code"] as? String == "QUANTUM" } == true)
        }
    }

    static func firstResearcher(_ client: LecternClient, key: String) async throws -> String {
        let list = try Wire.json(try await client.send(.get, "/esploro/v1/researchers?limit=1", key: key, headers: EsploroFixtures.json).body)
        return try #require((list["user"] as? [[String: Any]])?.first?["primary_id"] as? String)
    }
}
