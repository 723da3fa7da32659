import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// Help texts tied to their fields, the current page marked in the navigation, and a layout
/// that does not scroll sideways on a phone.
struct AccessibilityTests {
    /// Every `aria-describedby` of `page` names an element of the page, and every help text is
    /// named by a field.
    static func describedByResolve(_ page: String) -> [String] {
        var problems: [String] = []
        for reference in matches(#"aria-describedby="([^"]+)""#, in: page) {
            for id in reference.split(separator: " ") where !page.contains(#"id="\#(id)""#) {
                problems.append("no element \(id)")
            }
        }
        for help in matches(#"<small id="([^"]+)" class="help""#, in: page) where !page.contains(#"aria-describedby="\#(help)""#) {
            problems.append("help \(help) tied to no field")
        }
        return problems
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test func helpTextsAreTiedToTheirFields() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let visitor = PortalBrowser(client)
            let signUp = try await visitor.get("/portal/signup")
            #expect(signUp.text.contains(#"aria-describedby="password-help""#))
            #expect(Self.describedByResolve(signUp.text).isEmpty)

            let (browser, _) = try await PortalSession.member(lectern, client, email: "admin@demo.edu", admin: true)
            let id = try #require(try await ApplicationTests.newestApplication(browser))
            let pages = [
                "/portal/applications/new", "/portal/applications/\(id)", "/portal/organizations/DEMO",
                "/portal/console?area=users&operation=get_almaws_v1_users", "/portal/console?area=users&operation=put_almaws_v1_users_user_id",
            ]
            for path in pages {
                let page = try await browser.get(path)
                #expect(page.text.contains("aria-describedby"), "\(path)")
                #expect(Self.describedByResolve(page.text).isEmpty, "\(path): \(Self.describedByResolve(page.text))")
            }
            let console = try await browser.get("/portal/console?area=users&operation=get_almaws_v1_users")
            #expect(console.text.contains(#"<input id="param-query.limit" name="query.limit" value="10" aria-describedby="help-query.limit">"#))
        }
    }

    @Test func theNavigationMarksTheCurrentPage() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let visitor = PortalBrowser(client)
            let login = try await visitor.get("/portal/login")
            #expect(login.text.contains(#"<a href="/portal/login" aria-current="page">Log in</a>"#))
            #expect(Self.matches(#"(aria-current)"#, in: login.text).count == 1)
            let docs = try await visitor.get("/portal/docs")
            #expect(docs.text.contains(#"<a href="/portal/docs" aria-current="page">API documentation</a>"#))

            let (browser, _) = try await PortalSession.member(lectern, client, email: "admin@demo.edu", admin: true)
            let id = try #require(try await ApplicationTests.newestApplication(browser))
            let expected = [
                ("/portal/applications", #"<a href="/portal/applications" aria-current="page">"#),
                ("/portal/applications/\(id)", #"<a href="/portal/applications" aria-current="page">"#),
                ("/portal/usage", #"<a href="/portal/usage" aria-current="page">"#),
                ("/portal/console", #"<a href="/portal/console" aria-current="page">"#),
                ("/portal/organizations/DEMO", #"<a href="/portal/organizations/DEMO" aria-current="page">"#),
            ]
            for (path, link) in expected {
                let page = try await browser.get(path)
                #expect(page.text.contains(link), "\(path)")
                #expect(Self.matches(#"(aria-current)"#, in: page.text).count == 1, "\(path)")
            }
        }
    }

    @Test func theRequestLogScrollsInItsOwnBoxAndKeepsValuesOnOneLine() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let (browser, key) = try await PortalSession.member(lectern, client, email: "dev@demo.edu")
            _ = try await client.send(.get, "/almaws/v1/users/no.such.user", key: key)
            let id = try #require(try await ApplicationTests.newestApplication(browser))
            let page = try await browser.get("/portal/applications/\(id)")
            #expect(page.text.contains(#"<div class="scroll" role="region" aria-labelledby="log-caption" tabindex="0">"#))
            #expect(page.text.contains(#"<table class="log" id="request-log">"#))
            #expect(page.text.contains(#"<td class="nowrap">401861</td>"#))

            let css = try await browser.get("/portal/assets/portal.css").text
            #expect(css.contains(".nowrap, table.log th, table.log td { white-space: nowrap; }"))
            #expect(css.contains(".scroll { overflow-x: auto; max-width: 100%;"))
            #expect(css.contains("@media (max-width: 40rem)"))
            #expect(css.contains("input, select, textarea { max-width: 100%; }"))
        }
    }
}
