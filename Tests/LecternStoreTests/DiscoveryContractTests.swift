import LecternCore
import LecternRepresentation
import LecternSQLite
import LecternStore
import Testing

/// The discovery index every store must offer: ranked full-text, whole values, facet filters and
/// counts, sort keys, tenant isolation, and entries that follow their documents.
struct DiscoveryContractTests {
    static let kind = Kind(rawValue: "bib")
    static let tenant = Tenant(institution: "A", environment: .sandbox)

    static func entry(title: String, subject: String = "", year: String, type: String, topics: [String] = []) -> DiscoveryEntry {
        DiscoveryEntry(
            text: [.title: title, .sub: subject, .any: "\(title) \(subject)"],
            wholeValues: [.title: [title.lowercased()]],
            facets: ["rtype": [type], "creationdate": [year], "topic": topics],
            sort: ["title": title, "date": year]
        )
    }

    static func seeded() async throws -> SQLiteStoreUnderTest {
        let store = try StoreContractTests.store()
        try await store.write(in: Self.tenant) { tx in
            let rows: [(String, DiscoveryEntry)] = [
                ("1", entry(title: "War and peace", year: "1869", type: "books", topics: ["Russia", "Napoleonic Wars"])),
                ("2", entry(title: "Peace studies", subject: "War", year: "2001", type: "books", topics: ["Peace"])),
                ("3", entry(title: "The art of war", year: "1910", type: "books", topics: ["Military art"])),
                ("4", entry(title: "Peace and war in film", year: "2015", type: "videos", topics: ["Film", "Peace"])),
                ("5", entry(title: "Gardening", subject: "Plants", year: "1999", type: "books", topics: ["Plants"])),
            ]
            for (id, entry) in rows {
                try await tx.put(Document(kind: Self.kind, id: id, body: Node("bib", text: id)))
                try await tx.setDiscovery(entry, for: Self.kind, id: id)
            }
        }
        return store
    }

    typealias SQLiteStoreUnderTest = any Store

    static func search(_ store: any Store, _ query: DiscoveryQuery, tenant: Tenant = Self.tenant) async throws -> DiscoveryPage {
        try await store.read(in: tenant) { try await $0.discover(query) }
    }

    @Test func titleMatchesAndExactPhrasesRankFirst() async throws {
        let store = try await Self.seeded()
        let page = try await Self.search(store, DiscoveryQuery(kinds: [Self.kind], expression: .words(nil, ["war", "peace"])))
        #expect(page.total == 3)
        #expect(page.matches.first?.id == "1")
        #expect(Set(page.matches.map(\.id)) == ["1", "2", "4"])
        let inTitle = try await Self.search(store, DiscoveryQuery(kinds: [Self.kind], expression: .words(.title, ["war"])))
        #expect(Set(inTitle.matches.map(\.id)) == ["1", "3", "4"])
    }

    @Test func phrasesWholeValuesAndNegation() async throws {
        let store = try await Self.seeded()
        let phrase = try await Self.search(store, DiscoveryQuery(kinds: [Self.kind], expression: .phrase(nil, ["peace", "and", "war"])))
        #expect(phrase.matches.map(\.id) == ["4"])
        let exact = try await Self.search(
            store,
            DiscoveryQuery(kinds: [Self.kind], expression: .whole(.title, ["war", "and", "peace"], prefix: false))
        )
        #expect(exact.matches.map(\.id) == ["1"])
        let begins = try await Self.search(store, DiscoveryQuery(kinds: [Self.kind], expression: .whole(.title, ["peace"], prefix: true)))
        #expect(Set(begins.matches.map(\.id)) == ["2", "4"])
        let not = try await Self.search(
            store,
            DiscoveryQuery(kinds: [Self.kind], expression: .andNot(.words(nil, ["war"]), .words(nil, ["peace"])))
        )
        #expect(not.matches.map(\.id) == ["3"])
    }

    @Test func facetsFilterAndCountOverAllMatches() async throws {
        let store = try await Self.seeded()
        var query = DiscoveryQuery(kinds: [Self.kind], expression: nil, limit: 2, facetNames: ["rtype", "topic"])
        let all = try await Self.search(store, query)
        #expect(all.total == 5)
        #expect(all.matches.count == 2)
        #expect(all.facets["rtype"]?.first?.value == "books")
        #expect(all.facets["rtype"]?.first?.count == 4)
        #expect(all.facets["topic"]?.first.map { "\($0.value)=\($0.count)" } == "Peace=2")
        query.filters = [FacetFilter(facet: "rtype", values: ["videos"], exclude: true)]
        let withoutVideos = try await Self.search(store, query)
        #expect(withoutVideos.total == 4)
        query.filters = [FacetFilter(facet: "creationdate", range: "1900"..."2002")]
        let inRange = try await Self.search(store, query)
        #expect(inRange.total == 3)
        query.filters = [FacetFilter(facet: "topic", values: ["Peace", "Plants"])]
        let either = try await Self.search(store, query)
        #expect(either.total == 3)
    }

    @Test func sortKeysPagesAndIsolation() async throws {
        let store = try await Self.seeded()
        let byDate = try await Self.search(store, DiscoveryQuery(kinds: [Self.kind], expression: nil, order: .key("date", descending: true)))
        #expect(byDate.matches.map(\.id) == ["4", "2", "5", "3", "1"])
        let page = try await Self.search(
            store,
            DiscoveryQuery(kinds: [Self.kind], expression: nil, order: .key("title", descending: false), limit: 2, offset: 2)
        )
        #expect(page.matches.map(\.id) == ["2", "3"])
        let other = try await Self.search(
            store,
            DiscoveryQuery(kinds: [Self.kind], expression: nil, facetNames: ["rtype"]),
            tenant: Tenant(institution: "B", environment: .sandbox)
        )
        #expect(other.total == 0)
        #expect(other.facets.isEmpty)
    }

    @Test func entriesFollowTheirDocumentsAndSearchSyntaxIsInert() async throws {
        let store = try await Self.seeded()
        try await store.write(in: Self.tenant) { tx in
            try await tx.delete(Self.kind, id: "1")
            try await tx.setDiscovery(Self.entry(title: "Peace", year: "2020", type: "books"), for: Self.kind, id: "3")
        }
        let war = try await Self.search(store, DiscoveryQuery(kinds: [Self.kind], expression: .words(.title, ["war"])))
        #expect(war.matches.map(\.id) == ["4"])
        // FTS5 syntax in a word is only text: it matches nothing here and never fails.
        for hostile in ["\"", "title:", "NEAR(", "-", "^", "{any}", "')--", "war\" OR \"peace"] {
            let page = try await Self.search(store, DiscoveryQuery(kinds: [Self.kind], expression: .words(nil, [hostile])))
            #expect(page.total == 0, "\(hostile)")
        }
    }
}
