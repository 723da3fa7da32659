import GRDB

/// The sandbox clocks: per tenant, how far its clock is set ahead of (or behind) real time.
enum SandboxClockSQL {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v19 sandbox clocks") { db in
            try db.execute(
                sql: """
                    CREATE TABLE sandbox_clocks (
                        tenant TEXT PRIMARY KEY NOT NULL,
                        offset_seconds INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    """
            )
        }
    }
}
