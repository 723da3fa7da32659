import Foundation
public import GRDB
public import LecternCore
public import LecternStore

/// The embedded store: one SQLite file in WAL mode, through GRDB.
///
/// Reads go to GRDB's reader pool. Writes take ``AsyncLock`` for the whole transaction
/// (`BEGIN IMMEDIATE` … `COMMIT`, or `ROLLBACK` when the body throws), because a write body
/// awaits between statements and GRDB's own `write` takes a synchronous closure.
public final class SQLiteStore: Store, Registry {
    /// The GRDB pool; tests reach into it to set up edge cases.
    public let pool: DatabasePool
    let writeLock = AsyncLock()
    /// Decoded documents, emptied by every write to them (see ``DocumentCache``).
    let cache = DocumentCache()
    /// Phrases' document frequencies, for ranking (see ``DocumentFrequencies``).
    let frequencies = DocumentFrequencies()

    /// How long one statement of a read may run before it is interrupted (see ``StatementTimeLimit``).
    public static let defaultStatementTimeLimit: Duration = .seconds(2)

    /// Opens (creating if needed) the database file at `path` and migrates it.
    ///
    /// - parameter upgrading: called before a database made by an earlier version is migrated,
    ///   with the migrations it lacks (rebuilding an index of a large catalogue takes minutes).
    /// - parameter statementTimeLimit: the longest a read statement may run.
    /// - parameter sortIndexes: the orders the areas' lists read in pages (created if missing).
    public init(
        path: String,
        statementTimeLimit: Duration = SQLiteStore.defaultStatementTimeLimit,
        sortIndexes: [SortIndex] = [],
        upgrading: (_ migrations: [String]) -> Void = { _ in }
    ) throws {
        var configuration = Configuration()
        // A write transaction spans several writer accesses (see the type's comment).
        configuration.allowsUnsafeTransactions = true
        configuration.busyMode = .timeout(10)
        configuration.maximumReaderCount = 8
        // Every connection keeps 64 MB of pages instead of SQLite's 2 MB (a bulk transaction
        // raises the writer's, see ``bulkCacheKiB``). Readers also map the file, but SQLite maps
        // at most its first 2 GB: a search over a large catalogue looks up thousands of rows
        // spread over the whole file, and a cache that holds the pages it read turns reading
        // them again (a system call each) into a lookup. Every connection sorts in memory.
        //
        // A new database gets 16 KB pages instead of 4 KB (set before GRDB turns WAL on, which
        // creates the file; an existing file keeps its own): a catalogue's documents are
        // kilobytes of XML, and with four times fewer pages to write and index, the same
        // 100,000-record import ran 1.09 times as fast and took 12% less room (1,115 against
        // 1,271 MB), with searches as fast.
        configuration.prepareDatabase { db in
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA page_size = 16384") }
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try db.execute(sql: "PRAGMA cache_size = -65536")
            FacetTally.register(db)
            DiscoveryRank.register(db)
            if db.configuration.readonly {
                try db.execute(sql: "PRAGMA mmap_size = 2147418112")
                StatementTimeLimit.install(on: db, limit: statementTimeLimit)
            }
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        let migrator = Migrations.migrator
        let applied = try pool.read { try migrator.appliedIdentifiers($0) }
        if !applied.isEmpty {
            let missing = migrator.migrations.filter { !applied.contains($0) }
            if !missing.isEmpty { upgrading(missing) }
        }
        try migrator.migrate(pool)
        try pool.write { db in
            for index in sortIndexes { try SortIndexSQL.create(index, in: db) }
        }
        pool.add(transactionObserver: cache, extent: .databaseLifetime)
    }

    /// Opens the store named by a `sqlite:PATH` database URL, creating the directory; `upgrading`
    /// as in ``init(path:upgrading:)``.
    public static func open(
        url: String,
        sortIndexes: [SortIndex] = [],
        upgrading: (_ migrations: [String]) -> Void = { _ in }
    ) throws -> SQLiteStore {
        let path = try path(from: url)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return try SQLiteStore(path: path, sortIndexes: sortIndexes, upgrading: upgrading)
    }

    /// The file path of a `sqlite:PATH` or `sqlite://PATH` URL.
    public static func path(from url: String) throws -> String {
        var rest = Substring(url)
        guard rest.hasPrefix("sqlite:") else { throw SQLiteStoreError.unsupportedURL(url) }
        rest = rest.dropFirst("sqlite:".count)
        if rest.hasPrefix("//") { rest = rest.dropFirst(2) }
        guard !rest.isEmpty else { throw SQLiteStoreError.unsupportedURL(url) }
        return String(rest)
    }

    public func read<T: Sendable>(in tenant: Tenant, _ body: @Sendable (any StoreReader) async throws -> T) async throws -> T {
        do {
            return try await body(Reader(pool: pool, tenant: tenant.key, cache: cache, frequencies: frequencies))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
            throw StoreError.timeLimitExceeded
        }
    }

    public func write<T: Sendable>(in tenant: Tenant, _ body: @Sendable (any StoreWriter) async throws -> T) async throws -> T {
        try await transaction { try await body(Writer(pool: self.pool, tenant: tenant.key, frequencies: self.frequencies)) }
    }

    /// Runs `body` inside `BEGIN IMMEDIATE` … `COMMIT` under the write lock.
    func transaction<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await writeLock.withLock {
            try await pool.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
            do {
                let result = try await body()
                try await pool.writeWithoutTransaction { try $0.execute(sql: "COMMIT") }
                return result
            } catch {
                try? await pool.writeWithoutTransaction { db in
                    if db.isInsideTransaction { try db.execute(sql: "ROLLBACK") }
                }
                throw error
            }
        }
    }
}

/// A database URL the SQLite store cannot open.
public enum SQLiteStoreError: Error, CustomStringConvertible {
    case unsupportedURL(String)

    public var description: String {
        switch self {
        case .unsupportedURL(let url): "unsupported database URL '\(url)' (expected sqlite:PATH or postgres://…)"
        }
    }
}
