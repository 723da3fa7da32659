import Foundation
import HTTPTypes
import LecternPortal
import LecternSQLite
import LecternStore
import LecternTesting
import Testing

/// The usage dashboard and the API console, checked against the calls that were made.
struct UsageAndConsoleTests {
    @Test func theDashboardCountsCallsPerAreaAndErrorsByCode() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let browser = PortalBrowser(client)
            try await PortalSession.developer(lectern, browser, email: "admin@demo.edu")
            try await PortalSession.join(lectern, browser, email: "admin@demo.edu", admin: true)
            let key = try #require(
                try await ApplicationTests.createApplication(browser, plan: "sandbox:DEMO", areas: [("users", "rw"), ("bibs", "ro")])
            )
            for _ in 0..<3 { _ = try await client.send(.get, "/almaws/v1/users?limit=1", key: key) }
            _ = try await client.send(.get, "/almaws/v1/users/no.such.user", key: key)
            _ = try await client.send(.get, "/almaws/v1/bibs/test", key: key)
            let id = try #require(try await ApplicationTests.newestApplication(browser))
            try await browser.get("/portal/applications/\(id)")
            try await browser.post("/portal/applications/\(id)/faults", [("kind", "daily"), ("mode", "next"), ("value", "1")])
            _ = try await client.send(.get, "/almaws/v1/users?limit=1", key: key)

            let page = try await browser.get("/portal/usage?application=\(id)")
            #expect(page.status == 200)
            #expect(page.text.contains(#"<span id="total-calls">6</span>"#))
            #expect(page.text.contains(#"<span id="throttled-calls">1</span>"#))
            #expect(page.text.contains("<td>Users</td><td>5</td>"))
            #expect(page.text.contains("<td>Bibs</td><td>1</td>"))
            #expect(page.text.contains("<td>400</td><td>401861</td><td>1</td>"))
            #expect(page.text.contains("<td>429</td><td>DAILY_THRESHOLD</td><td>1</td>"))
            #expect(page.text.contains(#"<svg class="chart""#))
            #expect(page.text.contains("<td>DEMO</td><td>Alma</td><td>50000</td>"))

            // The institution's view is the admins'.
            #expect(try await browser.get("/portal/usage?scope=institution:DEMO").status == 200)
            let developer = PortalBrowser(client)
            try await PortalSession.developer(lectern, developer, email: "dev@demo.edu")
            try await PortalSession.join(lectern, developer, email: "dev@demo.edu")
            #expect(try await developer.get("/portal/usage?scope=institution:DEMO").status == 403)
            #expect(try await developer.get("/portal/usage").text.contains(#"<span id="total-calls">0</span>"#))
        }
    }

    @Test func theConsoleCallsTheAPIWithAChosenKey() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let (browser, _) = try await PortalSession.member(lectern, client, email: "dev@demo.edu")
            let id = try #require(try await ApplicationTests.newestApplication(browser))

            let console = try await browser.get("/portal/console?area=users")
            #expect(console.status == 200)
            #expect(console.text.contains("GET /almaws/v1/users/{user_id}"))
            let operation = try #require(PortalBrowser.firstMatch(#"<option value="(get_almaws_v1_users)""#, in: console.text))
            let form = try await browser.get("/portal/console?area=users&operation=\(operation)&application=\(id)")
            #expect(form.text.contains(#"name="query.limit""#))
            let key = try #require(PortalBrowser.firstMatch(#"<option value="(\d+:\d+)" selected>"#, in: form.text))

            let answer = try await browser.submit(
                "/portal/console",
                [("area", "users"), ("operation", operation), ("key", key), ("query.limit", "2"), ("query.format", "json")]
            )
            #expect(browser.submitted?.status == 303)
            #expect(answer.status == 200)
            #expect(answer.text.contains(#"<span id="console-status" class="status-ok">200 OK</span>"#))
            #expect(answer.text.contains("&quot;total_record_count&quot;: 320"))
            #expect(answer.text.contains("X-Exl-Api-Remaining"))
            #expect(answer.text.contains("curl -X GET &#39;http://127.0.0.1:8080/almaws/v1/users?limit=2&amp;format=json&#39;"))
            #expect(answer.text.contains(#"-H &quot;Authorization: apikey $LECTERN_KEY&quot;"#))
            #expect(!answer.text.contains("X-Lectern-Console-Token"))

            // The call went through the gateway as the key's: it is in the log and the usage.
            #expect(try await browser.get("/portal/applications/\(id)").text.contains("/almaws/v1/users?limit=2&amp;format=json"))
            #expect(try await browser.get("/portal/usage?application=\(id)").text.contains(#"<span id="total-calls">1</span>"#))
        }
    }

    @Test func theConsoleSendsBodiesAndShowsErrors() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let (browser, _) = try await PortalSession.member(lectern, client, email: "dev@demo.edu")
            let console = try await browser.get("/portal/console?area=users&operation=post_almaws_v1_users")
            let key = try #require(PortalBrowser.firstMatch(#"<option value="(\d+:\d+)" selected>"#, in: console.text))
            let body =
                #"<user><primary_id>console.user</primary_id><first_name>Con</first_name><last_name>Sole</last_name><user_group>STAFF</user_group></user>"#
            let created = try await browser.submit(
                "/portal/console",
                [("area", "users"), ("operation", "post_almaws_v1_users"), ("key", key), ("content_type", "xml"), ("body", body)]
            )
            #expect(created.text.contains("200 OK"))
            #expect(try await client.send(.get, "/almaws/v1/users/console.user", key: lectern.sandboxKey).status == 200)

            try await browser.get("/portal/console?area=users&operation=get_almaws_v1_users_user_id")
            let missing = try await browser.submit(
                "/portal/console",
                [("area", "users"), ("operation", "get_almaws_v1_users_user_id"), ("key", key), ("path.user_id", "no such user")]
            )
            #expect(missing.text.contains(#"class="status-error">400 Bad Request"#))
            #expect(missing.text.contains("401861"))
            #expect(missing.text.contains("/almaws/v1/users/no%20such%20user"))
        }
    }

    /// The text of `<pre id="ID">` in a page, its HTML escapes undone.
    static func preformatted(_ id: String, in page: String) throws -> String {
        let escaped = try #require(PortalBrowser.firstMatch(#"<pre id="\#(id)">([^<]*)</pre>"#, in: page))
        return escaped.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Runs `program` with `arguments` and `environment`; its standard output.
    static func run(_ program: String, _ arguments: [String], environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theConsolesCodeSamplesRunAsShownWithTheKeyFromTheEnvironment() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let (browser, key) = try await PortalSession.consoleMember(lectern, client, email: "dev@demo.edu")
            let hostile = #"last_name~o'brien "$HOME" `id` $(id)"#
            let answer = try await browser.submit(
                "/portal/console",
                [("area", "users"), ("operation", "get_almaws_v1_users"), ("key", key), ("query.q", hostile), ("query.format", "json")]
            )
            #expect(answer.status == 200)
            let curl = try Self.preformatted("console-curl", in: answer.text)
            let python = try Self.preformatted("console-python", in: answer.text)
            let javascript = try Self.preformatted("console-javascript", in: answer.text)
            #expect(!curl.contains("l7xx") && !python.contains("l7xx") && !javascript.contains("l7xx"))
            #expect(javascript.contains(#""Authorization": "apikey " + process.env.LECTERN_KEY"#))

            // The shell reads the curl command's arguments back exactly (curl replaced by printf).
            let shown = try Self.run(
                "/bin/sh",
                ["-c", "curl() { printf '%s\\n' \"$@\"; }; " + curl.replacingOccurrences(of: "\\\n", with: "")],
                environment: ["LECTERN_KEY": "l7xxsecret"]
            )
            let arguments = shown.split(separator: "\n").map(String.init)
            let url = try #require(arguments.first { $0.hasPrefix("http://") })
            #expect(URLComponents(string: url)?.queryItems?.first { $0.name == "q" }?.value == hostile)
            #expect(arguments.contains("Authorization: apikey l7xxsecret"))

            // Python runs the sample against a stand-in `requests` that prints what it was given.
            let folder = try TestDirectory.make("python-sample")
            try #"""
            import json
            class Answer:
                status_code = 200
                text = ""
            def request(method, url, headers=None, data=None):
                print(json.dumps([method, url, headers]))
                return Answer()
            """#.write(to: folder.appendingPathComponent("requests.py"), atomically: true, encoding: .utf8)
            let printed = try Self.run(
                "/usr/bin/env",
                ["python3", "-c", python],
                environment: ["LECTERN_KEY": "l7xxsecret", "PYTHONPATH": folder.path, "PATH": "/usr/local/bin:/usr/bin:/bin"]
            )
            let call = try #require(try JSONSerialization.jsonObject(with: Data((printed.split(separator: "\n").first ?? "").utf8)) as? [Any])
            #expect(call.first as? String == "GET")
            #expect(URLComponents(string: call[1] as? String ?? "")?.queryItems?.first { $0.name == "q" }?.value == hostile)
            #expect((call[2] as? [String: String])?["Authorization"] == "apikey l7xxsecret")
        }
    }
}
