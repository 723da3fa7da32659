import GRDB
public import LecternCore

extension SQLiteStore {
    public func purge(_ tenant: Tenant) async throws {
        let key = tenant.key
        try await transaction {
            try await pool.writeWithoutTransaction { db in
                try DiscoverySQL.purge(db, key)
                for statement in [
                    "DELETE FROM document_terms WHERE rowid IN (SELECT rowid FROM term_rows WHERE tenant = ?)",
                    "DELETE FROM term_rows WHERE tenant = ?",
                    "DELETE FROM document_keys WHERE tenant = ?",
                    "DELETE FROM documents WHERE tenant = ?",
                    "DELETE FROM counters WHERE tenant = ?",
                ] {
                    try db.execute(sql: statement, arguments: [key])
                }
            }
        }
        frequencies.removeAll()
    }
}
