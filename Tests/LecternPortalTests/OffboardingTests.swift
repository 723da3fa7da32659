import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// A developer who leaves an organization (or an admin who becomes a developer) keeps no key that
/// reaches the institution's data: their applications are revoked or handed to a remaining member.
struct OffboardingTests {
    static func status(_ client: LecternClient, key: String) async throws -> Int {
        try await client.send(.get, "/almaws/v1/users/operation/test", key: key).status
    }

    /// The member id of `email` on the admin's organization page.
    static func memberID(_ admin: PortalBrowser, _ email: String) async throws -> String? {
        let page = try await admin.get("/portal/organizations/DEMO").text
        return PortalBrowser.firstMatch(
            #"<td>\#(email)</td><td>[a-z]+</td>\s*<td class="actions">\s*<form class="inline" method="post" action="/portal/organizations/DEMO/members/(\d+)/role">"#,
            in: page
        )
    }

    @Test func aRemovedMembersKeysAreRevokedByDefault() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let (admin, _) = try await PortalSession.member(lectern, client, email: "admin@demo.edu", admin: true)
            let (developer, key) = try await PortalSession.member(lectern, client, email: "leaver@demo.edu")
            let application = try #require(try await ApplicationTests.newestApplication(developer))
            #expect(try await Self.status(client, key: key) == 200)

            let page = try await admin.get("/portal/organizations/DEMO")
            #expect(
                page.text.contains(
                    #"<a href="/portal/applications/\#(application)">Circulation sync</a></td><td>Ada Lovelace</td><td>Sandbox</td><td>1 active, 0 revoked</td>"#
                )
            )
            let member = try #require(try await Self.memberID(admin, "leaver@demo.edu"))
            try await admin.post("/portal/organizations/DEMO/members/\(member)/remove", [("applications", "revoke")])
            #expect(admin.last.status == 303)

            #expect(try await Self.status(client, key: key) == 400)
            #expect(try await developer.get("/portal/applications/\(application)").status == 404)
            let after = try await admin.get("/portal/organizations/DEMO")
            #expect(after.text.contains("0 active, 1 revoked"))
        }
    }

    @Test func aRemovedMembersApplicationsCanBeHandedOver() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let (admin, _) = try await PortalSession.member(lectern, client, email: "admin@demo.edu", admin: true)
            let (developer, key) = try await PortalSession.member(lectern, client, email: "leaver@demo.edu")
            let application = try #require(try await ApplicationTests.newestApplication(developer))
            let member = try #require(try await Self.memberID(admin, "leaver@demo.edu"))
            let heir = try #require(try await Self.memberID(admin, "admin@demo.edu"))
            try await admin.post("/portal/organizations/DEMO/members/\(member)/remove", [("applications", "handover:\(heir)")])
            #expect(admin.last.status == 303)

            #expect(try await Self.status(client, key: key) == 200)
            #expect(try await developer.get("/portal/applications/\(application)").status == 404)
            #expect(try await admin.get("/portal/applications/\(application)").status == 200)
            let page = try await admin.get("/portal/organizations/DEMO")
            #expect(!page.text.contains("a former member"))
            #expect(page.text.components(separatedBy: "<td>Ada Lovelace</td><td>Sandbox</td><td>1 active, 0 revoked</td>").count == 3)
        }
    }

    @Test func aDemotedAdminKeepsNoProductionKey() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let (admin, _) = try await PortalSession.member(lectern, client, email: "admin@demo.edu", admin: true)
            let (other, _) = try await PortalSession.member(lectern, client, email: "other@demo.edu", admin: true)
            let production = try #require(try await ApplicationTests.createApplication(other, plan: "production:DEMO", name: "Nightly load"))
            let application = try #require(try await ApplicationTests.newestApplication(other))
            #expect(try await Self.status(client, key: production) == 200)

            let member = try #require(try await Self.memberID(admin, "other@demo.edu"))
            try await admin.post("/portal/organizations/DEMO/members/\(member)/role", [("role", "developer"), ("applications", "revoke")])
            #expect(admin.last.status == 303)
            #expect(try await Self.status(client, key: production) == 400)
            #expect(try await other.get("/portal/applications/\(application)").status == 404)
        }
    }
}
