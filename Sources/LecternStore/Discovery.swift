public import LecternCore

/// What a document contributes to discovery search (Primo): ranked text, whole-field values for
/// exact and begins-with matches, facet values and sort keys.
///
/// A family sets it beside the document (``StoreWriter/setDiscovery(_:for:id:)``), in the same
/// transaction as the document, so a write is searchable as soon as it returns; deleting the
/// document removes it.
public struct DiscoveryEntry: Sendable, Hashable {
    /// Searchable text by field; `any` should hold everything searchable.
    public var text: [DiscoveryField: String]
    /// Normalized whole values by field, for `exact` and `begins_with` (`title` -> `war and peace`).
    public var wholeValues: [DiscoveryField: [String]]
    /// Facet values by facet name (`rtype` -> `books`; `topic` -> several).
    public var facets: [String: [String]]
    /// Sort keys by name (`title`, `author`, `date`).
    public var sort: [String: String]
    /// What a match on this entry hands back besides the document's id
    /// (``DiscoveryPage/Match/display``): the family's own rendering of what a page of results
    /// shows, kept beside the entry so that such a page need not read the documents. Opaque to
    /// the store.
    public var display: String?

    /// Creates an entry.
    public init(
        text: [DiscoveryField: String],
        wholeValues: [DiscoveryField: [String]] = [:],
        facets: [String: [String]] = [:],
        sort: [String: String] = [:],
        display: String? = nil
    ) {
        self.text = text
        self.wholeValues = wholeValues
        self.facets = facets
        self.sort = sort
        self.display = display
    }
}

/// The searchable fields of the discovery index, each a column with its own ranking weight:
/// the query fields of Primo (`any`, `title`, `creator`, `sub`, ...; PRIMO.md section 2), since
/// discovery search is Primo's.
public enum DiscoveryField: String, Sendable, Hashable, CaseIterable {
    case any, title, addtitle, alttitle, creator, sub, desc, abstract, toc, general, isbn, issn
    case lang, rtype, rectype, cdate, sid, rid, addsrcrid

    /// The fields whose text `any` repeats: a word of `any` is in one of them, so a search of
    /// `any` can match them instead and rank a title match above a subject match.
    public static let repeatedInAny: [DiscoveryField] = [.title, .creator, .sub, .desc, .general, .isbn, .issn, .rid, .addsrcrid]

    /// How much a match in this field counts towards relevance: a title match ranks above a
    /// creator match, above a subject match, above a match anywhere else.
    public var weight: Double {
        switch self {
        case .title: 10
        case .addtitle, .alttitle, .creator: 6
        case .sub, .isbn, .issn, .rid, .addsrcrid: 4
        case .desc, .abstract, .toc: 2
        case .any, .general, .lang, .rtype, .rectype, .cdate, .sid: 1
        }
    }
}

/// A boolean search expression over the discovery index.
public indirect enum DiscoveryExpression: Sendable, Hashable {
    /// Every word occurs in the field (`nil`: anywhere); a word ending in `*` is a prefix.
    case words(DiscoveryField?, [String])
    /// The words occur next to each other, in order.
    case phrase(DiscoveryField?, [String])
    /// The field's whole value is these words (normalized), or, with `prefix`, starts with them.
    case whole(DiscoveryField, [String], prefix: Bool)
    /// Every operand matches (`.and([])`: everything).
    case and([DiscoveryExpression])
    /// At least one operand matches (`.or([])`: nothing).
    case or([DiscoveryExpression])
    /// The first matches and the second does not.
    case andNot(DiscoveryExpression, DiscoveryExpression)
}

/// A discovery search: which documents, which facet values they must or must not have, the
/// order, the page, and which facets to count.
public struct DiscoveryQuery: Sendable {
    /// The kinds searched (a bib, a research asset).
    public var kinds: [Kind]
    /// The match; `nil` matches every entry of the kinds.
    public var expression: DiscoveryExpression?
    /// Facet conditions, all of which must hold.
    public var filters: [FacetFilter]
    /// The order.
    public var order: DiscoveryOrder
    /// The page size.
    public var limit: Int
    /// How many matches to skip.
    public var offset: Int
    /// The facets to count over all matches (not only the page), most frequent values first.
    public var facetNames: [String]
    /// At most this many values per counted facet.
    public var facetValueLimit: Int

    /// Creates a query.
    public init(
        kinds: [Kind],
        expression: DiscoveryExpression?,
        filters: [FacetFilter] = [],
        order: DiscoveryOrder = .relevance,
        limit: Int = 10,
        offset: Int = 0,
        facetNames: [String] = [],
        facetValueLimit: Int = 20
    ) {
        self.kinds = kinds
        self.expression = expression
        self.filters = filters
        self.order = order
        self.limit = limit
        self.offset = offset
        self.facetNames = facetNames
        self.facetValueLimit = facetValueLimit
    }
}

/// A condition on one facet.
public struct FacetFilter: Sendable, Hashable {
    /// The facet name (`rtype`).
    public var facet: String
    /// The values, any of which satisfies the condition.
    public var values: [String]
    /// An inclusive range of values instead (`creationdate` `[2005 TO 2013]`), compared as text.
    public var range: ClosedRange<String>?
    /// Whether matching documents are excluded instead of kept.
    public var exclude: Bool

    /// Creates a condition on `values`.
    public init(facet: String, values: [String], exclude: Bool = false) {
        self.facet = facet
        self.values = values
        self.range = nil
        self.exclude = exclude
    }

    /// Creates a condition on a range of values.
    public init(facet: String, range: ClosedRange<String>, exclude: Bool = false) {
        self.facet = facet
        self.values = []
        self.range = range
        self.exclude = exclude
    }
}

/// The order of discovery results.
public enum DiscoveryOrder: Sendable, Hashable {
    /// Best matches first.
    case relevance
    /// By a sort key of the entries, then by relevance.
    case key(String, descending: Bool)
}

/// One page of discovery matches, with the facet counts over all matches.
public struct DiscoveryPage: Sendable {
    /// One match: the document and its relevance (higher is better).
    public struct Match: Sendable {
        /// The document's kind.
        public var kind: Kind
        /// The document's id.
        public var id: String
        /// Its relevance to the query; 0 when nothing in it ranks.
        public var score: Double
        /// The entry's ``DiscoveryEntry/display``, if it has one.
        public var display: String?

        /// Creates a match.
        public init(kind: Kind, id: String, score: Double, display: String? = nil) {
            self.kind = kind
            self.id = id
            self.score = score
            self.display = display
        }
    }

    /// The matches on the page.
    public var matches: [Match]
    /// How many entries match in all.
    public var total: Int
    /// Per counted facet, its most frequent values and their counts.
    public var facets: [String: [(value: String, count: Int)]]

    /// Creates a page.
    public init(matches: [Match], total: Int, facets: [String: [(value: String, count: Int)]]) {
        self.matches = matches
        self.total = total
        self.facets = facets
    }
}
