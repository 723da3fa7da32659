public import Foundation
import GRDB
public import Hummingbird
import LecternAlma
import LecternApplication
public import LecternCore
import LecternDemo
public import LecternGateway
import LecternHTTP
public import LecternPortal
public import LecternSQLite
import LecternStore
public import Logging

/// A Lectern for tests: the real SQLite store on a fresh temporary file, the demo institution,
/// a second institution for isolation checks, and keys of every kind.
public struct TestLectern: Sendable {
    /// The store (also the registry).
    public let store: SQLiteStore
    /// The gateway.
    public let gateway: Gateway
    /// Demo Guest Sandbox key (GET only).
    public let guestKey: String
    /// Demo Sandbox read/write key for every area.
    public let sandboxKey: String
    /// Demo Sandbox read-only key for every area.
    public let readOnlyKey: String
    /// A key of the other institution (`OTHER`), read/write for every area.
    public let otherKey: String
    /// A demo key without the Users area (Bibs read/write only).
    public let bibsOnlyKey: String
    /// The developer portal (bcrypt at its lowest cost; mail goes to ``outbox``).
    public let portal: Portal
    /// The directory the portal's e-mails are written to.
    public let outbox: URL

    /// Builds a fresh Lectern; `perSecondLimit` is high by default so that tests are not throttled.
    /// Each portal sandbox reset first awaits `sandboxResetGate`, so that a test can hold one
    /// under way.
    public static func make(
        perSecondLimit: Int = 100_000,
        maxBodyBytes: Int = 10 * 1024 * 1024,
        namedUsers: Int? = nil,
        clock: @escaping @Sendable () -> Date = Date.init,
        sandboxResetGate: @escaping @Sendable () async -> Void = {}
    ) async throws -> TestLectern {
        let template = try await Template.shared.make()
        let path = try TestDirectory.make("test").appendingPathComponent("test.sqlite").path
        try FileManager.default.copyItem(atPath: template.path, toPath: path)
        let store = try SQLiteStore(path: path, sortIndexes: LecternAreas.sortIndexes)
        let keys = template.keys
        if let namedUsers {
            try await store.pool.write { db in
                try db.execute(sql: "UPDATE institutions SET named_users = ? WHERE code = 'DEMO'", arguments: [namedUsers])
            }
        }
        try await InstitutionSetup.create(Institution(code: "OTHER", name: "Other University"), registry: store, store: store)
        let all = Dictionary(uniqueKeysWithValues: LecternAreas.names.map { ($0, Access.readWrite) })
        let otherKey = try await KeyIssuer.issue(in: store, institution: "OTHER", environment: .sandbox, permissions: all, label: "other")
        let bibsOnly = try await KeyIssuer.issue(
            in: store,
            institution: "DEMO",
            environment: .sandbox,
            permissions: [.bibs: .readWrite],
            label: "bibs"
        )
        let gateway = Gateway(registry: store, perSecondLimit: perSecondLimit, maxBodyBytes: maxBodyBytes, clock: clock)
        try await gateway.counters.load()
        let outbox = try TestDirectory.make("outbox")
        let portal = Portal(
            store: store,
            gateway: gateway,
            mailer: try OutboxMailer(directory: outbox, logger: Self.quietLogger),
            guestInstitution: DemoInstitution.code,
            sandboxReset: { institution in
                await sandboxResetGate()
                try await DemoInstitution.resetSandbox(of: institution, store: store, passwords: passwords, catalogueSize: 40)
            },
            passwords: PortalPasswords(cost: 4),
            clock: clock
        )
        return TestLectern(
            store: store,
            gateway: gateway,
            guestKey: keys[0].key,
            sandboxKey: keys[1].key,
            readOnlyKey: keys[2].key,
            otherKey: otherKey,
            bibsOnlyKey: bibsOnly,
            portal: portal,
            outbox: outbox
        )
    }

    /// The demo database is built once per test process and copied for every test. Callers that
    /// arrive while it is being built wait for that one build (an actor is reentrant across its
    /// awaits, so the build is one shared task).
    private actor Template {
        static let shared = Template()
        private var build: Task<(path: String, keys: [DemoInstitution.PrintedKey]), any Error>?

        func make() async throws -> (path: String, keys: [DemoInstitution.PrintedKey]) {
            if let build { return try await build.value }
            let task = Task { try await Self.build() }
            build = task
            return try await task.value
        }

        private static func build() async throws -> (path: String, keys: [DemoInstitution.PrintedKey]) {
            let path = try TestDirectory.make("template").appendingPathComponent("template.sqlite").path
            let store = try SQLiteStore(path: path, sortIndexes: LecternAreas.sortIndexes)
            // Enough of the demo catalogue to page past Primo's 2,000 reachable results.
            let keys = try await DemoInstitution.seedIfMissing(
                registry: store,
                store: store,
                passwords: passwords,
                areas: LecternAreas.names,
                catalogueSize: 2_200
            )!
            _ = try await store.pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
            try store.pool.close()
            return (path, keys)
        }
    }

    /// A quick password hasher for tests (the server uses many more rounds).
    public static let passwords = PBKDF2PasswordHasher(rounds: 1_000)

    /// A logger that only reports warnings and worse.
    public static var quietLogger: Logger {
        var logger = Logger(label: "lectern-test")
        logger.logLevel = .warning
        return logger
    }

    /// The application over this Lectern, logging to `logger` (warnings only by default), serving
    /// `areas` (every area `lectern serve` serves by default).
    public func application(logger: Logger? = nil, areas: [APIArea]? = nil) -> some ApplicationProtocol {
        var logger = logger ?? Logger(label: "lectern-test")
        if logger.label == "lectern-test" { logger.logLevel = .warning }
        return buildApplication(
            Services(
                store: store,
                gateway: gateway,
                passwords: Self.passwords,
                portal: portal,
                examples: Tenant(institution: "DEMO", environment: .sandbox)
            ),
            areas: areas ?? LecternAreas.areas(store: store, passwords: Self.passwords),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            logger: logger
        )
    }

    /// A key with custom settings for the demo institution.
    public func key(
        environment: LecternCore.Environment = .sandbox,
        permissions: [Area: Access],
        networks: [String] = [],
        unthrottled: Bool = false
    ) async throws -> String {
        try await KeyIssuer.issue(
            in: store,
            institution: "DEMO",
            environment: environment,
            permissions: permissions,
            allowedNetworks: networks,
            unthrottled: unthrottled,
            label: "test"
        )
    }
}
