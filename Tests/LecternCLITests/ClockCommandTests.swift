import Foundation
import LecternCore
import LecternSQLite
import LecternStore
import Testing

/// `lectern clock`: the sandbox clock set and read from the command line, as a script does.
struct ClockCommandTests {
    @Test func theSandboxClockIsSetShownAndPutBack() async throws {
        let database = try CommandLineTests.temporaryDatabase()
        #expect(try CommandLineTests.run(["institution", "create", "CLOCK", "--name", "Clock U", "--database", database]).status == 0)
        let set = try CommandLineTests.run(["clock", "set", "--institution", "CLOCK", "--database", database, "--", "+14d"])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.hasPrefix("CLOCK sandbox clock: +14d"))
        let store = try SQLiteStore.open(url: database)
        #expect(try await store.clockOffset(of: Tenant(institution: "CLOCK", environment: .sandbox)) == 14 * 86_400)
        #expect(try await store.clockOffset(of: Tenant(institution: "CLOCK", environment: .production)) == 0)
        let sandboxNow = try await store.now(for: Tenant(institution: "CLOCK", environment: .sandbox))
        #expect(abs(sandboxNow.timeIntervalSinceNow - 14 * 86_400) < 60)
        let productionNow = try await store.now(for: Tenant(institution: "CLOCK", environment: .production))
        #expect(abs(productionNow.timeIntervalSinceNow) < 60)
        let behind = try CommandLineTests.run(["clock", "set", "--institution", "CLOCK", "--database", database, "--", "-1d12h"])
        #expect(behind.status == 0)
        #expect(
            try CommandLineTests.run(["clock", "--institution", "CLOCK", "--database", database]).stdout.hasPrefix("CLOCK sandbox clock: -1d12h")
        )
        #expect(try CommandLineTests.run(["clock", "set", "--institution", "CLOCK", "--database", database, "0"]).status == 0)
        #expect(try await store.clockOffset(of: Tenant(institution: "CLOCK", environment: .sandbox)) == 0)
    }

    @Test(arguments: [
        ["clock", "set", "--institution", "NOPE", "+1d"],
        ["clock", "set", "--institution", "CLOCKX", "soon"],
        ["clock", "set", "--institution", "CLOCKX", "+99999d"],
        ["clock", "set", "--institution", "CLOCKX", "--environment", "production", "+1d"],
        ["clock", "set", "--institution", "CLOCKX", "+1d2"],
    ])
    func badClockInputFailsWithAMessage(arguments: [String]) throws {
        let database = try CommandLineTests.temporaryDatabase()
        #expect(try CommandLineTests.run(["institution", "create", "CLOCKX", "--name", "X", "--database", database]).status == 0)
        let result = try CommandLineTests.run(arguments + ["--database", database])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: "), "\(result.stderr)")
    }
}
