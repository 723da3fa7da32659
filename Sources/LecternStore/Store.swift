public import Foundation
public import LecternCore

/// Where every API family reads and writes its documents.
///
/// Every access names one ``Tenant`` (institution and data environment), so no handler can
/// reach another institution's data, search included.
public protocol Store: Sendable {
    /// Runs `body` with read access to `tenant`'s documents.
    func read<T: Sendable>(in tenant: Tenant, _ body: @Sendable (any StoreReader) async throws -> T) async throws -> T

    /// Runs `body` in one transaction on `tenant`'s documents: if it throws, nothing it wrote is kept.
    ///
    /// Never call `read` or `write` from inside `body`; use its argument.
    func write<T: Sendable>(in tenant: Tenant, _ body: @Sendable (any StoreWriter) async throws -> T) async throws -> T

    /// Deletes every document of `tenant`, its search entries and its number sequences, in one
    /// transaction (a sandbox reset).
    func purge(_ tenant: Tenant) async throws

    /// Replaces every document of `tenant` with those of its staging copy (``Tenant/staging``),
    /// search entries and number sequences included, in one transaction, and leaves the staging
    /// copy empty: readers see the old partition until the new one is whole.
    func replaceWithStaging(_ tenant: Tenant) async throws

    /// How far `tenant`'s sandbox clock is set from real time, in seconds (0 when never set).
    /// Read anew on every call, so a change made by another process counts at once.
    func clockOffset(of tenant: Tenant) async throws -> Int

    /// Sets `tenant`'s sandbox clock `seconds` from real time (0 puts it back); a purge resets it.
    func setClockOffset(_ seconds: Int, of tenant: Tenant) async throws
}

extension Store {
    /// The time as `tenant` sees it: real time moved by its sandbox clock; production ignores
    /// the clock.
    public func now(for tenant: Tenant) async throws -> Date {
        guard tenant.environment == .sandbox else { return Date() }
        return Date().addingTimeInterval(TimeInterval(try await clockOffset(of: tenant)))
    }
}

/// Read access to one tenant's documents.
public protocol StoreReader: Sendable {
    /// The document of `kind` with primary id `id`, or `nil`.
    func document(_ kind: Kind, id: String) async throws -> Document?
    /// The document of `kind` that has the alternate key `value` (of `type`, or of any type when
    /// `type` is `nil`), or `nil`.
    func document(_ kind: Kind, key value: String, type: String?) async throws -> Document?
    /// The documents matching `query`, one page of them, and their total.
    func find(_ query: DocumentQuery) async throws -> Page<Document>
    /// The pages of several queries, in one trip to the database (each trip is a hand-over
    /// between threads, which costs more than a small query itself).
    func find(_ queries: [DocumentQuery]) async throws -> [Page<Document>]
    /// How many documents of `kind` the tenant has.
    func count(_ kind: Kind) async throws -> Int
    /// The discovery entries matching `query`, one page of them, their total and facet counts.
    func discover(_ query: DiscoveryQuery) async throws -> DiscoveryPage
}

/// Write access to one tenant's documents, inside one transaction.
public protocol StoreWriter: StoreReader {
    /// Inserts or replaces the document with the same kind and id.
    ///
    /// - throws: ``StoreError/duplicateKey(type:value:)`` when another document of the kind has
    ///   one of its keys; nothing is written then.
    func put(_ document: Document) async throws
    /// Inserts or replaces each document in order, as `put` would, in fewer round trips.
    ///
    /// - throws: ``StoreError/duplicateKey(type:value:)`` as `put`; the transaction then holds
    ///   the documents before the failing one, and the caller decides (usually: throw).
    func put(_ documents: [Document]) async throws
    /// Reserves `count` consecutive numbers of the tenant's counter `name` and returns the first.
    ///
    /// Counters start at 1 and never give a number that a committed transaction took, so ids
    /// made from them are unique for the tenant.
    func reserveNumbers(_ name: String, count: Int) async throws -> Int64
    /// Sets (or with `nil`, removes) the discovery entry of the document `id` of `kind`.
    func setDiscovery(_ entry: DiscoveryEntry?, for kind: Kind, id: String) async throws
    /// Deletes a document and its discovery entry; deleting a missing document does nothing.
    func delete(_ kind: Kind, id: String) async throws
}

/// A store failure that a handler answers with a documented error.
public enum StoreError: Error, Hashable, Sendable {
    /// Another document of the same kind already has this alternate key.
    case duplicateKey(type: String, value: String)
    /// A read ran longer than the store allows one statement to run, and was ended.
    case timeLimitExceeded
}
