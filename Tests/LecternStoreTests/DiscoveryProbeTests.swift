import LecternCore
import LecternSQLite
import LecternStore
import Testing

/// A search reads only its institution's entries of the kinds it asks for, whether the index
/// holds nothing else (the matches are then taken as they come) or also other kinds and other
/// institutions (each match is then checked).
struct DiscoveryProbeTests {
    static let first = Tenant(institution: "ONE", environment: .sandbox)
    static let second = Tenant(institution: "TWO", environment: .sandbox)

    static func add(_ store: any Store, _ tenant: Tenant, _ kind: String, _ id: String) async throws {
        try await store.write(in: tenant) { tx in
            let entry = DiscoveryEntry(text: [.title: "common \(id)", .any: "common \(id)"], facets: ["rtype": ["books"]], sort: [:])
            try await tx.setDiscovery(entry, for: Kind(rawValue: kind), id: id)
        }
    }

    static func found(_ store: any Store, _ tenant: Tenant, _ kinds: [String]) async throws -> Set<String> {
        let page = try await store.read(in: tenant) {
            try await $0.discover(
                DiscoveryQuery(kinds: kinds.map(Kind.init(rawValue:)), expression: .words(nil, ["common"]), limit: 50, facetNames: ["rtype"])
            )
        }
        #expect(page.total == page.matches.count)
        #expect(page.facets["rtype"]?.first?.count == page.total)
        return Set(page.matches.map { "\($0.kind.rawValue)/\($0.id)" })
    }

    @Test func searchesSeeTheirInstitutionsKindsAloneOrBesideOthers() async throws {
        let store = try StoreContractTests.store()
        for id in ["b1", "b2", "b3"] { try await Self.add(store, Self.first, "bib", id) }
        #expect(try await Self.found(store, Self.first, ["bib"]) == ["bib/b1", "bib/b2", "bib/b3"])
        try await Self.add(store, Self.first, "asset", "a1")
        try await Self.add(store, Self.first, "person", "p1")
        #expect(try await Self.found(store, Self.first, ["bib"]) == ["bib/b1", "bib/b2", "bib/b3"])
        #expect(try await Self.found(store, Self.first, ["asset", "person"]) == ["asset/a1", "person/p1"])
        #expect(try await Self.found(store, Self.first, ["asset", "bib", "person"]).count == 5)
        try await Self.add(store, Self.second, "bib", "x1")
        #expect(try await Self.found(store, Self.first, ["asset", "bib", "person"]).count == 5)
        #expect(try await Self.found(store, Self.second, ["asset", "bib", "person"]) == ["bib/x1"])
    }
}
