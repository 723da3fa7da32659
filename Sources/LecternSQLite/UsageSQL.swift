import GRDB
import LecternCore
public import LecternStore

extension SQLiteStore {
    public func addUsage(_ counts: [UsageCount]) async throws {
        guard !counts.isEmpty else { return }
        try await transaction {
            try await pool.writeWithoutTransaction { db in
                for count in counts { try UsageSQL.add(db, count) }
            }
        }
    }

    public func usage(institution: String, keyIDs: [Int64]?, fromDay: String, toDay: String) async throws -> [UsageCount] {
        if keyIDs?.isEmpty == true { return [] }
        return try await pool.read { try UsageSQL.counts($0, institution: institution, keyIDs: keyIDs, fromDay: fromDay, toDay: toDay) }
    }
}

/// Calls per key, day (GMT), area, status and error code, for the developer portal's dashboard.
/// Flushed from memory once a second by adding to the stored counts, so several nodes add up.
enum UsageSQL {
    static func register(_ migrator: inout DatabaseMigrator) {
        // `area` and `error_code` are '' rather than NULL when there is none, so that they can be
        // part of the primary key that the upsert relies on.
        migrator.registerMigration("v7 usage counts") { db in
            try db.execute(
                sql: """
                    CREATE TABLE usage_counts (
                        institution TEXT NOT NULL REFERENCES institutions (code),
                        key_id INTEGER NOT NULL REFERENCES api_keys (id),
                        day TEXT NOT NULL,
                        area TEXT NOT NULL,
                        status INTEGER NOT NULL,
                        error_code TEXT NOT NULL,
                        count INTEGER NOT NULL,
                        PRIMARY KEY (institution, key_id, day, area, status, error_code)
                    ) WITHOUT ROWID;
                    CREATE INDEX usage_counts_day ON usage_counts (institution, day);
                    """
            )
        }
    }

    static func add(_ db: Database, _ count: UsageCount) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO usage_counts (institution, key_id, day, area, status, error_code, count) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (institution, key_id, day, area, status, error_code) DO UPDATE SET count = count + excluded.count
                """
        ).execute(arguments: [
            count.institution, count.keyID, count.day, count.area?.rawValue ?? "", count.status, count.errorCode, count.count,
        ])
    }

    static func counts(_ db: Database, institution: String, keyIDs: [Int64]?, fromDay: String, toDay: String) throws -> [UsageCount] {
        var sql = "SELECT * FROM usage_counts WHERE institution = ? AND day BETWEEN ? AND ?"
        var arguments: StatementArguments = [institution, fromDay, toDay]
        if let keyIDs {
            sql += " AND key_id IN (\(databaseQuestionMarks(count: keyIDs.count)))"
            arguments += StatementArguments(keyIDs)
        }
        sql += " ORDER BY day, key_id, area, status, error_code"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            let area: String = row["area"]
            return UsageCount(
                institution: row["institution"],
                keyID: row["key_id"],
                day: row["day"],
                area: area.isEmpty ? nil : Area(area),
                status: row["status"],
                errorCode: row["error_code"],
                count: row["count"]
            )
        }
    }
}
