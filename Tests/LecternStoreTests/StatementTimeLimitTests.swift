import Foundation
import GRDB
import LecternCore
import LecternSQLite
import LecternStore
import LecternTesting
import Synchronization
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
        let elapsed = Mutex<Duration>(.zero)
        await #expect(throws: StoreError.timeLimitExceeded) {
            try await store.read(in: Self.tenant) { _ in
                try await store.pool.read { db in
                    let started = ContinuousClock.now
                    defer { elapsed.withLock { $0 = ContinuousClock.now - started } }
                    return try Int.fetchOne(db, sql: Self.endless)
                }
            }
        }
        // Counting to a billion takes minutes; the statement ends soon after its 300 ms (the
        // margin is for a machine busy with other tests).
        #expect(elapsed.withLock { $0 } >= .milliseconds(300))
        #expect(elapsed.withLock { $0 } < .seconds(5))
        let quick = try await store.read(in: Self.tenant) { _ in try await store.pool.read { try Int.fetchOne($0, sql: "SELECT 42") } }
        #expect(quick == 42)
    }

    @Test func everyStatementHasTheWholeLimitNotWhatTheOneBeforeLeft() async throws {
        let store = try Self.store(limit: .seconds(1))
        let counted = try await store.read(in: Self.tenant) { _ in
            try await store.pool.read { db in
                var total = 0
                for _ in 0..<4 {
                    total += try Int.fetchOne(db, sql: Self.counting(50_000)) ?? 0
                    Thread.sleep(forTimeInterval: 0.4)
                }
                return total
            }
        }
        #expect(counted == 200_000)
    }

    static func counting(_ count: Int) -> String {
        "SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c LIMIT \(count))"
    }
}
