/// A parsed Primo `q` parameter: clauses of `field,precision,value`, joined by the operator
/// that ends each clause, each value a boolean expression of words and phrases.
///
/// ```swift
/// let query = try PrimoQuery(parsing: "title,exact,\"War and peace\",AND;creator,begins_with,Tolst")
/// query.clauses[0].terms  // .phrase(["war", "and", "peace"])
/// query.root              // .and([.clause(title…), .clause(creator…)])
/// ```
///
/// The syntax is PRIMO.md §2's, with these decisions where the documentation is silent:
///
/// - Clauses are separated by `;`, but only by a `;` outside `"…"` that is followed by
///   `<name>,<name>,`: a value may contain `;` (`title,contains,Rome; a history`).
/// - A clause's value is everything after its second comma, up to a final `,AND`, `,OR` or
///   `,NOT` (upper case): a value may contain commas (`creator,contains,Tolstoy, Leo`). The
///   operator joins the clause with the next; without one, clauses are joined with AND; the
///   last clause's operator is accepted and ignored (real traffic sends `…,OR` on every clause:
///   S:primo/primo_search_service.yml).
/// - Clauses combine left to right without precedence: `a,OR;b,AND;c` is `(a OR b) AND c`,
///   and `a,NOT;b` is `a AND NOT b` [unverified].
/// - Field names and precisions are case-insensitive and stored in lower case; an unknown
///   field or precision is an error (``fields``).
/// - `contains` values: words and phrases (`"…"`, or `'…'` opening at the start of a word and
///   closing at the end of one, so `O'Brien` stays a word) with `AND`, `OR`, `NOT` (upper
///   case) and parentheses; adjacent terms are ANDed, `NOT` binds tightest, `AND` before `OR`.
///   An operator without operands on both sides is a plain word (`title,contains,OR` finds
///   "or"). A word ending in `*` is a prefix. An unmatched `"` or parenthesis is an error; an
///   unmatched `'` is an apostrophe.
/// - `exact` and `begins_with` values are one phrase: the whole value, without enclosing
///   quotes; operators inside it are words.
/// - Words are normalized with ``DiscoveryText``, as the index is: a word that normalizes to
///   several (`e-mail`) becomes a phrase, one that normalizes to nothing (`&`) is dropped, and a
///   value left with no word is an error.
///
/// Parsing never traps and takes time linear in the input; it rejects more than
/// ``maximumLength`` bytes, ``maximumClauses`` clauses, ``maximumTerms`` words in a value or
/// parentheses nested deeper than ``maximumDepth``.
public struct PrimoQuery: Sendable, Hashable {
    /// The clauses, in order.
    public var clauses: [Clause]

    /// One `field,precision,value[,operator]` clause.
    public struct Clause: Sendable, Hashable {
        /// The query field, lower case (`any`, `title`, `creator`, `sub`, `isbn` …).
        public var field: String
        /// How the value matches the field.
        public var precision: Precision
        /// The value as sent, without its operator suffix.
        public var value: String
        /// The value as words and phrases.
        public var terms: Terms
        /// The operator that joins this clause with the next (AND when none was sent).
        public var joiner: BooleanOperator

        /// Creates a clause.
        public init(field: String, precision: Precision, value: String, terms: Terms, joiner: BooleanOperator = .and) {
            self.field = field
            self.precision = precision
            self.value = value
            self.terms = terms
            self.joiner = joiner
        }
    }

    /// How a clause's value matches its field.
    public enum Precision: String, Sendable, Hashable, CaseIterable {
        /// Every term occurs in the field (words in any order, phrases as phrases).
        case contains
        /// The value is the whole of one of the field's values.
        case exact
        /// One of the field's values starts with the value.
        case beginsWith = "begins_with"
    }

    /// `AND`, `OR` or `NOT`, between clauses or terms.
    public enum BooleanOperator: String, Sendable, Hashable, CaseIterable {
        case and = "AND"
        case or = "OR"
        case not = "NOT"
    }

    /// A boolean expression of normalized words and phrases.
    public indirect enum Terms: Sendable, Hashable {
        /// One normalized word.
        case word(String)
        /// Words that must be adjacent, in order.
        case phrase([String])
        /// A word prefix (`popul*`).
        case prefix(String)
        /// All of them.
        case and([Terms])
        /// At least one of them.
        case or([Terms])
        /// Not this.
        case not(Terms)
    }

    /// The clauses as one expression, combined left to right.
    public indirect enum Node: Sendable, Hashable {
        case clause(Clause)
        case and([Node])
        case or([Node])
        case not(Node)
    }

    /// Creates a query from clauses.
    public init(clauses: [Clause]) {
        self.clauses = clauses
    }

    /// The clauses combined: each clause's ``Clause/joiner`` applied left to right, `NOT` as
    /// `AND NOT`; nested operators of the same kind are flattened.
    public var root: Node {
        guard var node = clauses.first.map(Node.clause) else { return .and([]) }
        for (previous, clause) in zip(clauses, clauses.dropFirst()) {
            let next = Node.clause(clause)
            switch previous.joiner {
            case .and: node = Self.combine(node, next, or: false)
            case .or: node = Self.combine(node, next, or: true)
            case .not: node = Self.combine(node, .not(next), or: false)
            }
        }
        return node
    }

    private static func combine(_ left: Node, _ right: Node, or: Bool) -> Node {
        switch (left, or) {
        case (.and(let nodes), false): .and(nodes + [right])
        case (.or(let nodes), true): .or(nodes + [right])
        case (_, false): .and([left, right])
        case (_, true): .or([left, right])
        }
    }

    /// The query fields accepted in `q` (PRIMO.md §2): the documented `any`, `title`,
    /// `creator`, `sub`, `usertag`, the older index names, and local `lsr01`…`lsr99`.
    public static let fields: [String] = [
        "any", "title", "creator", "sub", "usertag", "desc", "rtype", "isbn", "issn", "rectype", "ftext", "general",
        "toc", "lang", "cdate", "sid", "rid", "addsrcrid", "addtitle", "alttitle", "abstract",
    ]

    /// Whether `field` (lower case) is accepted: one of ``fields`` or `lsr01`…`lsr99`.
    public static func isField(_ field: String) -> Bool {
        if fields.contains(field) { return true }
        let digits = field.utf8.dropFirst(3)
        return field.hasPrefix("lsr") && digits.count == 2 && PNXText.isDigits(digits) && field != "lsr00"
    }

    /// The most bytes `q` may have.
    public static let maximumLength = 10_000
    /// The most clauses `q` may have.
    public static let maximumClauses = 100
    /// The most words and phrases one value may have.
    public static let maximumTerms = 200
    /// The deepest nesting of parentheses in a value.
    public static let maximumDepth = 16
}
