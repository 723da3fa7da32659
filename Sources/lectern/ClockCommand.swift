import ArgumentParser
import LecternCore
import LecternSQLite
import LecternStore

struct ClockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clock",
        abstract: "Show or set an institution's sandbox clock: loans fall due, fines grow and holds expire by it.",
        discussion: """
            The sandbox of an institution can run ahead of (or behind) real time, so that integration code sees \
            loans fall due, overdue fines grow and hold-shelf time run out without waiting. Production always \
            keeps real time. A sandbox reset puts the clock back. Running servers follow at once.
            """,
        subcommands: [ShowClock.self, SetClock.self],
        defaultSubcommand: ShowClock.self
    )

    struct ShowClock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the sandbox clock's offset from real time.")
        @OptionGroup var storage: DatabaseOptions
        @Option(help: "The institution code.") var institution: String
        @Option(help: "The environment (production keeps real time).") var environment = DataEnvironment.sandbox

        func run() async throws {
            let store = try storage.open()
            let tenant = try await ClockCommand.tenant(institution, environment, in: store)
            let offset = try await store.clockOffset(of: tenant)
            print("\(institution) \(environment.rawValue) clock: \(ClockOffset.text(offset)) (now \(try await store.now(for: tenant)))")
        }
    }

    struct SetClock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set the sandbox clock ahead of (or behind) real time: +14d, -2h, +1d12h, 0."
        )
        @OptionGroup var storage: DatabaseOptions
        @Option(help: "The institution code.") var institution: String
        @Option(help: "The environment: only the sandbox has a clock of its own.") var environment = DataEnvironment.sandbox
        @Argument(help: "The offset from real time: +14d, -2h, +1d12h30m, 0 (days, hours, minutes, seconds).") var offset: String

        func run() async throws {
            guard environment == .sandbox else { throw CommandFailure("Production keeps real time; only the sandbox has a clock to set.") }
            guard let seconds = ClockOffset.parse(offset) else {
                throw CommandFailure("'\(offset)' is not an offset: write +14d, -2h, +1d12h30m or 0 (at most ten years).")
            }
            let store = try storage.open()
            let tenant = try await ClockCommand.tenant(institution, environment, in: store)
            try await store.setClockOffset(seconds, of: tenant)
            print("\(institution) sandbox clock: \(ClockOffset.text(seconds)) (now \(try await store.now(for: tenant)))")
        }
    }

    /// The tenant, once the institution is known to exist.
    static func tenant(_ institution: String, _ environment: DataEnvironment, in store: SQLiteStore) async throws -> Tenant {
        guard try await store.institution(institution) != nil else { throw CommandFailure("There is no institution \(institution).") }
        return Tenant(institution: institution, environment: environment.environment)
    }
}
