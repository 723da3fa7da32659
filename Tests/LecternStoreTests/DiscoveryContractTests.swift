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

/// Whole values of `any`, which repeats the whole values of other fields, and entries set many
/// at a time.
struct DiscoveryWholeValueTests {
    static let kind = DiscoveryContractTests.kind
    static let tenant = DiscoveryContractTests.tenant

    /// `title` also holds a sort title that `any` does not repeat; `any` holds a value no other
    /// field has.
    static func entry(_ title: String, sortTitle: String, subject: String, anyOnly: String) -> DiscoveryEntry {
        DiscoveryEntry(
            text: [.title: title, .sub: subject, .any: "\(title) \(subject) \(anyOnly)"],
            wholeValues: [.title: [title, sortTitle], .sub: [subject, subject], .any: [title, subject, anyOnly, title]],
            facets: ["topic": [subject]],
            sort: ["title": sortTitle]
        )
    }

    static func ids(_ store: any Store, _ expression: DiscoveryExpression) async throws -> Set<String> {
        Set(try await DiscoveryContractTests.search(store, DiscoveryQuery(kinds: [kind], expression: expression)).matches.map(\.id))
    }

    @Test func anyMatchesExactlyTheWholeValuesOfAny() async throws {
        let store = try StoreContractTests.store()
        try await store.write(in: Self.tenant) { tx in
            try await tx.setDiscovery(
                Self.entry("the art of war", sortTitle: "art of war", subject: "strategy", anyOnly: "sun tzu"),
                for: Self.kind,
                id: "1"
            )
            try await tx.setDiscovery(
                Self.entry("art of war", sortTitle: "art of war", subject: "military art", anyOnly: "strategy"),
                for: Self.kind,
                id: "2"
            )
        }
        #expect(try await Self.ids(store, .whole(.any, ["the", "art", "of", "war"], prefix: false)) == ["1"])
        #expect(try await Self.ids(store, .whole(.any, ["art", "of", "war"], prefix: false)) == ["2"])
        #expect(try await Self.ids(store, .whole(.title, ["art", "of", "war"], prefix: false)) == ["1", "2"])
        #expect(try await Self.ids(store, .whole(.any, ["strategy"], prefix: false)) == ["1", "2"])
        #expect(try await Self.ids(store, .whole(.sub, ["strategy"], prefix: false)) == ["1"])
        #expect(try await Self.ids(store, .whole(.any, ["sun", "tzu"], prefix: false)) == ["1"])
        #expect(try await Self.ids(store, .whole(.title, ["sun", "tzu"], prefix: false)) == [])
        #expect(try await Self.ids(store, .whole(.any, ["art"], prefix: true)) == ["2"])
        #expect(try await Self.ids(store, .whole(.title, ["art"], prefix: true)) == ["1", "2"])
        #expect(try await Self.ids(store, .whole(.any, ["su"], prefix: true)) == ["1"])
        #expect(try await Self.ids(store, .andNot(.whole(.any, ["strategy"], prefix: false), .whole(.any, ["sun", "tzu"], prefix: false))) == ["2"])

        // Replaced and removed entries leave no whole values behind.
        try await store.write(in: Self.tenant) { tx in
            try await tx.setDiscovery(Self.entry("peace", sortTitle: "peace", subject: "calm", anyOnly: "quiet"), for: Self.kind, id: "1")
            try await tx.setDiscovery(nil, for: Self.kind, id: "2")
        }
        #expect(try await Self.ids(store, .whole(.any, ["strategy"], prefix: false)) == [])
        #expect(try await Self.ids(store, .whole(.title, ["art", "of", "war"], prefix: false)) == [])
        #expect(try await Self.ids(store, .whole(.any, ["quiet"], prefix: false)) == ["1"])
    }

