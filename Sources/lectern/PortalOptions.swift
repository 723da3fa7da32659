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
    @Option(
        help: "The portal's public address, for the links in its e-mails (https://lectern.example.edu); by default the address the server listens on."
    )
    var publicURL: String?
    @Option(
        name: .customLong("trusted-proxy"),
        help: "A reverse proxy (CIDR) whose X-Forwarded-For names the real client, for the portal's log-in lockout. Repeatable."
    )
    var trustedProxies: [String] = []

    func validate() throws {
        for proxy in trustedProxies where NetworkRule(proxy) == nil {
            throw ValidationError("--trusted-proxy must be a CIDR block or an address: \(proxy)")
        }
        if let publicURL, !Self.isPublicURL(publicURL) {
            throw ValidationError("--public-url must be http://host[:port] or https://host[:port], without a path")
        }
        if let smtp, SMTPMailer(url: smtp, from: mailFrom) == nil {
            throw ValidationError("--smtp must be smtp://[user:password@]host[:port]")
        }
    }

    /// Where mail goes: the SMTP server when one is given, else the outbox.
    func mailer(logger: Logger) throws -> any Mailer {
        if let smtp, let mailer = SMTPMailer(url: smtp, from: mailFrom) { return mailer }
        return try OutboxMailer(directory: URL(fileURLWithPath: outbox), logger: logger, from: mailFrom)
    }

    /// The links' base: `--public-url`, else `listening` (the address the server listens on).
    func links(listening: String) -> Links {
        Links(base: publicURL ?? listening)
    }

    static func isPublicURL(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host?.isEmpty == false else {
            return false
        }
        return url.path.isEmpty && url.query == nil && url.fragment == nil
    }

    /// The portal over `store`, with the demo data as the sandbox reset's content.
    func portal(
        store: SQLiteStore,
        gateway: Gateway,
        passwords: any PasswordHasher,
        demoBibs: Int,
        listening: String,
        logger: Logger
    ) throws -> Portal {
        Portal(
            store: store,
            gateway: gateway,
            mailer: try mailer(logger: logger),
            guestInstitution: DemoInstitution.code,
            links: links(listening: listening),
            trustedProxies: trustedProxies.compactMap(NetworkRule.init),
            sandboxReset: { institution in
                try await DemoInstitution.resetSandbox(of: institution, store: store, passwords: passwords, catalogueSize: demoBibs)
            }
        )
    }
}
