import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// Approved assets are discovered in Primo with the catalogue: written in the same transaction
/// as the asset, so a search finds them as soon as the write returns; drafts are not shown.
struct AssetDiscoveryTests {
    typealias Fixtures = EsploroFixtures

    static func primo(_ client: LecternClient, _ query: String, key: String) async throws -> [String: Any] {
        let answer = try await client.send(.get, "/primo/v1/search?vid=DEMO:DEFAULT&tab=Everything&scope=MyInst_and_CI&q=\(query)", key: key)
        #expect(answer.status == 200, "\(answer.text)")
        return try Wire.json(answer.body)
    }

    static func sourceIDs(_ search: [String: Any]) -> [String] {
        let docs = search["docs"] as? [[String: Any]] ?? []
        return docs.compactMap { (($0["pnx"] as? [String: Any])?["control"] as? [String: Any])?["sourcerecordid"] as? [String] }.compactMap(\.first)
    }

    @Test func anApprovedAssetIsFoundByTitleCreatorAndDOIAndADraftIsNot() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let asset =
                #"{"title":"Zygomorphic orchids of Quillacollo","resourcetype.esploro":"publication.journalArticle","#
                + #""identifier.doi":"10.5555/lectern.orchid","date.published":"2024","#
                + #""creators":[{"order":"1","familyname":"Ynestrosa","givenname":"Paz","user.primaryId":"pynes"}]}"#
            let created = try await client.send(
                .post,
                "/esploro/v1/assets?is_draft=false",
                key: lectern.sandboxKey,
                headers: Fixtures.jsonBody,
                body: asset
            )
            let id = try #require((try Fixtures.records(created).first?["originalRepository"] as? [String: Any])?["assetId"] as? String)

            for query in ["title,contains,zygomorphic%20orchids", "creator,contains,Ynestrosa", "any,contains,Quillacollo"] {
                #expect(Self.sourceIDs(try await Self.primo(client, query, key: lectern.sandboxKey)) == [id], "\(query)")
            }
            let search = try await Self.primo(client, "title,contains,zygomorphic", key: lectern.sandboxKey)
            let pnx = try #require((search["docs"] as? [[String: Any]])?.first?["pnx"] as? [String: Any])
            #expect((pnx["display"] as? [String: Any])?["type"] as? [String] == ["article"])
            #expect(((pnx["addata"] as? [String: Any])?["doi"] as? [String])?.first == "10.5555/lectern.orchid")
            let record = try await client.send(.get, "/primo/v1/pnxs/L/alma\(id)", key: lectern.sandboxKey)
            #expect(record.status == 200)

            // A new title is found at once, the old one no longer.
            var full = try #require(try Fixtures.records(created).first)
            full["title"] = "Actinomorphic lilies of Quillacollo"
            let put = try await client.send(
                .put,
                "/esploro/v1/assets/\(id)",
                key: lectern.sandboxKey,
                headers: Fixtures.jsonBody,
                body: try Fixtures.serialized(full)
            )
            #expect(put.status == 200, "\(put.text)")
            #expect(Self.sourceIDs(try await Self.primo(client, "title,contains,actinomorphic", key: lectern.sandboxKey)) == [id])
            #expect(Self.sourceIDs(try await Self.primo(client, "title,contains,zygomorphic", key: lectern.sandboxKey)).isEmpty)

            let draft = asset.replacingOccurrences(of: "Zygomorphic", with: "Xerophytic").replacingOccurrences(of: "orchid\"", with: "draft\"")
            let drafted = try await client.send(.post, "/esploro/v1/assets", key: lectern.sandboxKey, headers: Fixtures.jsonBody, body: draft)
            #expect(drafted.status == 200, "\(drafted.text)")
            #expect(Self.sourceIDs(try await Self.primo(client, "title,contains,xerophytic", key: lectern.sandboxKey)).isEmpty)
            // Another institution does not find the asset.
            let other = try await client.send(
                .get,
                "/primo/v1/search?vid=OTHER:DEFAULT&tab=Everything&scope=MyInst_and_CI&q=any,contains,Quillacollo",
                key: lectern.otherKey
            )
            #expect(Self.sourceIDs(try Wire.json(other.body)).isEmpty)
        }
    }

    @Test func theDemoAssetsAreDiscoverableButNotInALibraryScope() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let listed = try await client.send(.get, "/esploro/v1/assets?org_code=DEPT_HIST&limit=1", key: lectern.sandboxKey)
            let asset = try #require(try Fixtures.records(listed).first)
            let id = try #require((asset["originalRepository"] as? [String: Any])?["assetId"] as? String)
            let doi = try #require(asset["identifier.doi"] as? String)
            let byDOI = try await Self.primo(client, "any,contains,\(doi)", key: lectern.sandboxKey)
            #expect(Self.sourceIDs(byDOI).contains(id))
            let library = try await client.send(
                .get,
                "/primo/v1/search?vid=DEMO:DEFAULT&tab=Everything&scope=MAIN&q=any,contains,\(doi)",
                key: lectern.sandboxKey
            )
            #expect(!Self.sourceIDs(try Wire.json(library.body)).contains(id))
        }
    }
}
