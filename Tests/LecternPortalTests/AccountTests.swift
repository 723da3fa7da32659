import Foundation
import HTTPTypes
import LecternPortal
import LecternSQLite
import LecternStore
import LecternTesting
import Testing

/// Sign-up, activation, log-in, log-out and password reset, through the pages as a browser uses them.
struct AccountTests {
    @Test func signUpActivateAndLogIn() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let browser = PortalBrowser(client)
            let form = try await browser.get("/portal/signup")
            #expect(form.status == 200)
            #expect(form.text.contains(#"<label for="email">"#))
            let csrfCookie = try #require(form.headers[values: .setCookie].first { $0.hasPrefix("lectern_csrf=") })
            #expect(csrfCookie.contains("HttpOnly"))
            #expect(csrfCookie.contains("SameSite=Strict"))

            let done = try await browser.submit(
                "/portal/signup",
                [("name", "Grace Hopper"), ("email", "Grace@Example.org"), ("password", "correct horse"), ("terms", "yes")]
            )
            #expect(browser.submitted?.status == 303)
            #expect(done.status == 200)
            #expect(done.text.contains("grace@example.org"))

            // Not activated: log-in refused.
            try await PortalSession.logIn(browser, email: "grace@example.org")
            #expect(browser.last.status == 400)
            #expect(browser.last.text.contains("not activated"))

            let activation = try #require(try lectern.link(to: "grace@example.org", containing: "activate"))
            #expect(try await browser.get(activation).status == 200)
            #expect(browser.last.text.contains("is active"))
            // The link works once.
            #expect(try await browser.get(activation).status == 400)

            try await PortalSession.logIn(browser, email: "grace@example.org")
            #expect(browser.last.status == 303)
            #expect(browser.last.headers[.location] == "/portal/applications")
            let session = try #require(browser.last.headers[values: .setCookie].first { $0.hasPrefix("lectern_session=") })
            #expect(session.contains("HttpOnly"))
            #expect(session.contains("SameSite=Lax"))
            #expect(session.contains("Path=/portal"))

            let home = try await browser.get("/portal")
            #expect(home.text.contains("Welcome back, Grace Hopper"))

