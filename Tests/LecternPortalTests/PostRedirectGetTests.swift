import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// Every successful portal form answers with `303 See Other` (Post/Redirect/Get): a reload shows
/// the page again and never sends the form twice; what the form's page says is shown once.
struct PostRedirectGetTests {
    @Test func successfulFormsRedirectAndTheirNoticeIsShownOnce() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let (browser, key) = try await PortalSession.member(lectern, client, email: "admin@demo.edu", admin: true)
            let id = try #require(try await ApplicationTests.newestApplication(browser))
            let application = "/portal/applications/\(id)"

            try await browser.get(application)
            let saved = try await browser.submit(application, [("name", "Renamed"), ("platform", "Script"), ("area_users", "rw")])
            #expect(browser.submitted?.status == 303)
            #expect(browser.submitted?.headers[.location]?.hasPrefix(application + "?flash=") == true)
            #expect(saved.text.contains("Saved. The keys have the new settings now."))
            let location = try #require(browser.submitted?.headers[.location])
            let reload = try await browser.get(location)
            #expect(reload.status == 200)
            #expect(!reload.text.contains("Saved."))

            let faults: [(String, [(String, String)], String)] = [
                (
                    application + "/faults", [("kind", "daily"), ("mode", "next"), ("value", "3")],
                    "Faults injected: 429 DAILY_THRESHOLD for the next 3 calls."
                ),
                (application + "/faults/clear", [], "Faults cleared."),
            ]
            for (path, fields, notice) in faults {
                let page = try await browser.submit(path, fields)
                #expect(browser.submitted?.status == 303, "\(path)")
                #expect(page.text.contains(notice), "\(path)")
            }

            try await browser.get("/portal/organizations/DEMO")
            try await browser.submit("/portal/organizations/DEMO/invitations", [("email", "new@demo.edu"), ("role", "developer")])
            #expect(browser.submitted?.status == 303)
            #expect(browser.last.text.contains("Invitation sent to new@demo.edu."))

            let page = try await browser.get(application)
            let keyID = try #require(PortalBrowser.firstMatch(#"/keys/(\d+)/revoke"#, in: page.text))
            let revoked = try await browser.submit(application + "/keys/\(keyID)/revoke", [])
            #expect(browser.submitted?.status == 303)
            #expect(revoked.text.contains("The key is revoked."))
            #expect(try await client.send(.get, "/almaws/v1/users?limit=1", key: key).status == 400)

            let deleted = try await browser.submit(application + "/delete", [("confirm", "yes")])
            #expect(browser.submitted?.status == 303)
            #expect(deleted.text.contains("The application is deleted"))
        }
    }

    @Test func oneTimeMessagesOfSignUpAndPasswordPagesAreShownOnce() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let browser = PortalBrowser(client)
            try await browser.get("/portal/signup")
            let sent = try await browser.submit(
                "/portal/signup",
                [("name", "Once Only"), ("email", "once@example.org"), ("password", "correct horse"), ("terms", "yes")]
            )
            #expect(browser.submitted?.status == 303)
            #expect(browser.submitted?.headers[.location]?.hasPrefix("/portal/done?flash=") == true)
            #expect(sent.text.contains("We sent an activation link to once@example.org"))
            let again = try await browser.get(try #require(browser.submitted?.headers[.location]))
            #expect(!again.text.contains("once@example.org"))
            #expect(again.text.contains("nothing more to show"))
            // One sign-up, one mail: the reload sent nothing.
            #expect(try lectern.mails().filter { $0.contains("To: once@example.org") }.count == 1)
        }
    }

    @Test func aPasswordResetFromALoggedInBrowserStillSaysItIsDone() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let browser = PortalBrowser(client)
            try await PortalSession.developer(lectern, browser, email: "busy@example.org")
            try await browser.get("/portal/password/forgot")
            try await browser.submit("/portal/password/forgot", [("email", "busy@example.org")])
            #expect(browser.last.text.contains("If busy@example.org has an account"))
            let link = try #require(try lectern.link(to: "busy@example.org", containing: "reset"))
            try await browser.get(link)
            let token = try #require(PortalBrowser.firstMatch(#"name="token" value="([0-9a-f]+)""#, in: browser.last.text))
            // The reset ends the session the form came from; the page after it still says so.
            let done = try await browser.submit("/portal/password/reset", [("token", token), ("password", "a brand new one")])
            #expect(browser.submitted?.status == 303)
            #expect(done.text.contains("Your new password is set"))
            #expect(!done.text.contains("Welcome back"))
        }
    }

    @Test func theConsoleAnswerIsShownAfterARedirectAndAReloadDoesNotCallAgain() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let (browser, key) = try await PortalSession.consoleMember(lectern, client, email: "dev@demo.edu")
            let answer = try await browser.submit(
                "/portal/console",
                [("area", "users"), ("operation", "get_almaws_v1_users"), ("key", key), ("query.limit", "3"), ("query.format", "json")]
            )
            #expect(browser.submitted?.status == 303)
            #expect(answer.text.contains(#"id="console-status""#))
            // The form keeps what was sent.
            #expect(answer.text.contains(#"name="query.limit" value="3""#))
            let location = try #require(browser.submitted?.headers[.location])
            let reload = try await browser.get(location)
            #expect(!reload.text.contains(#"id="console-status""#))
            let application = try #require(key.split(separator: ":").first)
            #expect(try await browser.get("/portal/usage?application=\(application)").text.contains(#"<span id="total-calls">1</span>"#))
        }
    }
}
