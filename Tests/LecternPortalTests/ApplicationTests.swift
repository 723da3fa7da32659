import Foundation
import HTTPTypes
import LecternPortal
import LecternSQLite
import LecternStore
import LecternTesting
import Testing

/// Applications and their keys: who may create what, the key shown once, rotation, revocation
/// and permission changes that the gateway follows at once, and isolation between developers.
struct ApplicationTests {
    /// Creates an application through the form and returns the key shown on the answer page.
    static func createApplication(
        _ browser: PortalBrowser,
        plan: String,
        name: String = "Circulation sync",
        areas: [(String, String)] = [("users", "rw")],
        networks: String = ""
    ) async throws -> String? {
        try await browser.get("/portal/applications/new")
        var fields = [("plan", plan), ("name", name), ("platform", "Script"), ("summary", "Nightly sync"), ("networks", networks)]
        fields += areas.map { ("area_\($0.0)", $0.1) }
        try await browser.submit("/portal/applications", fields)
        return PortalBrowser.firstMatch(#"id="new-key">(l7xx[0-9a-f]{32})<"#, in: browser.last.text)
    }

    /// The id of the newest application in the browser's list.
    static func newestApplication(_ browser: PortalBrowser) async throws -> String? {
        PortalBrowser.firstMatch(#"href="/portal/applications/(\d+)""#, in: try await browser.get("/portal/applications").text)
    }

    @Test func aNewAccountGetsAGuestSandboxKeyShownOnce() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let browser = PortalBrowser(client)
            try await PortalSession.developer(lectern, browser, email: "new@example.org")
            let form = try await browser.get("/portal/applications/new")
            #expect(form.text.contains("Guest Sandbox (DEMO"))
            #expect(!form.text.contains("sandbox:DEMO"))
            #expect(form.text.contains(#"<select id="area-users" name="area_users">"#))
            let key = try #require(try await Self.createApplication(browser, plan: "guest:DEMO"))
            #expect(browser.last.headers[.cacheControl] == "no-store")

            #expect(try await client.send(.get, "/almaws/v1/users?limit=1", key: key).status == 200)
            let write = try await client.send(.post, "/almaws/v1/users", key: key, headers: [.contentType: "application/json"], body: "{}")
            #expect(write.status == 403)

            let id = try #require(try await Self.newestApplication(browser))
            let page = try await browser.get("/portal/applications/\(id)")
            #expect(page.text.contains(String(key.prefix(8)) + "…"))
            #expect(!page.text.contains(key))
            #expect(!(try await browser.get("/portal/applications").text.contains(key)))
        }
    }

    @Test func sandboxNeedsMembershipAndProductionAnAdmin() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let browser = PortalBrowser(client)
            try await PortalSession.developer(lectern, browser, email: "dev@demo.edu")
            #expect(try await Self.createApplication(browser, plan: "sandbox:DEMO") == nil)
            #expect(browser.last.status == 403)
            #expect(try await Self.createApplication(browser, plan: "sandbox:DEMO", areas: []) == nil)

            try await PortalSession.join(lectern, browser, email: "dev@demo.edu")
            let key = try #require(try await Self.createApplication(browser, plan: "sandbox:DEMO"))
            let created = try await client.send(
                .post,
                "/almaws/v1/users?format=json",
                key: key,
                headers: [.contentType: "application/json"],
                body: #"{"primary_id":"from.portal","first_name":"From","last_name":"Portal","user_group":{"value":"STAFF"}}"#
            )
            #expect(created.status == 200)
            #expect(try await client.send(.get, "/almaws/v1/bibs/test", key: key).status == 400)

