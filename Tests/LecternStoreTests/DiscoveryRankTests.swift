import Foundation
import GRDB
import LecternCore
import LecternStore
import LecternTesting
import Testing

@testable import LecternSQLite

/// `lectern_rank` is FTS5's `bm25` with the document frequencies passed in: given the counts
/// ``DocumentFrequencies`` makes for ``DiscoveryMatch/phrases``, it scores every match exactly
/// as `bm25` does (negated), whatever the expression's shape, with the length each entry's row
/// keeps; given the wrong number of counts, it counts them itself, and without a length, it
/// reads it from FTS5.
struct DiscoveryRankTests {
    static let tenant = Tenant(institution: "RANK", environment: .sandbox)
    static let texts: [(title: String, creator: String, subject: String)] = [
        ("A history of art", "Brandl, Oskar", "Art history"),
        ("Art and the river", "Quist, Anna", "Rivers"),
        ("The river's history", "Brandl, Eva", "History"),
        ("Velmora+tessik notes", "Quist, Anna", "Art"),
        ("Harbour notes", "Oskarsson, Lina", "Harbours"),
    ]

    static func store() async throws -> SQLiteStore {
        let store = try SQLiteStore(path: TestDirectory.make("rank").appendingPathComponent("rank.sqlite").path)
        try await store.write(in: Self.tenant) { tx in
            for (index, text) in Self.texts.enumerated() {
                let any = [text.title, text.creator, text.subject].joined(separator: " ")
                let entry = DiscoveryEntry(text: [.title: text.title, .creator: text.creator, .sub: text.subject, .any: any], facets: [:], sort: [:])
                try await tx.setDiscovery(entry, for: Kind(rawValue: "bib"), id: String(index))
            }
        }
        return store
    }

    static let expressions: [DiscoveryExpression] = [
        .words(.any, ["history"]),
        .words(.any, ["history", "art"]),
        .words(nil, ["art", "riv*"]),
        .phrase(.title, ["history", "of", "art"]),
        .words(.any, ["velmora+tessik"]),
        .or([.words(.creator, ["quist"]), .words(.sub, ["history"])]),
        .andNot(.words(.any, ["art"]), .words(.creator, ["brandl"])),
        .and([.words(.any, ["notes"]), .or([.words(.title, ["harbour"]), .phrase(.any, ["velmora", "tessik"])])]),
        .or([.phrase(.any, ["---"]), .words(.any, ["history", "art"])]),
        // More phrases than a function takes counts: the rank counts them itself.
        .or((0..<150).map { .words(.any, ["word\($0)"]) } + [.words(.title, ["harbour"])]),
    ]

    @Test func scoresAreBM25sWithTheCountedFrequenciesAndWithoutThem() async throws {
        let store = try await Self.store()
        let weights = DiscoverySQL.columns.map { String($0.weight) }.joined(separator: ", ")
        for expression in Self.expressions {
            let match = DiscoveryMatch(expression)
            let fullText = try #require(match.rankedText)
            let rows = try await store.pool.read { db in
                let hits = try store.frequencies.hits(db, match.phrases)
                var arguments: StatementArguments = [fullText]
                arguments += StatementArguments(hits)
                let counts = hits.indices.map { ", ?\($0 + 2)" }.joined()
                return try Row.fetchAll(
                    db,
                    sql: """
                        SELECT -bm25(discovery_text, \(weights)), lectern_rank(discovery_text, r.length\(counts)),
                            lectern_rank(discovery_text, NULL), r.length, lectern_rank(discovery_text, r.length * 3\(counts))
                        FROM discovery_text JOIN discovery_rows r ON r.rowid = discovery_text.rowid WHERE discovery_text MATCH ?1
                        """,
                    arguments: arguments
                )
            }
            #expect(!rows.isEmpty, "\(expression)")
            for row in rows {
                let bm25: Double = row[0]
                let given: Double = row[1]
                let counted: Double = row[2]
                let length: Int? = row[3]
                #expect(length != nil)
                // The length given is the one used: three times as long ranks differently.
                let longer: Double = row[4]
                #expect(abs(bm25 - longer) > 1e-9, "\(expression)")
                #expect(abs(bm25 - given) < 1e-9 * max(1, abs(bm25)), "\(expression): \(bm25) \(given)")
                #expect(abs(bm25 - counted) < 1e-9 * max(1, abs(bm25)), "\(expression): \(bm25) \(counted)")
            }
        }
    }

    @Test func countsAreKeptUntilTheIndexChanges() async throws {
        let store = try await Self.store()
        let phrases = DiscoveryMatch(.words(.any, ["notes"])).phrases
        #expect(try await store.pool.read { try store.frequencies.hits($0, phrases) } == [2])
        try await store.write(in: Self.tenant) { tx in
            let entry = DiscoveryEntry(text: [.title: "More notes", .any: "More notes"], facets: [:], sort: [:])
            try await tx.setDiscovery(entry, for: Kind(rawValue: "bib"), id: "new")
        }
        #expect(try await store.pool.read { try store.frequencies.hits($0, phrases) } == [3])
    }

    @Test func countsAboveTheLimitAreEstimatedFromTheShareOfRowsTheNewestSpan() async throws {
        let store = try SQLiteStore(path: TestDirectory.make("estimate").appendingPathComponent("estimate.sqlite").path)
        // Rows 1 to 40: `common` in every second (20 rows, 2 to 40), `rare` in rows 1, 11 and 21.
        try await store.write(in: Self.tenant) { tx in
            for row in 1...40 {
                let text = (row % 2 == 0 ? "common " : "other ") + (row % 10 == 1 && row < 30 ? "rare" : "plain")
                let entry = DiscoveryEntry(text: [.title: text, .any: text], facets: [:], sort: [:])
                try await tx.setDiscovery(entry, for: Kind(rawValue: "bib"), id: String(row))
            }
        }
        let frequencies = DocumentFrequencies(countLimit: 4)
        let phrases = DiscoveryMatch(.words(.any, ["common"])).phrases + DiscoveryMatch(.words(.any, ["rare"])).phrases
        // `common`: the newest 5 matches (rows 40 to 32) span 9 of the 40 rows, so 5 * 40 / 9.
        // `rare`: 3 matches, counted.
        #expect(try await store.pool.read { try frequencies.hits($0, phrases) } == [22, 3])
    }

    @Test func lengthsAreTheSumOfFTS5sVarintsAndNothingForGarbage() {
        func total(_ bytes: [UInt8]) -> Int64? { bytes.withUnsafeBytes { DocumentSizes.total($0) } }
        #expect(total([]) == 0)
        #expect(total([3, 0, 127]) == 130)
        // 0x81 0x00 is 128; 0x82 0x81 0x05 is (2 << 14) | (1 << 7) | 5.
        #expect(total([0x81, 0x00, 1]) == 129)
        #expect(total([0x82, 0x81, 0x05]) == 32_901)
        #expect(total([0x81]) == nil)
        #expect(total([1, 0xFF, 0xFF]) == nil)
        #expect(total(Array(repeating: 0xFF, count: 9)) == nil)
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...24, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if let sum = total(bytes) { #expect(sum >= 0) }
        }
    }
}
