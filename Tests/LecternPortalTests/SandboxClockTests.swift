import Foundation
import HTTPTypes
import LecternCore
import LecternPortal
import LecternSQLite
import LecternStore
import LecternTesting
import Testing

/// The sandbox clock on the organization page: an administrator sets it, the sandbox's loans
/// and fines follow it at once, a developer cannot set it, and garbage is refused.
struct SandboxClockTests {
    static let sandbox = Tenant(institution: "DEMO", environment: .sandbox)

    @Test func anAdminSetsTheClockAndTheSandboxFollows() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let admin = PortalBrowser(client)
            try await PortalSession.developer(lectern, admin, email: "clock-admin@demo.edu")
            try await PortalSession.join(lectern, admin, email: "clock-admin@demo.edu", admin: true)
            let page = try await admin.get("/portal/organizations/DEMO")
            #expect(page.text.contains(#"<strong id="clock-offset">0</strong>"#))
            try await admin.post("/portal/organizations/DEMO/sandbox/clock", [("offset", "+30d")])
            #expect(admin.last.status == 303)
            let after = try await admin.get(try #require(admin.last.headers[.location]))
            #expect(after.text.contains(#"<strong id="clock-offset">+30d</strong>"#))
            #expect(after.text.contains("The sandbox clock is set +30d from real time"))
            #expect(try await lectern.store.clockOffset(of: Self.sandbox) == 30 * 86_400)
            #expect(try await lectern.store.clockOffset(of: Tenant(institution: "DEMO", environment: .production)) == 0)

            try await admin.get("/portal/organizations/DEMO")
            try await admin.post("/portal/organizations/DEMO/sandbox/clock", [("offset", "next tuesday")])
            #expect(admin.last.text.contains("Write the offset as +14d"))
            #expect(try await lectern.store.clockOffset(of: Self.sandbox) == 30 * 86_400)

            try await admin.get("/portal/organizations/DEMO")
            try await admin.post("/portal/organizations/DEMO/sandbox/clock", [("reset", "yes")])
            #expect(try await lectern.store.clockOffset(of: Self.sandbox) == 0)
        }
    }

    @Test func aDeveloperCannotSetTheClock() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let developer = PortalBrowser(client)
            try await PortalSession.developer(lectern, developer, email: "clock-dev@demo.edu")
            try await PortalSession.join(lectern, developer, email: "clock-dev@demo.edu", admin: false)
            let page = try await developer.get("/portal/organizations/DEMO")
            #expect(!page.text.contains("clock-offset"))
            try await developer.post("/portal/organizations/DEMO/sandbox/clock", [("offset", "+30d")])
            #expect(developer.last.status == 403)
            #expect(try await lectern.store.clockOffset(of: Self.sandbox) == 0)
        }
    }
}
