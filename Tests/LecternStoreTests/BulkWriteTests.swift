import Foundation
import GRDB
import LecternCore
import LecternRepresentation
import LecternStore
import LecternTesting
import Testing

@testable import LecternSQLite

/// Bulk transactions on SQLite: all or nothing, and their checkpoint limit stays theirs.
struct BulkWriteTests {
    struct Failure: Error {}

    static func checkpointLimit(_ store: SQLiteStore) async throws -> Int? {
        try await store.pool.write { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") }
    }

    @Test func theUsualCheckpointLimitIsBackAfterABulkWriteThatCommitsOrNot() async throws {
        let store = try StoreContractTests.store()
        let usual = try await Self.checkpointLimit(store)
        try await store.bulkWrite(in: StoreContractTests.tenant) { writer in
            try writer.put([RenderedDocument(StoreContractTests.thing("1", name: "kept"))])
        }
        #expect(try await Self.checkpointLimit(store) == usual)
        await #expect(throws: Failure.self) {
            try await store.bulkWrite(in: StoreContractTests.tenant) { writer in
                try writer.put([RenderedDocument(StoreContractTests.thing("2", name: "dropped"))])
                throw Failure()
            }
        }
        #expect(try await Self.checkpointLimit(store) == usual)
        let ids = try await store.read(in: StoreContractTests.tenant) { reader in
            try await reader.find(DocumentQuery(kind: StoreContractTests.kind)).items.map(\.id)
        }
        #expect(ids == ["1"])
    }

    @Test func aBulkWriteHasTheLargerPageCacheAndLeavesTheUsualOne() async throws {
        let store = try StoreContractTests.store()
        func cacheSize() async throws -> Int? { try await store.pool.write { try Int.fetchOne($0, sql: "PRAGMA cache_size") } }
        let usual = try await cacheSize()
        let during = try await store.bulkWrite(in: StoreContractTests.tenant) { writer in
            try (writer as? BulkSQL).flatMap { try Int.fetchOne($0.db, sql: "PRAGMA cache_size") }
        }
        #expect(during == -SQLiteStore.bulkCacheKiB)
        #expect(try await cacheSize() == usual)
        await #expect(throws: Failure.self) {
            try await store.bulkWrite(in: StoreContractTests.tenant) { _ in throw Failure() }
        }
        #expect(try await cacheSize() == usual)
    }

    @Test func bulkWritesLeaveTheirPagesInTheWALUntilACheckpoint() async throws {
        let path = try TestDirectory.make("bulk").appendingPathComponent("store.sqlite").path
        let store = try SQLiteStore(path: path)
        func fileSize() throws -> Int { try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0 }
        let before = try fileSize()
        for batch in 0..<3 {
            try await store.bulkWrite(in: StoreContractTests.tenant) { writer in
                try writer.put(
                    (1...500).map { RenderedDocument(StoreContractTests.thing("\(batch)-\($0)", name: String(repeating: "x", count: 4000))) }
                )
            }
        }
        #expect(try fileSize() == before)
        try await store.checkpoint()
        #expect(try fileSize() > before + 3 * 500 * 4000)
    }

    @Test func aNewDatabaseHasLargePagesAndAnOlderOneKeepsItsOwnWithTheSameBulkCheckpointSize() async throws {
        func pageSize(_ store: SQLiteStore) async throws -> Int? { try await store.pool.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } }
        func bulkCheckpointLimit(_ store: SQLiteStore) async throws -> Int? {
            try await store.bulkWrite(in: StoreContractTests.tenant) { writer in
                try (writer as? BulkSQL).flatMap { try Int.fetchOne($0.db, sql: "PRAGMA wal_autocheckpoint") }
            }
        }
        let directory = try TestDirectory.make("pages")
        let fresh = try SQLiteStore(path: directory.appendingPathComponent("new.sqlite").path)
        #expect(try await pageSize(fresh) == 16384)
        #expect(try await bulkCheckpointLimit(fresh) == SQLiteStore.bulkCheckpointBytes / 16384)
        let olderPath = directory.appendingPathComponent("older.sqlite").path
        let older = try DatabaseQueue(path: olderPath)
        try await older.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA page_size = 4096")
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "CREATE TABLE earlier (x)")
        }
        try older.close()
        let reopened = try SQLiteStore(path: olderPath)
        #expect(try await pageSize(reopened) == 4096)
        #expect(try await bulkCheckpointLimit(reopened) == SQLiteStore.bulkCheckpointBytes / 4096)
        try await reopened.write(in: StoreContractTests.tenant) { try await $0.put(StoreContractTests.thing("1", name: "works")) }
    }
}
