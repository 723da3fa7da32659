import Foundation
import HTTPTypes
import LecternPortal
import LecternStore
import LecternTesting
import Synchronization
import Testing

/// The sandbox reset runs in the background: its form answers at once with a redirect to a page
/// that shows it running (and reloads itself) until it is done.
struct SandboxResetTests {
    /// Loads the progress page until the reset is no longer running (at most five minutes: under
    /// the whole suite's load a reset takes far longer than alone).
    static func waitForReset(_ browser: PortalBrowser, institution: String) async throws -> Answer {
        let deadline = ContinuousClock.now + .seconds(300)
        while ContinuousClock.now < deadline {
            let page = try await browser.get("/portal/organizations/\(institution)/sandbox/reset")
            if !page.text.contains(#"http-equiv="refresh""#) { return page }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Timeout()
    }

    struct Timeout: Error {}

    @Test func theResetShowsItsProgressUntilItIsDoneAndRefreshesOnlyWhileRunning() async throws {
        let (gate, release) = AsyncStream.makeStream(of: Void.self)
        let lectern = try await TestLectern.make(sandboxResetGate: {
            for await _ in gate { return }
        })
        try await lectern.withClient { client in
            let admin = PortalBrowser(client)
            try await PortalSession.developer(lectern, admin, email: "admin@demo.edu")
            try await PortalSession.join(lectern, admin, email: "admin@demo.edu", admin: true)
            #expect(try await admin.get("/portal/organizations/DEMO/sandbox/reset").text.contains("No sandbox reset has run"))
            try await admin.get("/portal/organizations/DEMO")

            let started = ContinuousClock.now
            try await admin.post("/portal/organizations/DEMO/sandbox/reset", [("confirm", "yes")])
            #expect(admin.last.status == 303)
            #expect(admin.last.headers[.location] == "/portal/organizations/DEMO/sandbox/reset")
            #expect(ContinuousClock.now - started < .seconds(2))

            let running = try await admin.get("/portal/organizations/DEMO/sandbox/reset")
            #expect(running.status == 200)
            #expect(running.text.contains(#"<meta http-equiv="refresh" content="2">"#))
            #expect(running.text.contains("is being reset"))
            #expect(running.text.contains("<progress"))
            #expect(running.text.contains(#"role="status""#))
            #expect(running.text.contains(#"href="/portal/organizations/DEMO" aria-current="page""#))

            // Asking again while it runs queues nothing more.
            try await admin.get("/portal/organizations/DEMO")
            try await admin.post("/portal/organizations/DEMO/sandbox/reset", [("confirm", "yes")])
            #expect(admin.last.status == 303)

            release.yield()
            let done = try await Self.waitForReset(admin, institution: "DEMO")
            #expect(done.text.contains("holds the demo data again"))
            #expect(!done.text.contains("http-equiv"))
            release.finish()
        }
    }

    @Test func onlyAdminsSeeTheProgressPage() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let developer = PortalBrowser(client)
            try await PortalSession.developer(lectern, developer, email: "dev@demo.edu")
            try await PortalSession.join(lectern, developer, email: "dev@demo.edu")
            #expect(try await developer.get("/portal/organizations/DEMO/sandbox/reset").status == 403)
            let outsider = PortalBrowser(client)
            try await PortalSession.developer(lectern, outsider, email: "out@example.org")
            #expect(try await outsider.get("/portal/organizations/DEMO/sandbox/reset").status != 200)
        }
    }

    @Test func aQueuedResetRunsOnceAndReportsFailures() async throws {
        let resets = SandboxResets()
        #expect(resets.start("DEMO", now: Date(timeIntervalSince1970: 0)))
        #expect(!resets.start("DEMO", now: Date(timeIntervalSince1970: 1)))
        #expect(resets.state(of: "DEMO") == .running(since: Date(timeIntervalSince1970: 0)))
        #expect(resets.start("OTHER", now: Date(timeIntervalSince1970: 2)))
        struct Broken: Error {}
        let runs = Counter()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await resets.run(
                    { institution in
                        runs.add()
                        if institution == "OTHER" { throw Broken() }
                    },
                    clock: { Date(timeIntervalSince1970: 10) }
                )
            }
            while resets.state(of: "OTHER").map({ if case .running = $0 { true } else { false } }) ?? true {
                await Task.yield()
            }
            group.cancelAll()
        }
        #expect(runs.value == 2)
        #expect(resets.state(of: "DEMO") == .done(at: Date(timeIntervalSince1970: 10)))
        guard case .failed = resets.state(of: "OTHER") else {
            Issue.record("OTHER's reset should have failed")
            return
        }
    }
}

/// A thread-safe count for a test.
final class Counter: Sendable {
    private let count = Mutex(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