            try await browser.post("/portal/logout", [])
            #expect(browser.last.status == 303)
            #expect(try await browser.get("/portal").text.contains("Welcome back") == false)
        }
    }

    @Test func signUpRefusesBadFormsAndKeepsNothing() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let browser = PortalBrowser(client)
            try await browser.get("/portal/signup")
            for (fields, message) in [
                ([("name", "A"), ("email", "not-an-address"), ("password", "correct horse"), ("terms", "yes")], "valid e-mail"),
                ([("name", "A"), ("email", "a@example.org"), ("password", "short"), ("terms", "yes")], "8 to 128"),
                ([("name", "A"), ("email", "a@example.org"), ("password", "correct horse")], "terms"),
                ([("name", " "), ("email", "a@example.org"), ("password", "correct horse"), ("terms", "yes")], "your name"),
                ([("name", "A"), ("email", "a@example.org"), ("password", "Password1!"), ("terms", "yes")], "first that anyone guesses"),
                ([("name", "A"), ("email", "a@example.org"), ("password", "letmein2024"), ("terms", "yes")], "first that anyone guesses"),
                ([("name", "A"), ("email", "a@example.org"), ("password", "12345678"), ("terms", "yes")], "run of consecutive"),
                ([("name", "A"), ("email", "a@example.org"), ("password", "qwertyuiop"), ("terms", "yes")], "run of consecutive"),
                ([("name", "A"), ("email", "a@example.org"), ("password", "zzzzzzzzzz"), ("terms", "yes")], "one character repeated"),
                ([("name", "Grace Hopper"), ("email", "a@example.org"), ("password", "grace hopper"), ("terms", "yes")], "your name"),
                ([("name", "A"), ("email", "lovelace@example.org"), ("password", "Lovelace99"), ("terms", "yes")], "e-mail address"),
            ] {
                let answer = try await browser.post("/portal/signup", fields)
                #expect(answer.status == 400)
                #expect(answer.text.contains(message))
            }
            #expect(try await lectern.store.account(email: "a@example.org") == nil)
            #expect(try lectern.mails().isEmpty)
        }
    }

    @Test func formsWithoutTheCSRFTokenAreRefused() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let browser = PortalBrowser(client)
            try await browser.get("/portal/signup")
            let forged = try await browser.post(
                "/portal/signup",
                [
                    ("csrf", String(repeating: "0", count: 64)), ("name", "Eve"), ("email", "eve@example.org"), ("password", "correct horse"),
                    ("terms", "yes"),
                ]
            )
            #expect(forged.status == 403)
            // A fresh browser with no cookie at all is refused too.
            let stranger = PortalBrowser(client)
            let blind = try await stranger.post(
                "/portal/signup",
                [("name", "Eve"), ("email", "eve@example.org"), ("password", "correct horse"), ("terms", "yes")]
            )
            #expect(blind.status == 403)
            #expect(try await lectern.store.account(email: "eve@example.org") == nil)

            // A logged-in form needs the session's token, not the anonymous one.
            try await PortalSession.developer(lectern, browser, email: "dev@example.org")
            let logout = try await browser.post("/portal/logout", [("csrf", String(repeating: "a", count: 64))])
            #expect(logout.status == 403)
            #expect(try await browser.get("/portal").text.contains("Welcome back"))
        }
    }

    @Test func aDuplicateSignUpRevealsNothing() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let browser = PortalBrowser(client)
            try await PortalSession.developer(lectern, browser, email: "dup@example.org")
            let again = PortalBrowser(client)
            try await again.get("/portal/signup")
            let answer = try await again.submit(
                "/portal/signup",
                [("name", "Someone"), ("email", "dup@example.org"), ("password", "another password"), ("terms", "yes")]
            )
            #expect(answer.status == 200)
            #expect(answer.text.contains("We sent an activation link"))
            // The original password still works; the new one does not.
            try await PortalSession.logIn(again, email: "dup@example.org", password: "another password")
            #expect(again.last.status == 400)
        }
    }

    @Test func logInIsThrottledAfterFiveFailures() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let browser = PortalBrowser(client)
            try await PortalSession.developer(lectern, browser, email: "target@example.org")
            let attacker = PortalBrowser(client)
            for _ in 0..<5 {
                try await PortalSession.logIn(attacker, email: "target@example.org", password: "wrong guess")
                #expect(attacker.last.status == 400)
            }
            try await PortalSession.logIn(attacker, email: "target@example.org", password: "correct horse")
            #expect(attacker.last.status == 429)
            #expect(attacker.last.text.contains("Too many failed attempts"))
        }
    }

    @Test func passwordResetLinksWorkOnceAndEndSessions() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let browser = PortalBrowser(client)
            try await PortalSession.developer(lectern, browser, email: "forgetful@example.org")
            let other = PortalBrowser(client)
            try await other.get("/portal/password/forgot")
            try await other.submit("/portal/password/forgot", [("email", "forgetful@example.org")])
            #expect(other.submitted?.status == 303)
            #expect(other.last.status == 200)
            // An unknown address gets the same page and no mail.
            try await other.get("/portal/password/forgot")
            try await other.submit("/portal/password/forgot", [("email", "nobody@example.org")])
            #expect(other.last.status == 200)
            #expect(try lectern.mails().contains { $0.contains("To: nobody@example.org") } == false)

            let reset = try #require(try lectern.link(to: "forgetful@example.org", containing: "reset"))
            try await other.get(reset)
            let token = try #require(PortalBrowser.firstMatch(#"name="token" value="([0-9a-f]+)""#, in: other.last.text))
            try await other.submit("/portal/password/reset", [("token", token), ("password", "a brand new one")])
            #expect(other.submitted?.headers[.location] == "/portal/password/changed")
            #expect(other.last.status == 200)
            #expect(other.last.text.contains("Your new password is set"))
            try await other.get(reset)
            try await other.post("/portal/password/reset", [("token", token), ("password", "yet another one")])
            #expect(other.last.status == 400)

            // The old session ended; the new password works, the old one does not.
            #expect(try await browser.get("/portal").text.contains("Welcome back") == false)
            try await PortalSession.logIn(other, email: "forgetful@example.org", password: "correct horse")
            #expect(other.last.status == 400)
            try await PortalSession.logIn(other, email: "forgetful@example.org", password: "a brand new one")
            #expect(other.last.status == 303)
        }
    }

    @Test func logInNeverRedirectsOffThePortal() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let browser = PortalBrowser(client)
            try await PortalSession.developer(lectern, browser, email: "next@example.org")
            browser.clearCookies()
            try await browser.get("/portal/login")
            try await browser.post("/portal/login", [("email", "next@example.org"), ("password", "correct horse"), ("next", "//evil.example/x")])
            #expect(browser.last.headers[.location] == "/portal/applications")
        }
    }

    @Test func activationLinksExpire() async throws {
        let now = Date()
        let clock = Clock(now)
        let lectern = try await TestLectern.make(clock: { clock.now })
        try await lectern.withClient { client in
            let browser = PortalBrowser(client)
            try await browser.get("/portal/signup")
            try await browser.post(
                "/portal/signup",
                [("name", "Late"), ("email", "late@example.org"), ("password", "correct horse"), ("terms", "yes")]
            )
            let activation = try #require(try lectern.link(to: "late@example.org", containing: "activate"))
            clock.now = now + 49 * 3600
            #expect(try await browser.get(activation).status == 400)
            #expect(browser.last.text.contains("expired"))
        }
    }
}

/// A settable clock.
final class Clock: @unchecked Sendable {
    var now: Date
    init(_ now: Date) { self.now = now }
}