    /// A whole value matches as a whole: never joined to the next value, nor taken for a value
    /// of another field; and values in other scripts match as written.
    @Test func wholeValuesMatchOneValueOfTheirOwnField() async throws {
        let store = try StoreContractTests.store()
        try await store.write(in: Self.tenant) { tx in
            let entry = DiscoveryEntry(
                text: [.title: "war peace", .sub: "history"],
                wholeValues: [
                    .title: ["war", "and peace", "東京 大学", "ελληνικη ιστορια"], .sub: ["history of war"], .creator: ["tolstoy leo"],
                    .any: ["war", "and peace", "history of war"],
                ]
            )
            try await tx.setDiscovery(entry, for: Self.kind, id: "1")
        }
        #expect(try await Self.ids(store, .whole(.title, ["war"], prefix: false)) == ["1"])
        #expect(try await Self.ids(store, .whole(.title, ["war", "and", "peace"], prefix: false)) == [])
        #expect(try await Self.ids(store, .whole(.title, ["war", "and"], prefix: true)) == [])
        #expect(try await Self.ids(store, .whole(.title, ["and", "pea"], prefix: true)) == ["1"])
        #expect(try await Self.ids(store, .whole(.title, ["peace"], prefix: false)) == [])
        #expect(try await Self.ids(store, .whole(.title, ["history", "of", "war"], prefix: false)) == [])
        #expect(try await Self.ids(store, .whole(.sub, ["history", "of", "war"], prefix: false)) == ["1"])
        #expect(try await Self.ids(store, .whole(.sub, ["history", "of"], prefix: false)) == [])
        #expect(try await Self.ids(store, .whole(.sub, ["history", "o"], prefix: true)) == ["1"])
        #expect(try await Self.ids(store, .whole(.sub, ["of", "war"], prefix: true)) == [])
        #expect(try await Self.ids(store, .whole(.any, ["history", "of", "war"], prefix: false)) == ["1"])
        #expect(try await Self.ids(store, .whole(.any, ["tolstoy", "leo"], prefix: false)) == [])
        #expect(try await Self.ids(store, .whole(.creator, ["tolstoy", "leo"], prefix: false)) == ["1"])
        #expect(try await Self.ids(store, .whole(.creator, ["tolst"], prefix: true)) == ["1"])
        #expect(try await Self.ids(store, .whole(.title, ["東京", "大学"], prefix: false)) == ["1"])
        #expect(try await Self.ids(store, .whole(.title, ["東京"], prefix: false)) == [])
        #expect(try await Self.ids(store, .whole(.title, ["ελληνικη", "ιστ"], prefix: true)) == ["1"])
        #expect(try await Self.ids(store, .whole(.title, ["ιστορια"], prefix: true)) == [])
        // Words are text, never query syntax; words without letters or digits (which normalized
        // text never has) begin every value.
        for words in [["war\"", "and"], ["*"], ["(", ")"], ["NEAR", "-", ":"], ["{title}", "^war"], [""], []] {
            let hasWords = words.joined().contains { $0.isLetter || $0.isNumber }
            for prefix in [false, true] {
                _ = try await Self.ids(store, .whole(.any, words, prefix: prefix))
                #expect(try await Self.ids(store, .whole(.title, words, prefix: prefix)) == (prefix && !hasWords ? ["1"] : []))
            }
        }
    }

    @Test func entriesSetTogetherAreSetAsOneAfterTheOther() async throws {
        let store = try StoreContractTests.store()
        try await store.write(in: Self.tenant) { tx in
            for id in ["1", "2"] {
                try await tx.setDiscovery(Self.entry("old \(id)", sortTitle: "old", subject: "old", anyOnly: "old"), for: Self.kind, id: id)
            }
        }
        try await store.bulkWrite(in: Self.tenant) { writer in
            try writer.setDiscovery([
                (Self.kind, "3", Self.entry("first", sortTitle: "first", subject: "a", anyOnly: "x")),
                (Self.kind, "1", Self.entry("new one", sortTitle: "new one", subject: "b", anyOnly: "x")),
                (Self.kind, "2", nil),
                (Self.kind, "3", Self.entry("third", sortTitle: "third", subject: "c", anyOnly: "x")),
                (Self.kind, "4", nil),
            ])
        }
        #expect(try await Self.ids(store, .whole(.any, ["old"], prefix: false)) == [])
        #expect(try await Self.ids(store, .whole(.title, ["first"], prefix: false)) == [])
        #expect(try await Self.ids(store, .whole(.any, ["x"], prefix: false)) == ["1", "3"])
        #expect(try await Self.ids(store, .words(nil, ["third"])) == ["3"])
        let page = try await DiscoveryContractTests.search(
            store,
            DiscoveryQuery(kinds: [Self.kind], expression: nil, order: .key("title", descending: false), facetNames: ["topic"])
        )
        #expect(page.matches.map(\.id) == ["1", "3"])
        #expect(page.facets["topic"]?.map(\.value).sorted() == ["b", "c"])
        // Equal relevance keeps the order the entries were set in: "3" was set last.
        let unranked = try await DiscoveryContractTests.search(store, DiscoveryQuery(kinds: [Self.kind], expression: nil))
        #expect(unranked.matches.map(\.id) == ["1", "3"])
    }
}
