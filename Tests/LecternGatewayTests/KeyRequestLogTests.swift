import Foundation
import GRDB
import HTTPTypes
import LecternAlma
import LecternCore
import LecternEsploro
import LecternGateway
import LecternPrimo
import LecternSQLite
import LecternStore
import LecternTesting
import Synchronization
import Testing

/// Each key's newest calls, for the developer portal: readable as soon as the call returns,
/// newest first, never with the key in them.
struct KeyRequestLogTests {
    /// 2027-01-15T08:00:00.5Z.
    static let frozen = Date(timeIntervalSince1970: 1_800_000_000.5)

    @Test func callsAreInTheLogAtOnceNewestFirstWithTheKeyRedacted() async throws {
        let now = Mutex(Self.frozen)
        let lectern = try await TestLectern.make(clock: { now.withLock { $0 } })
        let id = try await lectern.keyID(of: lectern.sandboxKey)
        try await lectern.withClient { client in
            let first = try await client.send(.get, "/almaws/v1/users?limit=1&apikey=\(lectern.sandboxKey)&format=json", key: nil)
            #expect(first.status == 200)
            let log = try await lectern.gateway.requestLog(keyID: id)
            #expect(log.map(\.path) == ["/almaws/v1/users?limit=1&apikey=***&format=json"])
            now.withLock { $0 = $0.addingTimeInterval(0.25) }
            _ = try await client.send(.get, "/almaws/v1/users/no-such-user", key: lectern.sandboxKey)
            _ = try await client.send(.post, "/almaws/v1/users/operation/test", key: lectern.sandboxKey, keyInQuery: true)
        }
        let log = try await lectern.gateway.requestLog(keyID: id, limit: 10)
        #expect(
            log.map(\.path) == [
                "/almaws/v1/users/operation/test?apikey=***", "/almaws/v1/users/no-such-user", "/almaws/v1/users?limit=1&apikey=***&format=json",
            ]
        )
        #expect(log.map(\.method) == ["POST", "GET", "GET"])
        #expect(log.map(\.status) == [200, 400, 200])
        #expect(log.map(\.errorCode) == ["", "401861", ""])
        #expect(log.map(\.time) == ["2027-01-15T08:00:00.750Z", "2027-01-15T08:00:00.750Z", "2027-01-15T08:00:00.500Z"])
        #expect(log.allSatisfy { $0.keyID == id && $0.microseconds > 0 })
        #expect(!log.contains { $0.path.contains(lectern.sandboxKey) })
        #expect(try await lectern.gateway.requestLog(keyID: id, limit: 1).map(\.method) == ["POST"])
        let other = try await lectern.keyID(of: lectern.otherKey)
        #expect(try await lectern.gateway.requestLog(keyID: other).isEmpty)
    }

    @Test func everyAPIKeyParameterIsRedactedWhateverItsCase() async throws {
        let lectern = try await TestLectern.make()
        let id = try await lectern.keyID(of: lectern.sandboxKey)
        try await lectern.withClient { client in
            let path = "/almaws/v1/users?APIKEY=secret&limit=1&ApiKey=&apikeys=x&apikey=\(lectern.sandboxKey)"
            let answer = try await client.send(.get, path, key: nil)
            #expect(answer.status == 200)
        }
        let log = try await lectern.gateway.requestLog(keyID: id)
        #expect(log.map(\.path) == ["/almaws/v1/users?apikey=***&limit=1&apikey=***&apikeys=x&apikey=***"])
    }

    @Test func theLogKeepsTheNewest100CallsPerKeyAcrossFlushesAndRestarts() async throws {
        let lectern = try await TestLectern.make()
        let id = try await lectern.keyID(of: lectern.sandboxKey)
        let bibsOnly = try await lectern.keyID(of: lectern.bibsOnlyKey)
        try await lectern.withClient { client in
            _ = try await client.send(.get, "/almaws/v1/bibs/test", key: lectern.bibsOnlyKey)
            for call in 0..<250 {
                if call == 60 { try await lectern.gateway.recorder.flush() }
                _ = try await client.send(.get, "/almaws/v1/users/operation/test?call=\(call)", key: lectern.sandboxKey)
            }
        }
        try await lectern.gateway.recorder.flush()
        let stored = try await lectern.store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM request_log WHERE key_id = ?", arguments: [id])
        }
        #expect(stored == 100)
        let restarted = Gateway(registry: lectern.store)
        let log = try await restarted.requestLog(keyID: id, limit: 500)
        #expect(log.count == 100)
        #expect(log.first?.path == "/almaws/v1/users/operation/test?call=249")
        #expect(log.last?.path == "/almaws/v1/users/operation/test?call=150")
        #expect(try await restarted.requestLog(keyID: bibsOnly).map(\.path) == ["/almaws/v1/bibs/test"])
    }

    @Test func whatCannotBeStoredIsKeptForTheNextFlushOnce() async throws {
        let lectern = try await TestLectern.make()
        let id = try await lectern.keyID(of: lectern.sandboxKey)
        let recorder = CallRecorder(registry: lectern.store)
        func call(_ number: Int) {
            recorder.record(
                CallRecord(
                    keyID: id,
                    institution: "DEMO",
                    area: .users,
                    time: Self.frozen.addingTimeInterval(Double(number)),
                    method: "GET",
                    path: "/almaws/v1/users/operation/test?call=\(number)",
                    status: 200,
                    errorCode: "",
                    microseconds: 10
                )
            )
        }
        func rename(_ from: String, _ to: String) async throws {
            try await lectern.store.pool.write { try $0.execute(sql: "ALTER TABLE \(from) RENAME TO \(to)") }
        }
        func total() async throws -> Int {
            try await lectern.store.usage(institution: "DEMO", keyIDs: [id], fromDay: "2027-01-15", toDay: "2027-01-15").map(\.count).reduce(0, +)
        }
        call(0)
        try await rename("usage_counts", "usage_counts_away")
        await #expect(throws: (any Error).self) { try await recorder.flush() }
        try await rename("usage_counts_away", "usage_counts")
        call(1)
        try await rename("request_log", "request_log_away")
        await #expect(throws: (any Error).self) { try await recorder.flush() }
        #expect(try await total() == 2)
        try await rename("request_log_away", "request_log")
        call(2)
        try await recorder.flush()
        #expect(try await total() == 3)
        let log = try await lectern.store.requestLog(keyID: id, limit: 10)
        #expect(log.map(\.path) == (0...2).reversed().map { "/almaws/v1/users/operation/test?call=\($0)" })
        #expect(log.map(\.time) == ["2027-01-15T08:00:02.500Z", "2027-01-15T08:00:01.500Z", "2027-01-15T08:00:00.500Z"])
    }
}
