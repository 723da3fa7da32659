import Foundation
import HTTPTypes
import LecternCore
import LecternPortal
import LecternSQLite
import LecternStore
import LecternTesting
import Testing

/// Changing an application's plan: the rules of a new application's plan, the old keys revoked
/// and one new key on the new plan, shown once.
struct PlanChangeTests {
    static let keyPattern = #"id="new-key">(l7xx[0-9a-f]{32})<"#

    @Test func aGuestApplicationMovesToTheSandboxOfItsOrganization() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let browser = PortalBrowser(client)
            try await PortalSession.developer(lectern, browser, email: "dev@demo.edu")
            let guest = try #require(try await ApplicationTests.createApplication(browser, plan: "guest:DEMO"))
            let id = try #require(try await ApplicationTests.newestApplication(browser))

            // Not a member yet: the Sandbox is refused and nothing changes.
            let page = try await browser.get("/portal/applications/\(id)")
            #expect(page.text.contains(#"<option value="guest:DEMO" selected>"#))
            #expect(!page.text.contains("sandbox:DEMO"))
            #expect(try await browser.post("/portal/applications/\(id)/plan", [("plan", "sandbox:DEMO")]).status == 403)
            #expect(try await client.send(.get, "/almaws/v1/users?limit=1", key: guest).status == 200)

            try await PortalSession.join(lectern, browser, email: "dev@demo.edu")
            try await browser.get("/portal/applications/\(id)")
            let shown = try await browser.submit("/portal/applications/\(id)/plan", [("plan", "sandbox:DEMO")])
            #expect(browser.submitted?.status == 303)
            #expect(browser.submitted?.headers[.location]?.hasPrefix("/portal/applications/\(id)/key?flash=") == true)
            let key = try #require(PortalBrowser.firstMatch(Self.keyPattern, in: shown.text))
            #expect(shown.text.contains("on the Sandbox plan now"))

            #expect(try await client.send(.get, "/almaws/v1/users?limit=1", key: guest).status == 400)
            #expect(try await client.send(.get, "/almaws/v1/users?limit=1", key: key).status == 200)
            let number = try #require(Int64(id))
            let stored = try #require(try await lectern.store.application(id: number))
            #expect(stored.environment == .sandbox)
            #expect(stored.institution == "DEMO")
            let after = try await browser.get("/portal/applications/\(id)")
            #expect(after.text.contains(#"<option value="sandbox:DEMO" selected>"#))
            #expect(after.text.contains("Sandbox · DEMO"))

            // The same plan again is refused, and the key stays.
            #expect(try await browser.post("/portal/applications/\(id)/plan", [("plan", "sandbox:DEMO")]).status == 400)
            #expect(browser.last.text.contains("on this plan already"))
            #expect(try await client.send(.get, "/almaws/v1/users?limit=1", key: key).status == 200)
        }
    }

    @Test func productionNeedsAnAdminAndAMalformedPlanIsRefused() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let (developer, key) = try await PortalSession.member(lectern, client, email: "dev@demo.edu")
            let id = try #require(try await ApplicationTests.newestApplication(developer))
            let page = try await developer.get("/portal/applications/\(id)")
            #expect(!page.text.contains("production:DEMO"))
            #expect(try await developer.post("/portal/applications/\(id)/plan", [("plan", "production:DEMO")]).status == 403)
            try await developer.get("/portal/applications/\(id)")
            #expect(try await developer.post("/portal/applications/\(id)/plan", [("plan", "moon:DEMO")]).status == 400)
            try await developer.get("/portal/applications/\(id)")
            #expect(try await developer.post("/portal/applications/\(id)/plan", [("plan", "sandbox:OTHER")]).status == 403)
            #expect(try await client.send(.get, "/almaws/v1/users?limit=1", key: key).status == 200)

            let (admin, _) = try await PortalSession.member(lectern, client, email: "admin@demo.edu", admin: true)
            let adminApp = try #require(try await ApplicationTests.newestApplication(admin))
            try await admin.get("/portal/applications/\(adminApp)")
            let shown = try await admin.submit("/portal/applications/\(adminApp)/plan", [("plan", "production:DEMO")])
            let production = try #require(PortalBrowser.firstMatch(Self.keyPattern, in: shown.text))
            let adminNumber = try #require(Int64(adminApp))
            let record = try #require(try await lectern.store.keys(application: adminNumber).last)
            #expect(record.environment == .production)
            #expect(record.permissions[Area("users")] == .readWrite)
            #expect(!production.isEmpty)
        }
    }

    @Test func theNewKeyIsShownOnceAndOnlyToItsVisitor() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let browser = PortalBrowser(client)
            try await PortalSession.developer(lectern, browser, email: "dev@demo.edu")
            try await browser.get("/portal/applications/new")
            try await browser.post(
                "/portal/applications",
                [("plan", "guest:DEMO"), ("name", "Once"), ("platform", "Script"), ("area_users", "ro")]
            )
            #expect(browser.last.status == 303)
            let location = try #require(browser.last.headers[.location])
            #expect(!browser.last.text.contains("l7xx"))

            // Another account with the same link sees no key (and the token stays for its owner).
            let other = PortalBrowser(client)
            try await PortalSession.developer(lectern, other, email: "other@example.org")
            let stolen = try await other.get(location)
            #expect(PortalBrowser.firstMatch(Self.keyPattern, in: stolen.text) == nil)

            let first = try await browser.get(location)
            #expect(PortalBrowser.firstMatch(Self.keyPattern, in: first.text) != nil)
            #expect(first.headers[.cacheControl] == "no-store")
            let reload = try await browser.get(location)
            #expect(reload.status == 200)
            #expect(PortalBrowser.firstMatch(Self.keyPattern, in: reload.text) == nil)
            #expect(reload.text.contains("shown already"))
        }
    }
}
