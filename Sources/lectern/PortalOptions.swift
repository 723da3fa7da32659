import ArgumentParser
import Foundation
import LecternCore
import LecternDemo
import LecternGateway
import LecternPortal
import LecternSQLite
import LecternStore
import Logging

/// Where the developer portal's e-mail goes, shared by `serve` and `portal`.
struct PortalOptions: ParsableArguments {
    @Option(help: "The directory the portal writes its e-mails to, one .eml file per message (activation links are also logged).")
    var outbox = "lectern-data/outbox"

    /// The portal over `store`, with the demo data as the sandbox reset's content.
    func portal(store: SQLiteStore, gateway: Gateway, passwords: any PasswordHasher, demoBibs: Int, logger: Logger) throws -> Portal {
        Portal(
            store: store,
            gateway: gateway,
            mailer: try OutboxMailer(directory: URL(fileURLWithPath: outbox), logger: logger),
            guestInstitution: DemoInstitution.code,
            sandboxReset: { institution in
                try await DemoInstitution.resetSandbox(of: institution, store: store, passwords: passwords, catalogueSize: demoBibs)
            }
        )
    }
}
