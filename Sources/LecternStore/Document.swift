public import LecternRepresentation

/// The kind of a stored object (`user`, `library`, `location`); families add their own.
public struct Kind: RawRepresentable, Hashable, Sendable {
    /// The kind's name, as stored.
    public var rawValue: String

    /// Creates a kind.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}

/// A stored object: its canonical form (the Alma XML tree) plus what the store indexes.
///
/// The body is the single source of truth. `keys`, `terms` and `fields` are lifted from it by
/// the family that owns the kind, every time it is written, so they can never drift apart.
public struct Document: Sendable {
    /// The kind.
    public var kind: Kind
    /// The primary id, unique per tenant and kind (`primary_id`, a library code).
    public var id: String
    /// The owning object's id for nested kinds (a location's library), or `nil`.
    public var parent: String?
    /// The canonical form.
    public var body: Node
    /// Alternate unique identifiers (type, value), unique per tenant and kind: a user's barcode.
    public var keys: [Key]
    /// Searchable text by field name, for brief search (`last_name` -> `Smith`).
    public var terms: [String: String]
    /// Values to sort and filter on, by field name.
    public var fields: [String: String]
    /// Other documents this one belongs to, by relation (`item` -> a loan's item pid): a
    /// non-unique, indexed lookup (``DocumentQuery/linked``), where `keys` are unique.
    public var links: [Link]
    /// A store-wide sequence number set on every write and never reused, even after a delete:
    /// the tenant, kind and revision name one content.
    public var revision: Int64

    /// Creates a document.
    public init(
        kind: Kind,
        id: String,
        parent: String? = nil,
        body: Node,
        keys: [Key] = [],
        terms: [String: String] = [:],
        fields: [String: String] = [:],
        links: [Link] = [],
        revision: Int64 = 0
    ) {
        self.kind = kind
        self.id = id
        self.parent = parent
        self.body = body
        self.keys = keys
        self.terms = terms
        self.fields = fields
        self.links = links
        self.revision = revision
    }

    /// An alternate unique identifier of a document.
    public struct Key: Sendable, Hashable {
        /// The identifier type (`BARCODE`, `UNIV_ID`).
        public var type: String
        /// The identifier value.
        public var value: String

        /// Creates a key.
        public init(type: String, value: String) {
            self.type = type
            self.value = value
        }
    }

    /// A relation to another object: many documents may have the same link.
    public struct Link: Sendable, Hashable {
        /// The relation (`item`, `bib`).
        public var name: String
        /// The other object's id.
        public var value: String

        /// Creates a link.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }
}
