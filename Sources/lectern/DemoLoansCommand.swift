import ArgumentParser
import Foundation
import LecternAlma
import LecternCore
import LecternStore

/// `lectern demo-loans`: a large loan history for an institution, at import speed.
struct DemoLoansCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-loans",
        abstract: "Write a generated history of returned loans (the past year) over an institution's items and users.",
        discussion: """
            For trying circulation at a university's size and for Benchmarks/circulation.sh: the loans are \
            the documents the API leaves when items are lent and returned, spread over every item and user, \
            the same for the same seed. Active loans, holds and fees are not generated.
            """
    )
    @OptionGroup var storage: DatabaseOptions
    @Option(help: "The institution code.") var institution = "DEMO"
    @Option(help: "The environment.") var environment = DataEnvironment.sandbox
    @Option(help: "How many loans.") var count = 100_000
    @Option(help: "The seed the loans derive from.") var seed: UInt64 = 2026

    func run() async throws {
        let store = try storage.open()
        let tenant = try await ClockCommand.tenant(institution, environment, in: store)
        let started = Date()
        let written = try await CirculationHistory.write(count: count, into: store, tenant: tenant, seed: seed)
        print("\(written) returned loans written into \(institution) \(environment.rawValue) in \(Int(Date().timeIntervalSince(started))) s")
    }
}
