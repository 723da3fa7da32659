import LecternStore

/// What the search engine stores for one record, derived from its PNX: the text of each Primo
/// query field, the whole values `exact` and `begins_with` compare, the facet values, and the
/// sort keys.
///
/// Every text is already in ``DiscoveryText/normalized(_:)`` form (lowercase, folded, words
/// separated by single spaces), so an engine that tokenizes on spaces (SQLite FTS5, PostgreSQL
/// `simple`) needs no language rules, and a query matches when its words, normalized the same
/// way, match. Facet values stay as displayed: filters compare them verbatim
/// (`facet_topic,exact,Law`).
///
/// ```swift
/// let index = DiscoveryIndex(pnx)
/// index.searchText["title"]  // "life and strange surprizing adventures of robinson crusoe"
/// index.exactText["title"]   // the whole titles, for title,exact,… and title,begins_with,…
/// index.facets["rtype"]      // ["books"]
/// index.sort["title"]        // the title without its leading article
/// ```
public struct DiscoveryIndex: Sendable, Hashable {
    /// Searchable text per query field (`any`, `title`, `creator`, `sub` …: ``fields``), the
    /// field's values joined by line feeds. `any` holds the text of every other field. A field
    /// the record has no text for is absent.
    public var searchText: [String: String]
    /// The normalized whole values per query field, for `exact` (equal to one value) and
    /// `begins_with` (the start of one value: `tolst` begins `tolstoy leo`). `title` also holds the sort
    /// title, so `begins_with` ignores a leading article as Primo does
    /// (TG-080The_Sort_Section). A field with no values is absent.
    public var exactText: [String: [String]]
    /// Facet values per response facet name (`rtype`, `topic`, `creator`, `lang`,
    /// `creationdate`, `library`, `collection`, `tlevel`, `genre`, `pfilter`), as displayed.
    /// A facet the record has no value for is absent.
    public var facets: [String: [String]]
    /// Sort keys: `title` and `author` normalized, `date` the year (`YYYY`), each `""` when
    /// the record has none. Every key is always present.
    public var sort: [String: String]

    /// Creates an index entry from its parts.
    public init(searchText: [String: String], exactText: [String: [String]], facets: [String: [String]], sort: [String: String]) {
        self.searchText = searchText
        self.exactText = exactText
        self.facets = facets
        self.sort = sort
    }

    /// The query fields the index fills, each with the PNX fields (`section.field`) it reads.
    /// `any` reads every other field; `lsr01`…`lsr99` and `usertag` are accepted by the query
    /// parser but have no local data.
    public static let sources: [(field: String, pnx: [String])] = [
        ("title", ["search.title", "search.addtitle", "search.alttitle"]),
        ("addtitle", ["search.addtitle"]),
        ("alttitle", ["search.alttitle"]),
        ("creator", ["search.creatorcontrib"]),
        ("sub", ["search.subject"]),
        ("desc", ["search.description"]),
        ("abstract", ["display.description"]),
        ("toc", ["display.contents"]),
        ("general", ["search.general"]),
        ("isbn", ["search.isbn"]),
        ("issn", ["search.issn"]),
        ("lang", ["facets.language"]),
        ("rtype", ["search.rsrctype"]),
        ("rectype", ["search.rsrctype"]),
        ("cdate", ["search.creationdate"]),
        ("sid", ["search.sourceid"]),
        ("rid", ["search.recordid"]),
        ("addsrcrid", ["search.addsrcrecordid"]),
    ]

    /// Every field name ``searchText`` can hold: `any` and the fields of ``sources``.
    public static var fields: [String] { ["any"] + sources.map(\.field) }

    /// The fields `any` does not repeat: type codes, language codes and ids would make `any`
    /// match `books` or `eng` everywhere. `rid` and `addsrcrid` stay in `any`: real clients look
    /// records up by id with `any,contains,'<id>'` (S:primo/primo_search_service.yml).
    static let notInAny: Set<String> = Set(sources.map(\.field)).subtracting(DiscoveryField.repeatedInAny.map(\.rawValue))
}
