import Foundation
import LecternTesting
import Testing

/// Runs the built `lectern` binary and checks its stdout, stderr and exit status: the command
/// line is a contract that scripts rely on.
struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `lectern` binary next to the test bundle.
    static var binary: URL {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("lectern")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/lectern").standardized
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self)
        )
    }

    static func temporaryDatabase() throws -> String {
        "sqlite:" + (try TestDirectory.make("cli").appendingPathComponent("db.sqlite").path)
    }

    @Test func institutionAndKeyCreationPrintOnlyWhatScriptsRead() throws {
        let database = try Self.temporaryDatabase()
        let institution = try Self.run([
            "institution", "create", "01TEST_INST", "--name", "Test University", "--named-users", "3", "--database", database,
        ])
        #expect(institution.status == 0)
        #expect(institution.stdout == "01TEST_INST\n")
        let key = try Self.run([
            "key", "create", "--institution", "01TEST_INST", "--environment", "sandbox", "--area", "users=rw", "--area", "bibs=ro",
            "--allow-ip", "10.0.0.0/8", "--database", database,
        ])
        #expect(key.status == 0)
        #expect(key.stdout.range(of: "^l7xx[0-9a-f]{32}\n$", options: .regularExpression) != nil)
        let list = try Self.run(["key", "list", "--institution", "01TEST_INST"], environment: ["LECTERN_DATABASE_URL": database])
        #expect(list.status == 0)
        #expect(list.stdout.contains("bibs=ro,users=rw"))
        #expect(!list.stdout.contains(key.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test(arguments: [
        ["key", "create", "--institution", "NOPE", "--environment", "sandbox", "--area", "users=rw"],
        ["key", "create", "--institution", "X", "--environment", "moon", "--area", "users=rw"],
        ["key", "create", "--institution", "X", "--environment", "sandbox", "--area", "users=maybe"],
        ["key", "create", "--institution", "X", "--environment", "sandbox", "--area", "stars=rw"],
        ["key", "create", "--institution", "X", "--environment", "sandbox"],
        ["institution", "create", "bad code!", "--name", "x"],
        ["institution", "create", "OK_CODE"],
        ["institution", "create", "OK_CODE", "--name", "x", "--region", "mars"],
        ["maintenance", "sometimes"],
        ["serve", "--port", "not-a-port"],
        ["no-such-command"],
    ])
    func badInputFailsWithAMessageAndNonZeroStatus(arguments: [String]) throws {
        let result = try Self.run(arguments + ["--database", try Self.temporaryDatabase()])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: "))
    }

    @Test func unknownInstitutionIsOneLineAndStatusOne() throws {
        let result = try Self.run([
            "key", "create", "--institution", "NOPE", "--environment", "sandbox", "--area", "users=rw", "--database", try Self.temporaryDatabase(),
        ])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: unknown institution 'NOPE'\n")
    }

    @Test func duplicateInstitutionIsRefused() throws {
        let database = try Self.temporaryDatabase()
        #expect(try Self.run(["institution", "create", "DUP", "--name", "One", "--database", database]).status == 0)
        let again = try Self.run(["institution", "create", "DUP", "--name", "Two", "--database", database])
        #expect(again.status == 1)
        #expect(again.stderr == "Error: institution DUP already exists\n")
    }

    @Test(arguments: [
        ["--help"], ["serve", "--help"], ["institution", "create", "--help"], ["key", "create", "--help"], ["maintenance", "--help"],
    ])
    func everyCommandHasHelp(arguments: [String]) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE:"))
    }

    @Test func postgresURLIsRefusedClearlyForNow() throws {
        let result = try Self.run(["institution", "list", "--database", "postgres://u:p@localhost:5432/db"])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
