import GRDB
public import LecternCore

extension SQLiteStore {
    public func purge(_ tenant: Tenant) async throws {
        try await transaction {
            try await pool.writeWithoutTransaction { db in try Self.purge(db, tenant.key) }
        }
        frequencies.removeAll()
    }

    public func replaceWithStaging(_ tenant: Tenant) async throws {
        try await transaction {
            try await pool.writeWithoutTransaction { db in
                try Self.purge(db, tenant.key)
                // Document keys refer to their documents by tenant: both move in this transaction,
                // so the check waits for its end.
                try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                for table in Self.tenantTables {
                    try db.execute(sql: "UPDATE \(table) SET tenant = ? WHERE tenant = ?", arguments: [tenant.key, tenant.staging.key])
                }
            }
        }
        frequencies.removeAll()
    }

    /// The tables with a `tenant` column; full-text and discovery part tables follow their rows by rowid.
    static let tenantTables = ["documents", "document_keys", "document_links", "term_rows", "discovery_rows", "counters"]

    private static func purge(_ db: Database, _ key: String) throws {
        try DiscoverySQL.purge(db, key)
        try db.execute(sql: "DELETE FROM document_terms WHERE rowid IN (SELECT rowid FROM term_rows WHERE tenant = ?)", arguments: [key])
        for table in ["term_rows", "document_keys", "document_links", "documents", "counters", "sandbox_clocks"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE tenant = ?", arguments: [key])
        }
    }
}
