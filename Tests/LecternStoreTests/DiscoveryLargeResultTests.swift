import LecternCore
import LecternSQLite
import LecternStore
import Testing

/// Searches with more matches than are counted exactly (10,000): the total and the facet
/// counts are estimates, the page comes from the newest matches; up to the limit, exact.
struct DiscoveryLargeResultTests {
    static let kind = Kind(rawValue: "bib")
    static let tenant = Tenant(institution: "BIG", environment: .sandbox)
    static let entries = 10_050

    /// Entry `n` (from 1): every one says "common", the first 10,000 "edge", every fiftieth
    /// "rare"; even entries are books, odd ones videos.
    static func seeded() async throws -> any Store {
        let store = try StoreContractTests.store()
        try await store.write(in: Self.tenant) { tx in
            for n in 1...Self.entries {
                var words = ["common", "entry\(n)"]
                if n <= 10_000 { words.append("edge") }
                if n % 50 == 0 { words.append("rare") }
                let text = words.joined(separator: " ")
                let entry = DiscoveryEntry(
                    text: [.title: text, .any: text],
                    facets: ["rtype": [n % 2 == 0 ? "books" : "videos"]],
                    sort: ["title": text]
                )
                try await tx.setDiscovery(entry, for: Self.kind, id: String(n))
            }
        }
        return store
    }

    static func search(_ store: any Store, _ words: [String], limit: Int = 10) async throws -> DiscoveryPage {
        try await store.read(in: Self.tenant) {
            try await $0.discover(DiscoveryQuery(kinds: [Self.kind], expression: .words(nil, words), limit: limit, facetNames: ["rtype"]))
        }
    }

    @Test func upToTheLimitTotalsAndFacetsAreExactAndAboveTheyAreEstimatedFromTheNewest() async throws {
        let store = try await Self.seeded()

        let edge = try await Self.search(store, ["edge"])
        #expect(edge.total == 10_000)
        #expect(edge.facets["rtype"]?.map(\.count) == [5_000, 5_000])

        let rare = try await Self.search(store, ["rare"], limit: 500)
        #expect(rare.total == 201)
        #expect(rare.matches.count == 201)

        let common = try await Self.search(store, ["common"], limit: 20)
        #expect((9_900...10_200).contains(common.total), "estimate \(common.total)")
        #expect(common.matches.count == 20)
        let counts = common.facets["rtype"]?.map(\.count) ?? []
        #expect(counts.count == 2)
        #expect(counts.allSatisfy { (4_500...5_500).contains($0) }, "\(counts)")
        // The sample is the newest 10,000 entries: entries 1 to 50 are outside it.
        let oldest = try await store.read(in: Self.tenant) {
            try await $0.discover(
                DiscoveryQuery(kinds: [Self.kind], expression: .words(nil, ["common"]), order: .key("title", descending: false), limit: 1)
            )
        }
        #expect(oldest.matches.first?.id == "100", "sorted within the newest 10,000, 'common entry100 …' comes first")
    }

    /// A word the store's counts put in more than twice the limit's entries: the search reads
    /// only the newest it ranks and counts facets over, and answers the same estimates.
    @Test func aWordInMoreThanTwiceTheLimitIsEstimatedFromItsCount() async throws {
        let store = try StoreContractTests.store()
        let entries = 24_000
        try await store.bulkWrite(in: Self.tenant) { writer in
            try writer.setDiscovery(
                (1...entries).map { n in
                    let text = "common entry\(n)" + (n % 3 == 0 ? " third" : "")
                    let entry = DiscoveryEntry(text: [.title: text, .any: text], facets: ["rtype": [n % 4 == 0 ? "books" : "videos"]], sort: [:])
                    return (kind: Self.kind, id: String(n), entry: entry)
                }
            )
        }
        for _ in 0..<2 {  // the first search counts the word, the second finds the count kept
            let common = try await Self.search(store, ["common"], limit: 20)
            #expect((23_500...24_500).contains(common.total), "estimate \(common.total)")
            #expect(common.matches.count == 20)
            let counts = Dictionary(uniqueKeysWithValues: (common.facets["rtype"] ?? []).map { ($0.value, $0.count) })
            #expect((5_500...6_500).contains(counts["books"] ?? 0), "\(counts)")
            #expect((17_500...18_500).contains(counts["videos"] ?? 0), "\(counts)")
        }
        // A word in fewer entries than the limit: counted.
        let third = try await Self.search(store, ["third"])
        #expect(third.total == 8_000)
    }
}
