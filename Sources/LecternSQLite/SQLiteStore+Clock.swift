import GRDB
public import LecternCore

extension SQLiteStore {
    public func clockOffset(of tenant: Tenant) async throws -> Int {
        try await pool.read { db in
            try Int.fetchOne(
                db.cachedStatement(sql: "SELECT offset_seconds FROM sandbox_clocks WHERE tenant = ?"),
                arguments: [tenant.key]
            ) ?? 0
        }
    }

    public func setClockOffset(_ seconds: Int, of tenant: Tenant) async throws {
        try await transaction {
            try await pool.writeWithoutTransaction { db in
                try db.execute(
                    sql: """
                        INSERT INTO sandbox_clocks (tenant, offset_seconds) VALUES (?, ?)
                        ON CONFLICT (tenant) DO UPDATE SET offset_seconds = excluded.offset_seconds
                        """,
                    arguments: [tenant.key, seconds]
                )
            }
        }
    }
}
