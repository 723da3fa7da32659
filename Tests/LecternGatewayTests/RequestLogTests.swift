import HTTPTypes
import LecternTesting
import Logging
import Synchronization
import Testing

/// The request log names every call but never the key.
struct RequestLogTests {
    final class Captured: Sendable {
        let lines = Mutex<[String]>([])
    }

    struct CapturingHandler: LogHandler {
        let captured: Captured
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .debug

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            captured.lines.withLock { $0.append("\(event.message) \(event.metadata ?? [:]) \(metadata)") }
        }
    }

    @Test func callsAreLoggedWithTheKeyRedacted() async throws {
        let lectern = try await TestLectern.make()
        let captured = Captured()
        let logger = Logger(label: "capture") { _ in CapturingHandler(captured: captured) }
        try await lectern.withClient(logger: logger) { client in
            _ = try await client.send(.get, "/almaws/v1/users?limit=1", key: lectern.sandboxKey, keyInQuery: true)
            _ = try await client.send(.get, "/almaws/v1/users/operation/test", key: lectern.sandboxKey)
        }
        let lines = captured.lines.withLock { $0 }
        #expect(lines.contains { $0.contains("GET /almaws/v1/users?limit=1&apikey=*** 200") })
        #expect(lines.contains { $0.contains("GET /almaws/v1/users/operation/test 200") })
        #expect(!lines.contains { $0.contains(lectern.sandboxKey) })
    }
}
