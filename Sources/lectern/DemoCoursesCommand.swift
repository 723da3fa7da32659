import ArgumentParser
import Foundation
import LecternDemo

/// `lectern demo-courses`: many more courses for an institution, for trying courses at scale.
struct DemoCoursesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-courses",
        abstract: "Write generated courses, with enrolments, reading lists and citations, into an institution.",
        discussion: """
            For trying course reserves at a university's size and for Benchmarks/courses.sh: each course is \
            written through the API's rules, taught by the institution's faculty, with 8 to 30 of its students \
            enrolled and, nine times in ten, a reading list citing its titles; the same for the same seed.
            """
    )
    @OptionGroup var storage: DatabaseOptions
    @Option(help: "The institution code.") var institution = "DEMO"
    @Option(help: "The environment.") var environment = DataEnvironment.sandbox
    @Option(help: "How many courses.") var count = 20_000
    @Option(help: "The seed the courses derive from.") var seed: UInt64 = 2026

    func run() async throws {
        let store = try storage.open()
        let tenant = try await ClockCommand.tenant(institution, environment, in: store)
        let started = Date()
        let written = try await DemoCourses.generate(count: count, into: store, tenant: tenant, seed: seed)
        print("\(written) courses written into \(institution) \(environment.rawValue) in \(Int(Date().timeIntervalSince(started))) s")
    }
}
