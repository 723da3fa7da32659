/// A search over one kind of document of one tenant: filter, brief-search expression, order, page.
public struct DocumentQuery: Sendable {
    /// The kind searched.
    public var kind: Kind
    /// Only these documents, when not empty (several documents by id in one query).
    public var ids: [String] = []
    /// Only documents with this parent, when set.
    public var parent: String?
    /// Only documents with one of these parents, when not empty (the children of several
    /// documents in one query); after ``order``, by parent, then by id.
    public var parents: [String] = []
    /// Only documents whose `fields` have these values.
    public var equals: [String: String]
    /// Only documents with these links (relation -> value), through the links' index: the way
    /// to select among many documents of a kind (a bib's loans among all loans).
    public var linked: [String: String] = [:]
    /// Only documents whose `fields` are at least these values (compared as text).
    public var atLeast: [String: String] = [:]
    /// Only documents whose `fields` are at most these values (compared as text).
    public var atMost: [String: String] = [:]
    /// Only documents whose id sorts after this one, when set: a whole kind read in batches, each
    /// starting after the last id of the one before (ordered by id, without `order`).
    public var after: String?
    /// A brief-search expression over `terms`, when set.
    public var search: SearchExpression?
    /// Sort keys over `fields`, first is primary; the document id breaks ties.
    public var order: [SortKey]
    /// The page size; `nil` means all.
    public var limit: Int?
    /// How many matches to skip.
    public var offset: Int

    /// Creates a query.
    public init(
        kind: Kind,
        parent: String? = nil,
        equals: [String: String] = [:],
        search: SearchExpression? = nil,
        order: [SortKey] = [],
        limit: Int? = nil,
        offset: Int = 0
    ) {
        self.kind = kind
        self.parent = parent
        self.equals = equals
        self.search = search
        self.order = order
        self.limit = limit
        self.offset = offset
    }

    /// One sort key.
    public struct SortKey: Sendable, Hashable {
        /// The field name in `Document.fields`.
        public var field: String
        /// Whether to sort from high to low.
        public var descending: Bool

        /// Creates a sort key.
        public init(_ field: String, descending: Bool = false) {
            self.field = field
            self.descending = descending
        }
    }
}

/// A brief-search expression: words that must occur in a field, combined with AND and OR.
public indirect enum SearchExpression: Sendable, Hashable {
    /// Every word must occur in the field (`nil`: in any field). A word ending in `*` is a prefix.
    case words(field: String?, [String])
    /// Every operand must match.
    case and([SearchExpression])
    /// At least one operand must match.
    case or([SearchExpression])
}

/// One page of matches and the number of all matches.
public struct Page<Element: Sendable>: Sendable {
    /// The matches on this page.
    public var items: [Element]
    /// How many documents match in all.
    public var total: Int

    /// Creates a page.
    public init(items: [Element], total: Int) {
        self.items = items
        self.total = total
    }
}
