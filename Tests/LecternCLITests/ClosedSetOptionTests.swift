import Foundation
import Testing

/// Options that take one of a closed set of values: ArgumentParser refuses any other value
/// before the command runs (status 64), with a message that names the allowed values, and
/// `--help` lists them.
struct ClosedSetOptionTests {
    typealias CLI = CommandLineTests

    /// A database this build refuses: a command that ran by mistake fails at once (it does not serve).
    static let unusableDatabase = ["--database", "postgres://u:p@localhost:5432/db"]

    static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
    static let dataEnvironments = ["sandbox", "production"]
    static let environments = ["guest", "sandbox", "production"]
    static let regions = ["na", "eu", "ap", "aps", "ca", "cn"]

    @Test(arguments: [
        (["serve", "--log-level", "loud"], "loud", "--log-level", logLevels),
        (["import", "marc", "books.mrc", "--institution", "DEMO", "--environment", "nowhere"], "nowhere", "--environment", dataEnvironments),
        (["import", "marc", "books.mrc", "--institution", "DEMO", "--environment", "guest"], "guest", "--environment", dataEnvironments),
        (["export", "marc", "--institution", "DEMO", "--environment", "nowhere"], "nowhere", "--environment", dataEnvironments),
        (["key", "create", "--institution", "DEMO", "--environment", "nowhere", "--area", "users=rw"], "nowhere", "--environment", environments),
        (["import", "marc", "books.mrc", "--institution", "DEMO", "--format", "json"], "json", "--format", ["auto", "xml", "iso2709"]),
        (["export", "marc", "--institution", "DEMO", "--format", "json"], "json", "--format", ["xml", "iso2709"]),
        (["institution", "create", "NEW", "--name", "New", "--region", "mars"], "mars", "--region", regions),
        (["maintenance", "sometimes"], "sometimes", "<state>", ["on", "off"]),
        (["maintenance", "on", "--product", "worldcat"], "worldcat", "--product", ["alma", "primo", "esploro"]),
    ])
    func aValueOutsideTheSetIsRefusedNamingTheAllowedOnes(arguments: [String], value: String, option: String, allowed: [String]) throws {
        let result = try CLI.run(arguments + Self.unusableDatabase)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let message = try #require(result.stderr.components(separatedBy: "\nHelp:").first)
        #expect(message.hasPrefix("Error: The value '\(value)' is invalid for '\(option)"), "\(message)")
        for name in allowed {
            #expect(message.contains("'\(name)'") || message.split(separator: "\n").contains("  - \(name)"), "\(name) is not named in: \(message)")
        }
    }

    @Test func demoCatalogueRefusesAnotherFormat() throws {
        let result = try CLI.run(["demo-catalogue", "--count", "1", "--format", "json"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: The value 'json' is invalid for '--format <format>'. Please provide one of 'xml' and 'iso2709'."))
    }

    @Test(arguments: [
        (["serve", "--help"], "values: trace, debug, info, notice, warning, error, critical; default: info"),
        (["import", "marc", "--help"], "values: sandbox, production; default: sandbox"),
        (["import", "marc", "--help"], "values: auto, xml, iso2709; default: auto"),
        (["export", "marc", "--help"], "values: xml, iso2709; default: xml"),
        (["demo-catalogue", "--help"], "values: xml, iso2709; default: iso2709"),
        (["key", "create", "--help"], "values: guest, sandbox, production"),
        (["institution", "create", "--help"], "values: na, eu, ap, aps, ca, cn; default: na"),
        (["maintenance", "--help"], "values: on, off"),
        (["maintenance", "--help"], "values: alma, primo, esploro; default: alma"),
    ])
    func helpListsTheAllowedValues(arguments: [String], values: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 0)
        let help = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("(\(values))"), "\(help)")
    }

    @Test func allowedValuesWorkAsBefore() throws {
        let database = ["--database", try CLI.temporaryDatabase()]
        let created = try CLI.run(["institution", "create", "EU_INST", "--name", "European University", "--region", "eu"] + database)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try CLI.run(["institution", "list"] + database).stdout.contains("EU_INST\teu\tEuropean University\n"))
        let maintenance = try CLI.run(["maintenance", "on", "--product", "primo"] + database)
        #expect(maintenance.status == 0, "\(maintenance.stderr)")
        #expect(maintenance.stdout == "primo maintenance on\n")
        #expect(try CLI.run(["maintenance", "off"] + database).stdout == "alma maintenance off\n")
        let key = try CLI.run(["key", "create", "--institution", "EU_INST", "--environment", "guest", "--area", "all=ro"] + database)
        #expect(key.status == 0, "\(key.stderr)")
        #expect(try CLI.run(["key", "list", "--institution", "EU_INST"] + database).stdout.contains("\tguest\t"))
    }
}
