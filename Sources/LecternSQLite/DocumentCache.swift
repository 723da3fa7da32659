import GRDB
import LecternStore
import Synchronization

/// Documents already read and decoded, so that reading one again costs neither a trip to the
/// reader pool nor parsing its XML body (`XMLCodec.parse` through Foundation's `XMLParser` is
/// the bulk of a `GET` by id).
///
/// Validity is a write counter of this process. The cache watches the pool's writer connection
/// (a GRDB transaction observer): every transaction that touches `documents` (and every rolled
/// back one) empties the cache and bumps ``generation`` once it has ended, before the write
/// returns to its caller. Every write of this process goes through that one connection: the
/// store's own transactions and direct `pool.write` calls alike.
///
/// A reader notes the generation *before* its SQL read and keeps what it read only if the
/// generation is still the same afterwards, so a read that overlapped a commit is never kept.
///
/// Only found documents are kept, never "not found", so documents another process creates (a new
/// institution's configuration from `lectern institution create`) are seen at once. Other
/// processes do not change existing documents today; if one ever does, this cache must be
/// validated against the database instead (e.g. by SQLite's `data_version`).
final class DocumentCache: TransactionObserver, Sendable {
    /// The most documents kept; when full, the cache starts over.
    static let capacity = 4096

    private struct Key: Hashable {
        var tenant: String
        var kind: String
        var id: String
    }

    private struct State {
        var generation: UInt64 = 0
        var documents: [Key: Document] = [:]
        /// Whether the writer's current transaction may have changed `documents`.
        var dirty = false
    }

    private let state = Mutex(State())

    /// The current generation: note it before reading the database.
    var generation: UInt64 {
        state.withLock { $0.generation }
    }

    /// The cached document, if any.
    func document(_ tenant: String, _ kind: Kind, id: String) -> Document? {
        let key = Key(tenant: tenant, kind: kind.rawValue, id: id)
        return state.withLock { $0.documents[key] }
    }

    /// Keeps `document`, read at `generation`, unless a write has ended since.
    func keep(_ document: Document, _ tenant: String, read generation: UInt64) {
        let key = Key(tenant: tenant, kind: document.kind.rawValue, id: document.id)
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.documents.count >= Self.capacity { state.documents.removeAll(keepingCapacity: true) }
            state.documents[key] = document
        }
    }

    /// Empties the cache and starts a new generation.
    private func invalidate() {
        state.withLock { state in
            state.generation &+= 1
            state.documents.removeAll(keepingCapacity: true)
            state.dirty = false
        }
    }

    // MARK: - TransactionObserver (called on the writer connection)

    /// Called for every statement the writer prepares to run, with each table it may change:
    /// notes whether `documents` may change. No individual events are needed (and `documents`,
    /// a `WITHOUT ROWID` table, would not report them anyway).
    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        if eventKind.tableName.lowercased() == "documents" {
            state.withLock { $0.dirty = true }
        }
        return false
    }

    func databaseDidChange(with event: DatabaseEvent) {}

    func databaseDidCommit(_ db: Database) {
        if state.withLock({ $0.dirty }) { invalidate() }
    }

    func databaseDidRollback(_ db: Database) {
        invalidate()
    }
}
