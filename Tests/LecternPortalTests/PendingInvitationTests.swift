import Foundation
import HTTPTypes
import LecternPortal
import LecternSQLite
import LecternStore
import LecternTesting
import Testing

/// An organization's admins see the invitations that wait for an answer, and send them again
/// (with a new link) or withdraw them.
struct PendingInvitationTests {
    /// An admin of DEMO, logged in in a browser of `client`, who has invited new@demo.edu as `role`.
    static func adminWhoInvited(_ lectern: TestLectern, _ client: LecternClient, role: String) async throws -> PortalBrowser {
        let admin = PortalBrowser(client)
        try await PortalSession.developer(lectern, admin, email: "admin@demo.edu")
        try await PortalSession.join(lectern, admin, email: "admin@demo.edu", admin: true)
        try await admin.get("/portal/organizations/DEMO")
        try await admin.submit("/portal/organizations/DEMO/invitations", [("email", "new@demo.edu"), ("role", role)])
        return admin
    }

    @Test func adminsSeeResendAndWithdrawPendingInvitations() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let admin = try await Self.adminWhoInvited(lectern, client, role: "developer")
            let first = try #require(try lectern.link(to: "new@demo.edu", containing: "invitations/accept"))

            let page = try await admin.get("/portal/organizations/DEMO")
            #expect(page.text.contains("<td>new@demo.edu</td><td>developer</td>"))
            let resend = try #require(
                PortalBrowser.firstMatch(#"action="(/portal/organizations/DEMO/invitations/[0-9a-f]{64}/resend)""#, in: page.text)
            )
            try await admin.submit(resend, [])
            #expect(admin.submitted?.status == 303)
            #expect(admin.last.text.contains("Invitation sent again to new@demo.edu"))

            // The first link stopped working; the new one works until it is withdrawn.
            let second = try #require(try lectern.link(to: "new@demo.edu", containing: "invitations/accept"))
            #expect(second != first)
            let visitor = PortalBrowser(client)
            #expect(try await visitor.get(Self.path(first)).text.contains("invalid, used or expired"))
            #expect(try await visitor.get(Self.path(second)).status == 200)
            #expect(!(try await visitor.get(Self.path(second)).text.contains("invalid, used or expired")))

            let again = try await admin.get("/portal/organizations/DEMO")
            let cancel = try #require(
                PortalBrowser.firstMatch(#"action="(/portal/organizations/DEMO/invitations/[0-9a-f]{64}/cancel)""#, in: again.text)
            )
            try await admin.submit(cancel, [])
            #expect(admin.last.text.contains("The invitation is withdrawn"))
            #expect(admin.last.text.contains("No invitation waits for an answer."))
            #expect(try await visitor.get(Self.path(second)).text.contains("invalid, used or expired"))

            // Withdrawn twice, or an id that names nothing: a not-found page, nothing else changes.
            try await admin.get("/portal/organizations/DEMO")
            #expect(try await admin.post(cancel, []).status == 404)
            try await admin.get("/portal/organizations/DEMO")
            #expect(try await admin.post("/portal/organizations/DEMO/invitations/not-hex/cancel", []).status == 404)
        }
    }

    @Test func developersAndOtherOrganizationsCannotTouchInvitations() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let admin = try await Self.adminWhoInvited(lectern, client, role: "admin")
            let page = try await admin.get("/portal/organizations/DEMO")
            let cancel = try #require(
                PortalBrowser.firstMatch(#"action="(/portal/organizations/DEMO/invitations/[0-9a-f]{64}/cancel)""#, in: page.text)
            )

            let developer = PortalBrowser(client)
            try await PortalSession.developer(lectern, developer, email: "dev@demo.edu")
            try await PortalSession.join(lectern, developer, email: "dev@demo.edu")
            let seen = try await developer.get("/portal/organizations/DEMO")
            #expect(!seen.text.contains("new@demo.edu"))
            #expect(try await developer.post(cancel, []).status == 403)
            try await developer.get("/portal/organizations/DEMO")
            #expect(try await developer.post(cancel.replacingOccurrences(of: "/cancel", with: "/resend"), []).status == 403)
            let link = try #require(try lectern.link(to: "new@demo.edu", containing: "invitations/accept"))
            #expect(try await developer.get(Self.path(link)).status == 200)
            #expect(!developer.last.text.contains("invalid, used or expired"))
        }
    }

    static func path(_ link: String) -> String {
        link.range(of: "/portal/").map { String(link[$0.lowerBound...]) } ?? link
    }
}
