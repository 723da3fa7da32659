import Foundation
import HTTPTypes
import LecternCore
import LecternDiscovery
import LecternRepresentation
import LecternStore
import LecternTesting
import Testing

@testable import LecternEsploro

/// An asset is a document like any other (the node form of the representation engine, stored as
/// XML): every JSON value a script writes reads back exactly as written.
struct AssetStorageTests {
    typealias Fixtures = EsploroFixtures
    static let tenant = Tenant(institution: "DEMO", environment: .sandbox)

    /// Members whose keys are not element names, every JSON type, empty containers, nested
    /// arrays, a duplicate key, number literals as written, markup and non-ASCII text.
    static let unusual = #"""
        {"title":"Kept as written","subtitle":"   ","resourcetype.esploro":"publication.journalArticle","@id":"x",\#
        "a b":[1,2.50,[],{}],"n":null,"t":true,"f":false,"xmlns":"q","member":"m","e":"","1st":{"k":-0.5e3,"":"empty key"},\#
        "dup":1,"dup":"two","nested":[[["deep"]]],"u":"é 😀 <&>\"\\"}
        """#

    @Test func everyValueReadsBackAsWrittenFromTheStoredDocument() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let created = try await client.send(.post, "/esploro/v1/assets", key: lectern.sandboxKey, headers: Fixtures.jsonBody, body: Self.unusual)
            #expect(created.status == 200, "\(created.text)")
            let id = try #require(try Fixtures.records(created).first.flatMap { ($0["originalRepository"] as? [String: Any])?["assetId"] as? String })

            // The stored body is a tree, not JSON text, and is what the store reads back.
            let stored = try #require(try await Self.stored(id, in: lectern))
            #expect(stored.body.text == nil || stored.body.text == "")
            #expect(stored.body.child("title")?.text == "Kept as written")
            let reread = try XMLCodec.parse(XMLCodec.render(stored.body))
            #expect(reread == stored.body)

            let read = try await client.send(.get, "/esploro/v1/assets/\(id)", key: lectern.sandboxKey)
            #expect(read.status == 200)
            let written = String(Self.unusual.filter { $0 != "\n" }.dropFirst().dropLast())
            let derived =
                #","resourceTypeEsploroWithDesc":{"value":"publication.journalArticle","desc":"Journal article"},"#
                + #""depositStatusWithDesc":{"value":"draft","desc":"Draft"},"originalRepository":{"assetId":"\#(id)"}"#
            #expect(read.text == #"{"totalRecordCount":1,"records":[{"# + written + derived + "}]}")
        }
    }

    @Test func anAssetStoredAsJSONTextBeforeAssetsWereDocumentsStillReads() async throws {
        let lectern = try await TestLectern.make()
        let legacy = #"{"title":"Old form","resourcetype.esploro":"publication.book","count":3}"#
        let store: any Store = lectern.store
        try await store.write(in: Self.tenant) { tx in
            try await tx.put(Document(kind: .asset, id: "99000000000106", body: Node("asset", text: legacy), fields: ["deposit_status": "approved"]))
        }
        try await lectern.withClient { client in
            let read = try await client.send(.get, "/esploro/v1/assets/99000000000106", key: lectern.sandboxKey)
            #expect(read.status == 200, "\(read.text)")
            let record = try #require(try Fixtures.records(read).first)
            #expect(record["title"] as? String == "Old form")
            #expect(record["count"] as? Int == 3)
            #expect((record["depositStatusWithDesc"] as? [String: Any])?["value"] as? String == "approved")

            let patched = try await client.send(
                .post,
                "/esploro/v1/assets/99000000000106?op=patch&action=replace",
                key: lectern.sandboxKey,
                headers: Fixtures.jsonBody,
                body: #"{"records":[{"date.published":"2024"}]}"#
            )
            #expect(patched.status == 200, "\(patched.text)")
        }
        let stored = try #require(try await Self.stored("99000000000106", in: lectern))
        #expect(stored.body.child("title")?.text == "Old form")
        #expect(stored.body.child("count")?.attribute("type") == "number")
        #expect(stored.body.child("date.published")?.text == "2024")
    }

    @Test func valuesNoStoredDocumentCouldKeepAreRefusedAndNothingIsWritten() async throws {
        let lectern = try await TestLectern.make()
        let deep = String(repeating: "[", count: 70) + String(repeating: "]", count: 70)
        try await lectern.withClient { client in
            let before = try await client.send(.get, "/esploro/v1/assets?update_date_from=2000-01-01&limit=1", key: lectern.sandboxKey)
            let body = #"{"title":"Too deep","resourcetype.esploro":"publication.book","x":\#(deep)}"#
            let refused = try await client.send(.post, "/esploro/v1/assets", key: lectern.sandboxKey, headers: Fixtures.jsonBody, body: body)
            #expect(refused.status == 400)
            #expect(refused.text.contains("nesting deeper than 64 levels"), "\(refused.text)")
            let after = try await client.send(.get, "/esploro/v1/assets?update_date_from=2000-01-01&limit=1", key: lectern.sandboxKey)
            #expect(try Fixtures.total(after) == Fixtures.total(before))
        }
    }

    private static func stored(_ id: String, in lectern: TestLectern) async throws -> Document? {
        let store: any Store = lectern.store
        return try await store.read(in: tenant) { try await $0.document(.asset, id: id) }
    }
}
