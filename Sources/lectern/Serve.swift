import ArgumentParser
import Foundation
import Hummingbird
import LecternApplication
import LecternCore
import LecternDemo
import LecternGateway
import LecternHTTP
import LecternPortal
import LecternSQLite
import LecternStore
import Logging

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start the gateway and the APIs on one port.")

    @OptionGroup var storage: DatabaseOptions
    @OptionGroup var mail: PortalOptions
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Flag(help: "Do not create the demo institution on a new database.") var noDemo = false
    @Option(help: "How many bibs the demo catalogue gets on a new database.")
    var demoBibs = DemoInstitution.catalogueSize
    @Option(help: "The least severe messages logged.") var logLevel = Logger.Level.info

    func validate() throws {
        guard demoBibs >= 0 else { throw ValidationError("--demo-bibs must be 0 or more") }
    }

    func run() async throws {
        var logger = Logger(label: "lectern")
        logger.logLevel = logLevel
        let store = try storage.open()
        let passwords = PBKDF2PasswordHasher()
        if !noDemo,
            let keys = try await DemoInstitution.seedIfMissing(
                registry: store,
                store: store,
                passwords: passwords,
                areas: LecternAreas.names,
                catalogueSize: demoBibs
            )
        {
            say("Created the demo institution \(DemoInstitution.code) with demo data. API keys (shown only now):")
            for key in keys { say("  \(key.label): \(key.key)") }
        } else {
            say("Database \(storage.url) is ready. Keys are shown only when created; to list or create them:")
            say("  lectern key list --institution \(DemoInstitution.code)")
            say("  lectern key create --institution \(DemoInstitution.code) --environment sandbox --area all=rw")
        }
        let gateway = Gateway(registry: store)
        try await gateway.counters.load()
        try await gateway.refresh()
        let listening = "http://\(host):\(port)"
        let portal = try mail.portal(
            store: store,
            gateway: gateway,
            passwords: passwords,
            demoBibs: demoBibs,
            listening: listening,
            logger: logger
        )
        let app = lecternApplication(
            Services(
                store: store,
                gateway: gateway,
                passwords: passwords,
                portal: portal,
                examples: Tenant(institution: DemoInstitution.code, environment: .sandbox)
            ),
            configuration: .init(address: .hostname(host, port: port), serverName: "Lectern"),
            logger: logger
        )
        say("Serving http://\(host):\(port)/almaws/v1 (Alma), /primo/v1, /esploro/v1")
        say(
            "Developer portal: http://\(host):\(port)/portal (e-mails go to \(mail.smtp == nil ? mail.outbox + "/" : "the SMTP server")); invite an organization admin with:"
        )
        say("  lectern portal invite --institution \(DemoInstitution.code) --email you@example.org --admin --public-url \(portal.links.base)")
        try await app.runService()
    }
}

/// Writes a line to standard output at once: the keys must reach a pipe or a file while the
/// server runs, not when it stops (`print` is block-buffered when stdout is not a terminal).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
