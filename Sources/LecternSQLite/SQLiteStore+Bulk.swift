import GRDB
public import LecternCore
public import LecternStore

extension SQLiteStore: BulkStore {
    /// How large the WAL may grow before a bulk transaction's commit copies its pages into the
    /// database file (256 MB, in pages of the file's size; SQLite's default is 1,000 pages).
    ///
    /// An import batch dirties index pages all over the file (document keys, facet values), and
    /// each checkpoint copies every page the WAL holds: checkpointing after every batch copied
    /// the same pages again and again. Other writes keep the usual limit.
    public static let bulkCheckpointBytes = 256 << 20

    /// The writer's page cache during a bulk transaction, in KiB (256 MB; other writes keep the
    /// 64 MB every connection has).
    ///
    /// A batch of thousands of records dirties more index pages than 64 MB hold: SQLite then
    /// spills pages to the WAL before the commit, and writes them again when the batch touches
    /// them once more. With 10,000-record batches, a 100,000-record import took 48 s instead of
    /// 61 s (1,000-record batches and 64 MB: 70 s, on the same loaded machine).
    public static let bulkCacheKiB = 262_144

    /// Copies the pages the WAL holds into the database file, as far as readers allow, without
    /// waiting for them: after bulk writes, which leave up to ``bulkCheckpointBytes`` there.
    public func checkpoint() async throws {
        try await writeLock.withLock {
            try await pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)") }
        }
    }

    public func bulkWrite<T: Sendable>(in tenant: Tenant, _ body: @escaping @Sendable (any BulkWriter) throws -> T) async throws -> T {
        let tenant = tenant.key
        // The lock orders this transaction with the async ones (see ``transaction(_:)``).
        return try await writeLock.withLock {
            try await pool.writeWithoutTransaction { db in
                let usual = try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") ?? 1000
                let usualCache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.bulkCheckpointBytes / pageSize)")
                try db.execute(sql: "PRAGMA cache_size = -\(Self.bulkCacheKiB)")
                defer {
                    try? db.execute(sql: "PRAGMA wal_autocheckpoint = \(usual)")
                    // Shrinking the cache frees the pages beyond the usual size.
                    try? db.execute(sql: "PRAGMA cache_size = \(usualCache)")
                }
                var result: T?
                try db.inTransaction {
                    result = try body(BulkSQL(db: db, tenant: tenant))
                    return .commit
                }
                return result!
            }
        }
    }
}

/// ``BulkWriter`` on the writer connection, inside the transaction `pool.write` opened.
struct BulkSQL: BulkWriter {
    let db: Database
    let tenant: String

    func documents(_ kind: Kind, ids: [String]) throws -> [Document] {
        guard !ids.isEmpty else { return [] }
        let statement = try db.cachedStatement(
            sql: """
                SELECT id, parent, revision, body, fields FROM documents
                WHERE tenant = ? AND kind = ? AND id IN (SELECT value FROM json_each(?))
                """
        )
        return try Row.fetchAll(statement, arguments: [tenant, kind.rawValue, Self.jsonArray(ids)]).map { try DocumentSQL.decode($0, kind) }
    }

    func documents(_ kind: Kind, parents: [String]) throws -> [Document] {
        guard !parents.isEmpty else { return [] }
        let statement = try db.cachedStatement(
            sql: """
                SELECT id, parent, revision, body, fields FROM documents
                WHERE tenant = ? AND kind = ? AND parent IN (SELECT value FROM json_each(?)) ORDER BY id
                """
        )
        return try Row.fetchAll(statement, arguments: [tenant, kind.rawValue, Self.jsonArray(parents)]).map {
            try DocumentSQL.decode($0, kind)
        }
    }

    func keyOwners(_ kind: Kind, type: String, values: [String]) throws -> [String: KeyOwner] {
        guard !values.isEmpty else { return [:] }
        let statement = try db.cachedStatement(
            sql: """
                SELECT k.key_value, k.id, d.parent FROM document_keys k
                JOIN documents d ON d.tenant = k.tenant AND d.kind = k.kind AND d.id = k.id
                WHERE k.tenant = ? AND k.kind = ? AND k.key_type = ? AND k.key_value IN (SELECT value FROM json_each(?))
                """
        )
        var owners: [String: KeyOwner] = [:]
        for row in try Row.fetchAll(statement, arguments: [tenant, kind.rawValue, type, Self.jsonArray(values)]) {
            owners[row[0]] = KeyOwner(id: row[1], parent: row[2])
        }
        return owners
    }

    func reserveNumbers(_ name: String, count: Int) throws -> Int64 {
        try DocumentSQL.reserveNumbers(db, tenant, name, count: count)
    }

    func put(_ documents: [RenderedDocument]) throws {
        try DocumentSQL.put(db, tenant, documents, checkKeys: false)
    }

    func setDiscovery(_ entries: [(kind: Kind, id: String, entry: DiscoveryEntry?)]) throws {
        try DiscoverySQL.set(db, tenant, entries)
    }

    /// `values` as a JSON array of strings, which `json_each` turns into rows: one statement for
    /// any number of values.
    static func jsonArray(_ values: [String]) -> String {
        var out = "["
        for (index, value) in values.enumerated() {
            if index > 0 { out += "," }
            DocumentSQL.jsonString(value, into: &out)
        }
        return out + "]"
    }
}
