import ArgumentParser
import LecternDemo
import LecternGateway
import LecternPortal
import LecternStore
import Logging

struct PortalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal",
        abstract: "Manage the developer portal.",
        subcommands: [Invite.self]
    )

    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Invite someone to an institution's organization (the first administrator, typically) and print the link."
        )
        @OptionGroup var storage: DatabaseOptions
        @OptionGroup var mail: PortalOptions
        @Option(help: "The institution code.") var institution: String
        @Option(help: "The e-mail address to invite.") var email: String
        @Flag(help: "Make the invited developer an organization administrator.") var admin = false

        func run() async throws {
            let store = try storage.open()
            var logger = Logger(label: "lectern")
            logger.logLevel = .warning
            let portal = try mail.portal(
                store: store,
                gateway: Gateway(registry: store),
                passwords: PBKDF2PasswordHasher(),
                demoBibs: 0,
                listening: "http://127.0.0.1:8080",
                logger: logger
            )
            do {
                let link = try await portal.invite(
                    email: email,
                    to: institution,
                    role: admin ? .admin : .developer,
                    by: nil,
                    links: portal.links
                )
                print(link)
            } catch let error as PortalError {
                throw CommandFailure(error.kind == .notFound ? "unknown institution '\(institution)'" : error.message)
            }
        }
    }
}
