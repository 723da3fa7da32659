import Foundation
import GRDB
import LecternCore
import LecternSQLite
import LecternStore
import LecternTesting
import Testing

/// No read statement runs longer than the store's limit: it is interrupted and answered as
/// `StoreError.timeLimitExceeded`, and the connection serves the next read as before.
struct StatementTimeLimitTests {
    static let tenant = Tenant(institution: "A", environment: .sandbox)
    /// A statement that would count to a billion, far beyond any limit.
    static let endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM (SELECT x FROM c LIMIT 1000000000)"

    static func store(limit: Duration) throws -> SQLiteStore {
        try SQLiteStore(path: TestDirectory.make("limit").appendingPathComponent("limit.sqlite").path, statementTimeLimit: limit)
    }

    @Test func aReadStatementPastTheLimitIsEndedAndTheNextReadRuns() async throws {
        let store = try Self.store(limit: .milliseconds(300))
        let started = ContinuousClock.now
        await #expect(throws: StoreError.timeLimitExceeded) {
            try await store.read(in: Self.tenant) { _ in try await store.pool.read { try Int.fetchOne($0, sql: Self.endless) } }
        }
        let elapsed = ContinuousClock.now - started
        #expect(elapsed >= .milliseconds(300))
        #expect(elapsed < .seconds(3))
        let quick = try await store.read(in: Self.tenant) { _ in try await store.pool.read { try Int.fetchOne($0, sql: "SELECT 42") } }
        #expect(quick == 42)
    }

    @Test func everyStatementHasTheWholeLimitNotWhatTheOneBeforeLeft() async throws {
        let store = try Self.store(limit: .milliseconds(400))
        let counted = try await store.read(in: Self.tenant) { _ in
            try await store.pool.read { db in
                var total = 0
                for _ in 0..<4 {
                    total +=
                        try Int.fetchOne(
                            db,
                            sql: "SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c LIMIT 200000)"
                        ) ?? 0
                    Thread.sleep(forTimeInterval: 0.15)
                }
                return total
            }
        }
        #expect(counted == 800_000)
    }
}
