import LecternCore
import LecternDiscovery
import LecternMARC
import LecternRepresentation
import LecternStore
import LecternTesting
import Testing

@testable import LecternEsploro

/// An approved asset's discovery entry carries its published record, which is all Primo reads of
/// it: the asset's MARC form (``AssetMARC``), without holdings. A draft has no entry.
struct AssetPublishedRecordTests {
    @Test func anApprovedAssetsEntryDisplaysItsMARCFormAndADraftHasNone() async throws {
        let lectern = try await TestLectern.make()
        let store: any Store = lectern.store
        let tenant = Tenant(institution: "DEMO", environment: .sandbox)
        let asset = AssetRecord([
            JSONEntry("title", .string("Xylotomous sediment cores of Quillacollo")),
            JSONEntry("resourcetype.esploro", .string("dataset.dataset")),
            JSONEntry("date.published", .string("2021")),
            JSONEntry("creators", .array([.object([JSONEntry("familyname", .string("Quispe")), JSONEntry("givenname", .string("Rosa"))])])),
        ])
        let (approved, draft) = ("99100000000001", "99100000000002")
        try await store.write(in: tenant) { tx in
            try await EsploroDocuments.put(asset, id: approved, draft: false, institution: "DEMO", into: tx)
            try await EsploroDocuments.put(asset, id: draft, draft: true, institution: "DEMO", into: tx)
        }
        let page = try await store.read(in: tenant) { reader in
            try await reader.discover(DiscoveryQuery(kinds: [.asset], expression: .words(.title, ["xylotomous"])))
        }
        #expect(page.matches.map(\.id) == [approved])
        let published = try #require(page.matches.first?.display.flatMap(PublishedRecord.init(text:)))
        #expect(published.record.fields == AssetMARC.record(asset, id: approved).fields)
        #expect(published.holdings.isEmpty)
    }
}
