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
    @Option(help: "Send the portal's e-mails through this SMTP server instead: smtp://[user:password@]host[:port].")
    var smtp: String?
    @Option(help: "The sender of the portal's e-mails.") var mailFrom = "Lectern Developer Network <no-reply@lectern.local>"

    func validate() throws {
        if let smtp, SMTPMailer(url: smtp, from: mailFrom) == nil {
            throw ValidationError("--smtp must be smtp://[user:password@]host[:port]")
        }
    }

    /// Where mail goes: the SMTP server when one is given, else the outbox.
    func mailer(logger: Logger) throws -> any Mailer {
        if let smtp, let mailer = SMTPMailer(url: smtp, from: mailFrom) { return mailer }
        return try OutboxMailer(directory: URL(fileURLWithPath: outbox), logger: logger, from: mailFrom)
    }

    /// The portal over `store`, with the demo data as the sandbox reset's content.
    func portal(store: SQLiteStore, gateway: Gateway, passwords: any PasswordHasher, demoBibs: Int, logger: Logger) throws -> Portal {
        Portal(
            store: store,
            gateway: gateway,
            mailer: try mailer(logger: logger),
            guestInstitution: DemoInstitution.code,
            sandboxReset: { institution in
                try await DemoInstitution.resetSandbox(of: institution, store: store, passwords: passwords, catalogueSize: demoBibs)
            }
        )
    }
}
