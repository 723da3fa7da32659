import ArgumentParser
import LecternApplication
import LecternCore
import LecternGateway
import LecternSQLite
import LecternStore

struct KeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Manage API keys.",
        subcommands: [Create.self, List.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an API key and print it (alone, on stdout). It is shown only now.")
        @OptionGroup var storage: DatabaseOptions
        @Option(help: "The institution code.") var institution: String
        @Option(help: "The environment the key is for.") var environment: Environment
        @Option(help: "AREA=ro|rw; areas: \(LecternAreas.names.map(\.rawValue).joined(separator: ", ")), or all. Repeatable.")
        var area: [AreaGrant] = []
        @Option(help: "A CIDR block the key may be used from. Repeatable.") var allowIp: [String] = []
        @Option(help: "A label for listings.") var label = "created by lectern key create"
        @Flag(help: "Lift the governance thresholds for this key (benchmarks).") var unthrottled = false

        func validate() throws {
            guard !area.isEmpty else { throw ValidationError("give at least one --area AREA=ro|rw") }
            _ = try permissions()
        }

        func permissions() throws -> [Area: Access] {
            var permissions: [Area: Access] = [:]
            for grant in area {
                if grant.area == "all" {
                    for area in LecternAreas.names { permissions[area] = grant.access }
                } else if let area = LecternAreas.names.first(where: { $0.rawValue == grant.area }) {
                    permissions[area] = grant.access
                } else {
                    throw ValidationError("unknown area '\(grant.area)'")
                }
            }
            return permissions
        }

        func run() async throws {
            do {
                let key = try await KeyIssuer.issue(
                    in: try storage.open(),
                    institution: institution,
                    environment: environment,
                    permissions: try permissions(),
                    allowedNetworks: allowIp,
                    unthrottled: unthrottled,
                    label: label
                )
                print(key)
            } catch let error as KeyIssuerError {
                throw CommandFailure(error.description)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List an institution's keys (prefixes only; keys are never stored).")
        @OptionGroup var storage: DatabaseOptions
        @Option(help: "The institution code.") var institution: String

        func run() async throws {
            for key in try await storage.open().keys(institution: institution) {
                let areas = key.permissions.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value.rawValue)" }
                let label = key.revoked ? "\(key.label) (revoked)" : key.label
                print("\(key.prefix)…\t\(key.environment.rawValue)\t\(areas.joined(separator: ","))\t\(label)")
            }
        }
    }
}
