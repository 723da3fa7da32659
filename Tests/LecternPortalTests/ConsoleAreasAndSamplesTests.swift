import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// The console offers every area a key can be granted, prefills the body of a POST or PUT from
/// the demo data, and shows the answer beside the form on a wide screen.
struct ConsoleAreasAndSamplesTests {
    /// The areas a key can be granted, as the new-application form offers them.
    static func grantableAreas(_ browser: PortalBrowser) async throws -> [String] {
        AccessibilityTests.matches(#"name="area_(\w+)""#, in: try await browser.get("/portal/applications/new").text)
    }

    /// The areas in the console's area list.
    static func consoleAreas(_ page: String) -> [String] {
        guard let select = PortalBrowser.firstMatch(#"(?s)<select id="console-area"[^>]*>(.*?)</select>"#, in: page) else { return [] }
        return AccessibilityTests.matches(#"<option value="(\w+)""#, in: select)
    }

    @Test func everyAreaAKeyCanBeGrantedIsInTheConsole() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let (browser, _) = try await PortalSession.member(lectern, client, email: "dev@demo.edu")
            let grantable = try await Self.grantableAreas(browser)
            #expect(grantable.count >= 10)
            let console = try await browser.get("/portal/console")
            #expect(Self.consoleAreas(console.text) == grantable)
            for area in grantable {
                let page = try await browser.get("/portal/console?area=\(area)")
                #expect(page.status == 200, "\(area)")
                #expect(
                    page.text.contains(#"<select id="console-operation""#) || page.text.contains(#"id="console-no-operations""#),
                    "\(area)"
                )
            }
        }
    }

    @Test func aPutIsPrefilledWithTheObjectItReplacesAndAPostWithAnExample() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let (browser, _) = try await PortalSession.member(lectern, client, email: "dev@demo.edu")
            let id = try #require(try await ApplicationTests.newestApplication(browser))
            let put = try await browser.get("/portal/console?area=users&operation=put_almaws_v1_users_user_id&application=\(id)")
            let body = try #require(PortalBrowser.firstMatch(#"(?s)<textarea id="console-body" name="body"[^>]*>(.*?)</textarea>"#, in: put.text))
            #expect(body.contains("primary_id"))
            #expect(put.text.contains("A sample from the demo data: what <code>GET /almaws/v1/users/"))
            let userID = try #require(PortalBrowser.firstMatch(#"<code>GET /almaws/v1/users/([^<]+)</code>"#, in: put.text))
            #expect(body.contains(userID))
            // The form is filled to send it back where it came from.
            #expect(put.text.contains(#"name="path.user_id" value="\#(userID)""#))
            #expect(put.text.contains("a PUT replaces the whole record"))

            let post = try await browser.get("/portal/console?area=users&operation=post_almaws_v1_users&application=\(id)")
            let postBody = try #require(
                PortalBrowser.firstMatch(#"(?s)<textarea id="console-body" name="body"[^>]*>(.*?)</textarea>"#, in: post.text)
            )
            #expect(postBody.contains("primary_id"))
            #expect(post.text.contains("Change its identifiers"))

            // The sample is a body the API takes: sent back with PUT, it is answered 200.
            let key = try #require(PortalBrowser.firstMatch(#"<option value="(\d+:\d+)" selected>"#, in: put.text))
            let format = try #require(PortalBrowser.firstMatch(#"<option value="(\w+)" selected>(?:xml|json)</option>"#, in: put.text))
            let unescaped = Self.unescape(body)
            let answer = try await browser.submit(
                "/portal/console",
                [
                    ("area", "users"), ("operation", "put_almaws_v1_users_user_id"), ("key", key), ("path.user_id", userID),
                    ("content_type", format), ("body", unescaped),
                ]
            )
            #expect(answer.text.contains(#"class="status-ok">200 OK"#))
        }
    }

    @Test func theAnswerStandsBesideTheFormOnAWideScreen() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let (browser, key) = try await PortalSession.consoleMember(lectern, client, email: "dev@demo.edu")
            let page = try await browser.submit("/portal/console", [("area", "users"), ("operation", "get_almaws_v1_users"), ("key", key)]).text
            let grid = try #require(page.range(of: #"<div class="console">"#))
            let call = try #require(page.range(of: #"<div class="console-call">"#))
            let execute = try #require(page.range(of: #"id="console-execute""#))
            let answer = try #require(page.range(of: #"<div class="console-answer">"#))
            let status = try #require(page.range(of: #"id="console-status""#))
            #expect(grid.lowerBound < call.lowerBound && call.lowerBound < execute.lowerBound)
            #expect(execute.lowerBound < answer.lowerBound && answer.lowerBound < status.lowerBound)
            let css = try await browser.get("/portal/assets/portal.css").text
            #expect(css.contains(".console { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);"))
            #expect(css.contains("@media (max-width: 60rem) { .console { grid-template-columns: minmax(0, 1fr);"))
        }
    }

    /// HTML text as the browser reads it.
    static func unescape(_ html: String) -> String {
        let entities = [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")]
        return entities.reduce(html) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}

/// Every operation with a body, in every area, opens in the console with a sample from the demo
/// data, or with a form that loads one by its identifiers.
struct ConsoleSampleCoverageTests {
    @Test func everyOperationWithABodyStartsFromASampleOrOffersToLoadOne() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let browser = PortalBrowser(client)
            try await PortalSession.developer(lectern, browser, email: "all@demo.edu")
            try await PortalSession.join(lectern, browser, email: "all@demo.edu")
            let areas = try await ConsoleAreasAndSamplesTests.grantableAreas(browser)
            _ = try await ApplicationTests.createApplication(browser, plan: "sandbox:DEMO", name: "Everything", areas: areas.map { ($0, "rw") })
            var sampled: [String] = []
            var loadable: [String] = []
            for area in areas {
                let page = try await browser.get("/portal/console?area=\(area)")
                for operation in AccessibilityTests.matches(#"<option value="((?:post|put)_[\w]+)""#, in: page.text) {
                    let form = try await browser.get("/portal/console?area=\(area)&operation=\(operation)")
                    #expect(form.status == 200, "\(operation)")
                    guard form.text.contains(#"id="console-body""#) else { continue }
                    if form.text.contains("A sample from the demo data") {
                        sampled.append(operation)
                    } else if form.text.contains(#"id="console-load""#) {
                        loadable.append(operation)
                    } else {
                        // Only an action on a record (no GET reads what it writes) has neither.
                        #expect(!operation.hasPrefix("put_"), "\(operation)")
                    }
                }
            }
            #expect(sampled.contains("put_almaws_v1_users_user_id"))
            #expect(sampled.contains("post_esploro_v1_researchers"))
            #expect(loadable.contains("put_almaws_v1_bibs_mms_id"))
            #expect(sampled.count + loadable.count >= 10)
        }
    }

    @Test func theLoadFormFillsTheBodyWithTheRecordItNames() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let (browser, key) = try await PortalSession.member(lectern, client, email: "dev@demo.edu")
            _ = try await ApplicationTests.createApplication(browser, plan: "sandbox:DEMO", name: "Bibs", areas: [("bibs", "rw")])
            let users = try await client.send(.get, "/almaws/v1/users?limit=3&offset=2&format=json", key: key)
            let userID = try #require(PortalBrowser.firstMatch(#""primary_id":"([^"]+)""#, in: users.text))
            let bibs = try await browser.get("/portal/console?area=bibs&operation=put_almaws_v1_bibs_mms_id")
            #expect(bibs.text.contains(#"<input id="load-path.mms_id" name="path.mms_id" value="" required"#))
            let page = try await browser.get("/portal/console?area=users&operation=put_almaws_v1_users_user_id&path.user_id=\(userID)")
            #expect(page.text.contains("A sample from the demo data: what <code>GET /almaws/v1/users/\(userID)</code>"))
            #expect(page.text.contains(#"name="path.user_id" value="\#(userID)""#))
        }
    }
}