            #expect(try await Self.createApplication(browser, plan: "production:DEMO") == nil)
            #expect(browser.last.status == 403)
            #expect(try await lectern.store.applications(owner: try #require(try await lectern.store.account(email: "dev@demo.edu")).id).count == 1)
        }
    }

    @Test func rotationAndRevocationTakeEffectAtOnce() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let browser = PortalBrowser(client)
            try await PortalSession.developer(lectern, browser, email: "dev@demo.edu")
            try await PortalSession.join(lectern, browser, email: "dev@demo.edu")
            let first = try #require(try await Self.createApplication(browser, plan: "sandbox:DEMO"))
            #expect(try await client.send(.get, "/almaws/v1/users?limit=1", key: first).status == 200)

            let id = try #require(try await Self.newestApplication(browser))
            let page = try await browser.get("/portal/applications/\(id)")
            let keyID = try #require(PortalBrowser.firstMatch(#"/keys/(\d+)/rotate"#, in: page.text))
            try await browser.submit("/portal/applications/\(id)/keys/\(keyID)/rotate", [])
            let second = try #require(PortalBrowser.firstMatch(#"id="new-key">(l7xx[0-9a-f]{32})<"#, in: browser.last.text))
            #expect(second != first)
            let refused = try await client.send(.get, "/almaws/v1/users?limit=1", key: first)
            #expect(refused.status == 400)
            #expect(refused.text.contains("UNAUTHORIZED"))
            #expect(try await client.send(.get, "/almaws/v1/users?limit=1", key: second).status == 200)

            let after = try await browser.get("/portal/applications/\(id)")
            let secondID = try #require(PortalBrowser.firstMatch(#"/keys/(\d+)/revoke"#, in: after.text))
            try await browser.submit("/portal/applications/\(id)/keys/\(secondID)/revoke", [])
            #expect(browser.last.text.contains("The key is revoked."))
            #expect(try await client.send(.get, "/almaws/v1/users?limit=1", key: second).status == 400)

            // Every key revoked: the application gets a new one, with its settings.
            try await browser.submit("/portal/applications/\(id)/keys", [])
            let third = try #require(PortalBrowser.firstMatch(#"id="new-key">(l7xx[0-9a-f]{32})<"#, in: browser.last.text))
            #expect(try await client.send(.get, "/almaws/v1/users?limit=1", key: third).status == 200)
            #expect(try await client.send(.get, "/almaws/v1/bibs/test", key: third).status == 400)

            // Deleted: its keys stop at once and it leaves the list.
            try await browser.get("/portal/applications/\(id)")
            #expect(try await browser.post("/portal/applications/\(id)/delete", []).status == 400)
            try await browser.get("/portal/applications/\(id)")
            try await browser.post("/portal/applications/\(id)/delete", [("confirm", "yes")])
            #expect(browser.last.status == 303)
            #expect(try await client.send(.get, "/almaws/v1/users?limit=1", key: third).status == 400)
            #expect(try await browser.get("/portal/applications/\(id)").status == 404)
            #expect(try await browser.get("/portal/applications").text.contains("/portal/applications/\(id)\"") == false)
        }
    }

    @Test func permissionAndNetworkChangesApplyToTheNextCall() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let (browser, key) = try await PortalSession.member(lectern, client, email: "dev@demo.edu")
            #expect(try await client.send(.get, "/almaws/v1/users?limit=1", key: key).status == 200)
            let id = try #require(try await Self.newestApplication(browser))

            try await browser.get("/portal/applications/\(id)")
            try await browser.submit("/portal/applications/\(id)", [("name", "Circulation sync"), ("platform", "Script"), ("area_bibs", "ro")])
            #expect(browser.submitted?.status == 303)
            #expect(browser.last.status == 200)
            #expect(
                browser.last.text.contains(
                    #"<select id="area-bibs" name="area_bibs">\#n<option value="">No access</option>\#n<option value="ro" selected>"#
                )
            )
            #expect(try await client.send(.get, "/almaws/v1/users?limit=1", key: key).status == 400)
            #expect(try await client.send(.get, "/almaws/v1/bibs/test", key: key).status == 200)

            try await browser.get("/portal/applications/\(id)")
            try await browser.post(
                "/portal/applications/\(id)",
                [("name", "Circulation sync"), ("platform", "Script"), ("area_bibs", "ro"), ("networks", "not-a-network")]
            )
            #expect(browser.last.status == 400)
            try await browser.get("/portal/applications/\(id)")
            try await browser.post(
                "/portal/applications/\(id)",
                [("name", "Circulation sync"), ("platform", "Script"), ("area_bibs", "ro"), ("networks", "10.9.0.0/16")]
            )
            let forbidden = try await client.send(.get, "/almaws/v1/bibs/test", key: key)
            #expect(forbidden.status == 403)
            #expect(forbidden.text.contains("FORBIDDEN"))
        }
    }

    @Test func developersNeverSeeEachOthersApplications() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let owner = PortalBrowser(client)
            try await PortalSession.developer(lectern, owner, email: "owner@demo.edu")
            try await PortalSession.join(lectern, owner, email: "owner@demo.edu")
            let key = try #require(try await Self.createApplication(owner, plan: "sandbox:DEMO"))
            _ = try await client.send(.get, "/almaws/v1/users?limit=1", key: key)
            let id = try #require(try await Self.newestApplication(owner))
            let keyID = try #require(PortalBrowser.firstMatch(#"/keys/(\d+)/rotate"#, in: try await owner.get("/portal/applications/\(id)").text))

            // A colleague in the same organization (not an admin) and a stranger from another one.
            let colleague = PortalBrowser(client)
            try await PortalSession.developer(lectern, colleague, email: "colleague@demo.edu")
            try await PortalSession.join(lectern, colleague, email: "colleague@demo.edu")
            let stranger = PortalBrowser(client)
            try await PortalSession.developer(lectern, stranger, email: "stranger@other.edu")
            try await PortalSession.join(lectern, stranger, email: "stranger@other.edu", institution: "OTHER", admin: true)

            for browser in [colleague, stranger] {
                #expect(!(try await browser.get("/portal/applications").text.contains("Circulation sync")))
                #expect(try await browser.get("/portal/applications/\(id)").status == 404)
                #expect(try await browser.get("/portal/usage?application=\(id)").status == 404)
                try await browser.get("/portal/applications")
                #expect(try await browser.post("/portal/applications/\(id)/keys/\(keyID)/revoke", []).status == 404)
                try await browser.get("/portal/applications")
                #expect(
                    try await browser.post("/portal/applications/\(id)/faults", [("kind", "daily"), ("mode", "next"), ("value", "1")]).status == 404
                )
                try await browser.get("/portal/console")
                #expect(try await browser.post("/portal/console", [("area", "users"), ("key", "\(id):\(keyID)")]).status == 404)
            }
            #expect(try await client.send(.get, "/almaws/v1/users?limit=1", key: key).status == 200)

            // The organization's admin sees it.
            let admin = PortalBrowser(client)
            try await PortalSession.developer(lectern, admin, email: "admin@demo.edu")
            try await PortalSession.join(lectern, admin, email: "admin@demo.edu", admin: true)
            #expect(try await admin.get("/portal/applications/\(id)").status == 200)
        }
    }

    @Test func theRequestLogShowsEachCallWithoutTheKey() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let (browser, key) = try await PortalSession.member(lectern, client, email: "dev@demo.edu")
            _ = try await client.send(.get, "/almaws/v1/users?limit=2", key: key, keyInQuery: true)
            _ = try await client.send(.get, "/almaws/v1/users/no.such.user", key: key)
            let id = try #require(try await Self.newestApplication(browser))
            let page = try await browser.get("/portal/applications/\(id)").text
            #expect(page.contains("/almaws/v1/users?limit=2&amp;apikey=***"))
            #expect(page.contains(#"<td class="nowrap">401861</td>"#))
            #expect(!page.contains(key))
        }
    }

    @Test func faultsAnswerTheNextCallsLikeTheRealRefusal() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let (browser, key) = try await PortalSession.member(lectern, client, email: "admin@demo.edu", admin: true)
            let id = try #require(try await Self.newestApplication(browser))
            try await browser.get("/portal/applications/\(id)")
            try await browser.submit("/portal/applications/\(id)/faults", [("kind", "per-second"), ("mode", "next"), ("value", "2")])
            #expect(browser.last.text.contains("429 PER_SECOND_THRESHOLD for the next 2 calls"))
            for _ in 0..<2 {
                let refused = try await client.send(.get, "/almaws/v1/users?limit=1", key: key)
                #expect(refused.status == 429)
                #expect(refused.text.contains("PER_SECOND_THRESHOLD"))
            }
            #expect(try await client.send(.get, "/almaws/v1/users?limit=1", key: key).status == 200)

            try await browser.get("/portal/applications/\(id)")
            try await browser.post("/portal/applications/\(id)/faults", [("kind", "routing"), ("mode", "percent"), ("value", "100")])
            #expect(try await client.send(.get, "/almaws/v1/users?limit=1", key: key).status == 503)
            try await browser.get("/portal/applications/\(id)")
            try await browser.post("/portal/applications/\(id)/faults/clear", [])
            #expect(try await client.send(.get, "/almaws/v1/users?limit=1", key: key).status == 200)

            // Production keys get no fault form and no faults.
            _ = try #require(try await Self.createApplication(browser, plan: "production:DEMO", name: "Live"))
            let live = try #require(try await Self.newestApplication(browser))
            #expect(!(try await browser.get("/portal/applications/\(live)").text.contains("Inject faults")))
            try await browser.get("/portal/applications/\(live)")
            #expect(
                try await browser.post("/portal/applications/\(live)/faults", [("kind", "daily"), ("mode", "next"), ("value", "1")]).status == 400
            )
        }
    }
}
