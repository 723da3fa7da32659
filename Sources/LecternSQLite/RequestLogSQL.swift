import GRDB
public import LecternStore

extension SQLiteStore {
    public func appendRequestLog(_ entries: [RequestLogEntry], keepingNewest: Int) async throws {
        guard !entries.isEmpty else { return }
        try await transaction {
            try await pool.writeWithoutTransaction { db in
                for entry in entries { try RequestLogSQL.append(db, entry) }
                for keyID in Set(entries.map(\.keyID)) { try RequestLogSQL.trim(db, keyID: keyID, keepingNewest: keepingNewest) }
            }
        }
    }

    public func requestLog(keyID: Int64, limit: Int) async throws -> [RequestLogEntry] {
        try await pool.read { try RequestLogSQL.entries($0, keyID: keyID, limit: limit) }
    }
}

/// The newest calls of each key, for the developer portal. Rows of one key are ordered by time,
/// then by id: calls in the same millisecond keep the order in which they were appended.
enum RequestLogSQL {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8 request log") { db in
            try db.execute(
                sql: """
                    CREATE TABLE request_log (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        key_id INTEGER NOT NULL REFERENCES api_keys (id),
                        time TEXT NOT NULL,
                        method TEXT NOT NULL,
                        path TEXT NOT NULL,
                        status INTEGER NOT NULL,
                        microseconds INTEGER NOT NULL,
                        error_code TEXT NOT NULL
                    );
                    CREATE INDEX request_log_key ON request_log (key_id, time, id);
                    """
            )
        }
    }

    static func append(_ db: Database, _ entry: RequestLogEntry) throws {
        try db.cachedStatement(
            sql: "INSERT INTO request_log (key_id, time, method, path, status, microseconds, error_code) VALUES (?, ?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [entry.keyID, entry.time, entry.method, entry.path, entry.status, entry.microseconds, entry.errorCode])
    }

    /// Deletes all but the newest `keepingNewest` rows of a key.
    static func trim(_ db: Database, keyID: Int64, keepingNewest: Int) throws {
        try db.cachedStatement(
            sql: """
                DELETE FROM request_log WHERE key_id = ? AND id NOT IN (
                    SELECT id FROM request_log WHERE key_id = ? ORDER BY time DESC, id DESC LIMIT ?
                )
                """
        ).execute(arguments: [keyID, keyID, keepingNewest])
    }

    static func entries(_ db: Database, keyID: Int64, limit: Int) throws -> [RequestLogEntry] {
        try Row.fetchAll(
            db,
            sql: "SELECT * FROM request_log WHERE key_id = ? ORDER BY time DESC, id DESC LIMIT ?",
            arguments: [keyID, max(0, limit)]
        ).map { row in
            RequestLogEntry(
                keyID: row["key_id"],
                time: row["time"],
                method: row["method"],
                path: row["path"],
                status: row["status"],
                microseconds: row["microseconds"],
                errorCode: row["error_code"]
            )
        }
    }
}
