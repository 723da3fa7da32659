import GRDB
public import LecternCore
public import LecternStore

extension SQLiteStore {
    public func key(id: Int64) async throws -> KeyRecord? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM api_keys WHERE id = ?", arguments: [id]).map(Self.key(from:))
        }
    }

    public func keys(application: Int64) async throws -> [KeyRecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM api_keys WHERE application_id = ? ORDER BY id", arguments: [application])
                .map(Self.key(from:))
        }
    }

    public func revokeKey(id: Int64) async throws {
        try await transaction {
            try await pool.writeWithoutTransaction { db in
                try db.execute(
                    sql: "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) WHERE id = ?",
                    arguments: [id]
                )
                guard db.changesCount > 0 else { throw RegistryError.unknownKey(id) }
            }
        }
    }

    public func updateKey(id: Int64, label: String, permissions: [Area: Access], allowedNetworks: [String]) async throws {
        try await transaction {
            try await pool.writeWithoutTransaction { db in
                try db.execute(
                    sql: "UPDATE api_keys SET label = ?, permissions = ?, allowed_networks = ? WHERE id = ?",
                    arguments: [label, Self.encode(permissions), allowedNetworks.joined(separator: " "), id]
                )
                guard db.changesCount > 0 else { throw RegistryError.unknownKey(id) }
            }
        }
    }
}

/// The key lifecycle of the developer portal: a key may belong to a portal application and may be
/// revoked. Revoked keys stay (their usage and request log still name them); the gateway refuses them.
enum KeyLifecycleSQL {
    static func register(_ migrator: inout DatabaseMigrator) {
        // No foreign key to the application: the portal creates its own table, in its own migration.
        migrator.registerMigration("v6 key lifecycle") { db in
            try db.execute(
                sql: """
                    ALTER TABLE api_keys ADD COLUMN application_id INTEGER;
                    ALTER TABLE api_keys ADD COLUMN revoked_at TEXT;
                    CREATE INDEX api_keys_application ON api_keys (application_id);
                    """
            )
        }
    }
}
