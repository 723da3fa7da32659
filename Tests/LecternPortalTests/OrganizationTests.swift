import Foundation
import HTTPTypes
import LecternPortal
import LecternSQLite
import LecternStore
import LecternTesting
import Testing

/// Organizations: invitations, members and roles, what each role sees, and the sandbox reset.
struct OrganizationTests {
    @Test func anAdminInvitesADeveloperWhoJoins() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let admin = PortalBrowser(client)
            try await PortalSession.developer(lectern, admin, email: "admin@demo.edu", name: "Ada Admin")
            try await PortalSession.join(lectern, admin, email: "admin@demo.edu", admin: true)
            #expect(admin.last.status == 303)
            #expect(admin.last.headers[.location] == "/portal/organizations/DEMO")

            let page = try await admin.get("/portal/organizations/DEMO")
            #expect(page.status == 200)
            #expect(page.text.contains("Ada Admin"))
            #expect(page.text.contains("<td>50000</td>"))  // Alma: 1000 x 50 named users
            try await admin.submit("/portal/organizations/DEMO/invitations", [("email", "dev@demo.edu"), ("role", "developer")])
            #expect(admin.submitted?.status == 303)
            #expect(admin.last.status == 200)
            #expect(admin.last.text.contains("Invitation sent to dev@demo.edu"))

            let developer = PortalBrowser(client)
            try await PortalSession.developer(lectern, developer, email: "dev@demo.edu", name: "Dev Eloper")
            let invitation = try #require(try lectern.link(to: "dev@demo.edu", containing: "invitations"))
            try await developer.get(invitation)
            #expect(developer.last.text.contains(#"id="accept-invitation">Join "#))
            #expect(developer.last.text.contains("(DEMO) as a developer"))
            let token = try #require(invitation.split(separator: "=").last.map(String.init))
            try await developer.post("/portal/invitations/accept", [("token", token)])
            #expect(developer.last.status == 303)

            // A developer sees the licence counts but not the members or the admin tools.
            let seen = try await developer.get("/portal/organizations/DEMO")
            #expect(seen.status == 200)
            #expect(seen.text.contains("Daily threshold"))
            #expect(!seen.text.contains("admin@demo.edu"))
            #expect(!seen.text.contains("Reset the sandbox"))
            #expect(try await admin.get("/portal/organizations/DEMO").text.contains("dev@demo.edu"))

