import GRDB
import LecternCore
import LecternStore
import Testing

@testable import LecternSQLite

/// A search for one word that its kept count puts in few entries (or in so many that only the
/// newest are ranked) is ranked in one pass over those matches, without reading them first as
/// candidates: it answers what the candidates' way answers, and when the count was wrong (more
/// than 10,000 matches after all), it answers the candidates' way. A count kept for the same
/// word in another database plays the wrong count.
struct DiscoveryRankAllTests {
    static let kind = Kind(rawValue: "bib")
    static let tenant = Tenant(institution: "RANK", environment: .sandbox)

    /// A store of 24,000 entries, the word `shift` in the first `shifted`, each with a varying
    /// number of other words (so that scores differ) and one of three resource types.
    static func store(shifted: Int) async throws -> SQLiteStore {
        let store = try StoreContractTests.store()
        try await store.bulkWrite(in: Self.tenant) { writer in
            try writer.setDiscovery(
                (1...24_000).map { n in
                    let filler = Array(repeating: "filler", count: n % 7).joined(separator: " ")
                    let text = "entry\(n) \(filler)" + (n <= shifted ? " shift" : "")
                    let entry = DiscoveryEntry(text: [.title: text, .any: text], facets: ["rtype": [["books", "videos", "maps"][n % 3]]])
                    return (kind: Self.kind, id: String(n), entry: entry)
                }
            )
        }
        return store
    }

    static func search(_ store: SQLiteStore, _ frequencies: DocumentFrequencies) async throws -> DiscoveryPage {
        let query = DiscoveryQuery(kinds: [Self.kind], expression: .words(nil, ["shift"]), limit: 30, facetNames: ["rtype"])
        return try await store.pool.read { try DiscoverySearch.discover($0, Self.tenant.key, query, frequencies: frequencies) }
    }

    /// Counts kept after searching `shift` in a store where it is in the first `shifted` entries.
    static func frequencies(countedWhereShifted shifted: Int) async throws -> DocumentFrequencies {
        let frequencies = DocumentFrequencies()
        _ = try await Self.search(try await Self.store(shifted: shifted), frequencies)
        return frequencies
    }

    /// Total, facet counts and the page's entries; not the scores, which the word's count weighs.
    static func answer(_ page: DiscoveryPage) -> [String] {
        ["\(page.total)", "\(page.facets["rtype"]?.map { "\($0.value)=\($0.count)" } ?? [])"] + page.matches.map(\.id)
    }

    @Test func oneRankingPassAnswersAsReadingCandidatesFirst() async throws {
        // Counted in a store where it is common, `shift` is searched the candidates' way.
        let misled = try await Self.frequencies(countedWhereShifted: 12_000)

        let few = try await Self.store(shifted: 3_000)
        let ranked = try await Self.search(few, DocumentFrequencies())
        #expect(ranked.total == 3_000)
        #expect(ranked.facets["rtype"]?.map(\.count) == [1_000, 1_000, 1_000])
        #expect(ranked.matches.count == 30)
        #expect(Self.answer(ranked) == Self.answer(try await Self.search(few, misled)))
    }

    @Test func aCountTooLowFallsBackToTheCandidatesWay() async throws {
        // Counted in a store where it is rare, `shift` is ranked in one pass, which finds more
        // than 10,000 matches: the search then answers the estimate from the newest matches.
        let misled = try await Self.frequencies(countedWhereShifted: 100)

        let common = try await Self.store(shifted: 12_000)
        let estimated = try await Self.search(common, misled)
        #expect(estimated.total > 10_000)
        #expect(estimated.matches.count == 30)
        #expect(Self.answer(estimated) == Self.answer(try await Self.search(common, DocumentFrequencies())))
    }

    @Test func aCommonWordsNewestMatchesAreRankedInOnePassAsCandidatesWouldBe() async throws {
        // Counted where it is in half the entries, `shift` in every entry is searched the
        // candidates' way: the newest 10,001 found, the total estimated from their span.
        let misled = try await Self.frequencies(countedWhereShifted: 12_000)

        let every = try await Self.store(shifted: 24_000)
        let sampled = try await Self.search(every, DocumentFrequencies())
        #expect(sampled.total == 24_000)
        #expect(sampled.facets["rtype"]?.map(\.count).reduce(0, +) == 24_000)
        #expect(Self.answer(sampled) == Self.answer(try await Self.search(every, misled)))
    }
}
