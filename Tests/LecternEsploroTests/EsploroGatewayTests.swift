import Foundation
import HTTPTypes
import LecternCore
import LecternEsploro
import LecternTesting
import Testing

/// The gateway's rules as Esploro callers meet them: the researchers and assets areas in key
/// permissions, and Esploro's own daily threshold (50 x academic staff).
struct EsploroGatewayTests {
    typealias Fixtures = EsploroFixtures
    static let remaining = HTTPField.Name("X-Exl-Api-Remaining")!

    @Test func esploroCallsCountAgainstTheirOwnThreshold() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let esploro = try await client.send(.get, "/esploro/v1/researchers?limit=1", key: lectern.sandboxKey)
            #expect(esploro.headers[Self.remaining] == String(50 * 900 - 1))  // the demo institution has 900 academic staff
            let assets = try await client.send(.get, "/esploro/v1/assets/test", key: lectern.sandboxKey)
            #expect(assets.headers[Self.remaining] == String(50 * 900 - 2))
            let alma = try await client.send(.get, "/almaws/v1/users?limit=1", key: lectern.sandboxKey)
            #expect(alma.headers[Self.remaining] == String(50 * 1000 - 1))
        }
    }

    @Test func researchersAndAssetsAreSeparateAreas() async throws {
        let lectern = try await TestLectern.make()
        let assetsOnly = try await lectern.key(permissions: [.assets: .readWrite])
        let researchersReadOnly = try await lectern.key(permissions: [.researchers: .readOnly, .assets: .readOnly])
        try await lectern.withClient { client in
            #expect(try await client.send(.get, "/esploro/v1/assets/test", key: assetsOnly).status == 200)
            let refused = try await client.send(.get, "/esploro/v1/researchers", key: assetsOnly)
            #expect(refused.status == 400)
            #expect(try Wire.xml(refused.body).text("errorCode") == "UNAUTHORIZED")
            #expect(try await client.send(.get, "/esploro/v1/researchers?limit=1", key: researchersReadOnly).status == 200)
            let write = try await client.send(
                .post,
                "/esploro/v1/assets",
                key: researchersReadOnly,
                headers: Fixtures.jsonBody,
                body: AssetsTests.newAsset
            )
            #expect(write.status == 403)
        }
    }

    @Test func refusalsSpeakTheLanguageAskedFor() async throws {
        let lectern = try await TestLectern.make()
        let assetsOnly = try await lectern.key(permissions: [.assets: .readWrite])
        try await lectern.withClient { client in
            let german = try await client.send(.get, "/esploro/v1/researchers?lang=de", key: assetsOnly)
            #expect(try Wire.xml(german.body).text("errorCode") == "UNAUTHORIZED")
            #expect(try Wire.xml(german.body).text("errorMessage") == "API-Schlüssel nicht definiert oder nicht für diese API konfiguriert.")
        }
    }
}