            // The same invitation does not work twice.
            try await developer.get(invitation)
            try await developer.post("/portal/invitations/accept", [("token", token)])
            #expect(developer.last.status == 400)
        }
    }

    @Test func rolesAreEnforced() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let admin = PortalBrowser(client)
            try await PortalSession.developer(lectern, admin, email: "admin@demo.edu")
            try await PortalSession.join(lectern, admin, email: "admin@demo.edu", admin: true)
            let developer = PortalBrowser(client)
            try await PortalSession.developer(lectern, developer, email: "dev@demo.edu")
            try await PortalSession.join(lectern, developer, email: "dev@demo.edu")
            let outsider = PortalBrowser(client)
            try await PortalSession.developer(lectern, outsider, email: "outsider@other.edu")

            // Developers cannot invite, remove, promote or reset; outsiders learn nothing.
            let devID = try #require(try await lectern.store.account(email: "dev@demo.edu")).id
            let adminID = try #require(try await lectern.store.account(email: "admin@demo.edu")).id
            try await developer.get("/portal/organizations/DEMO")
            #expect(try await developer.post("/portal/organizations/DEMO/invitations", [("email", "x@demo.edu")]).status == 403)
            try await developer.get("/portal/organizations/DEMO")
            #expect(try await developer.post("/portal/organizations/DEMO/members/\(adminID)/remove", []).status == 403)
            try await developer.get("/portal/organizations/DEMO")
            #expect(try await developer.post("/portal/organizations/DEMO/sandbox/reset", [("confirm", "yes")]).status == 403)
            #expect(try await outsider.get("/portal/organizations/DEMO").status == 404)
            try await outsider.get("/portal")
            #expect(try await outsider.post("/portal/organizations/DEMO/members/\(devID)/role", [("role", "admin")]).status == 404)
            #expect(try await lectern.store.members(institution: "DEMO").count == 2)

            // The last admin stays; a promoted developer can then demote the first admin.
            try await admin.get("/portal/organizations/DEMO")
            #expect(try await admin.post("/portal/organizations/DEMO/members/\(adminID)/role", [("role", "developer")]).status == 400)
            try await admin.get("/portal/organizations/DEMO")
            #expect(try await admin.post("/portal/organizations/DEMO/members/\(devID)/role", [("role", "admin")]).status == 303)
            try await developer.get("/portal/organizations/DEMO")
            #expect(try await developer.post("/portal/organizations/DEMO/members/\(adminID)/remove", []).status == 303)
            #expect(try await lectern.store.members(institution: "DEMO").map(\.account.email) == ["dev@demo.edu"])
        }
    }

    @Test func anInvitationBelongsToItsAddress() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let browser = PortalBrowser(client)
            try await PortalSession.developer(lectern, browser, email: "someone@demo.edu")
            let link = try await lectern.portal.invite(
                email: "intended@demo.edu",
                to: "DEMO",
                role: .admin,
                by: nil,
                links: .init(base: "http://localhost")
            )
            let path = String(link.dropFirst("http://localhost".count))
            let token = String(link.split(separator: "=").last ?? "")
            try await browser.get(path)
            #expect(browser.last.text.contains("not with intended@demo.edu"))
            #expect(!browser.last.text.contains("accept-invitation"))
            try await browser.post("/portal/invitations/accept", [("token", token)])
            #expect(browser.last.status == 400)
            #expect(browser.last.text.contains("sent to intended@demo.edu"))
            #expect(try await lectern.store.members(institution: "DEMO").isEmpty)

            // The refusal did not spend it: the right person signs up through it and joins.
            let intended = PortalBrowser(client)
            try await intended.get(path)
            #expect(intended.last.status == 200)
            #expect(intended.last.text.contains("(DEMO) as an administrator"))
            let signUp = try #require(PortalBrowser.firstMatch(#"href="(/portal/signup[^"]*)" id="invitation-signup""#, in: intended.last.text))
            try await intended.get(signUp.replacingOccurrences(of: "&amp;", with: "&"))
            #expect(intended.last.text.contains(#"value="intended@demo.edu""#))
            #expect(intended.last.text.contains(#"name="next" value="/portal/invitations/accept?token="#))
            let next = try #require(PortalBrowser.firstMatch(#"name="next" value="([^"]*)""#, in: intended.last.text))
            try await intended.post(
                "/portal/signup",
                [("name", "In Tended"), ("email", "intended@demo.edu"), ("password", "correct horse"), ("terms", "yes"), ("next", next)]
            )
            let activation = try #require(try lectern.link(to: "intended@demo.edu", containing: "activate"))
            #expect(activation.contains("&next=%2Fportal%2Finvitations%2Faccept"))
            try await intended.get(activation)
            let logIn = try #require(PortalBrowser.firstMatch(#"href="(/portal/login\?next=[^"]*)""#, in: intended.last.text))
            try await intended.get(logIn.replacingOccurrences(of: "&amp;", with: "&"))
            let back = try #require(PortalBrowser.firstMatch(#"name="next" value="([^"]*)""#, in: intended.last.text))
            try await intended.post("/portal/login", [("email", "intended@demo.edu"), ("password", "correct horse"), ("next", back)])
            #expect(intended.last.headers[.location]?.hasPrefix("/portal/invitations/accept?token=") == true)
            try await intended.get(path)
            try await intended.post("/portal/invitations/accept", [("token", token)])
            #expect(intended.last.status == 303)
            #expect(try await lectern.store.members(institution: "DEMO").map(\.role) == [.admin])
        }
    }

    @Test func anUnknownOrUsedInvitationSaysSoOnItsPage() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let browser = PortalBrowser(client)
            try await browser.get("/portal/invitations/accept?token=0123456789abcdef")
            #expect(browser.last.status == 400)
            #expect(browser.last.text.contains("invalid, used or expired"))
        }
    }

    @Test func anAdminResetsTheSandboxToTheDemoData() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let created = try await client.send(
                .post,
                "/almaws/v1/users",
                key: lectern.sandboxKey,
                headers: [.contentType: "application/json"],
                body: #"{"primary_id":"before.reset","first_name":"Before","last_name":"Reset","user_group":{"value":"STAFF"}}"#
            )
            #expect(created.status == 200)
            let admin = PortalBrowser(client)
            try await PortalSession.developer(lectern, admin, email: "admin@demo.edu")
            try await PortalSession.join(lectern, admin, email: "admin@demo.edu", admin: true)
            try await admin.get("/portal/organizations/DEMO")
            #expect(try await admin.post("/portal/organizations/DEMO/sandbox/reset", []).status == 400)
            try await admin.get("/portal/organizations/DEMO")
            try await admin.submit("/portal/organizations/DEMO/sandbox/reset", [("confirm", "yes")])
            #expect(admin.submitted?.status == 303)
            #expect(admin.submitted?.headers[.location] == "/portal/organizations/DEMO/sandbox/reset")
            let reset = try await SandboxResetTests.waitForReset(admin, institution: "DEMO")
            #expect(reset.text.contains("holds the demo data again"))

            let gone = try await client.send(.get, "/almaws/v1/users/before.reset", key: lectern.sandboxKey)
            #expect(gone.status == 400)
            #expect(gone.text.contains("401861"))
            let users = try await client.send(.get, "/almaws/v1/users?limit=1&format=json", key: lectern.sandboxKey)
            #expect(users.text.contains(#""total_record_count":320"#))
        }
    }
}
