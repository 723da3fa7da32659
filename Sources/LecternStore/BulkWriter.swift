public import LecternCore

/// A store that can run a transaction as one synchronous block: the writes of an import batch
/// without a suspension point (and a hop to the database's queue) per statement.
public protocol BulkStore: Store {
    /// Runs `body` in one transaction on `tenant`'s documents: if it throws, nothing it wrote is
    /// kept. `body` runs on the store's writer and holds it: keep slow work that needs no
    /// database out of it, or spread it over other threads from inside it.
    func bulkWrite<T: Sendable>(in tenant: Tenant, _ body: @escaping @Sendable (any BulkWriter) throws -> T) async throws -> T
}

/// Synchronous access to one tenant's documents inside one write transaction, with lookups
/// that answer many ids or keys at once.
public protocol BulkWriter {
    /// The documents of `kind` among `ids`, in no particular order; missing ids are left out.
    func documents(_ kind: Kind, ids: [String]) throws -> [Document]
    /// The documents of `kind` whose parent is one of `parents`, in id order.
    func documents(_ kind: Kind, parents: [String]) throws -> [Document]
    /// Who has each of `values` as an alternate key of `type` among the documents of `kind`; a
    /// value nobody has is left out.
    func keyOwners(_ kind: Kind, type: String, values: [String]) throws -> [String: KeyOwner]
    /// Reserves `count` consecutive numbers of the tenant's counter `name` and returns the first
    /// (as ``StoreWriter/reserveNumbers(_:count:)``).
    func reserveNumbers(_ name: String, count: Int) throws -> Int64
    /// Inserts or replaces each document in order, as ``StoreWriter/put(_:)-(Document)`` would.
    ///
    /// Keys are not checked before they are written: the caller has made sure that no other
    /// document has them (``keyOwners(_:type:values:)``). A key another document has fails the
    /// statement, and the caller must abandon the transaction.
    func put(_ documents: [RenderedDocument]) throws
    /// Sets (or with `nil`, removes) the discovery entries of several documents, as setting
    /// each in turn with ``StoreWriter/setDiscovery(_:for:id:)`` would (a document named twice
    /// keeps its last entry), in fewer statements.
    func setDiscovery(_ entries: [(kind: Kind, id: String, entry: DiscoveryEntry?)]) throws
}

/// The document that has an alternate key.
public struct KeyOwner: Sendable, Hashable {
    /// Its id.
    public var id: String
    /// Its parent, if its kind has one.
    public var parent: String?

    /// Creates an owner.
    public init(id: String, parent: String?) {
        self.id = id
        self.parent = parent
    }
}
