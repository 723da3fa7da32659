import HTTPTypes
import LecternTesting
import Testing

/// The portal's pages under query strings and form bodies no browser sends: each is answered (a
/// page, a redirect or a 4xx page), never a crash, and the portal goes on answering.
struct HostileFormTests {
    static let gets = [
        "/portal/login", "/portal/signup", "/portal/activate", "/portal/password/reset", "/portal/console", "/portal/usage",
        "/portal/invitations/accept", "/portal/applications", "/portal/organizations/DEMO",
    ]
    static let posts = [
        "/portal/login", "/portal/signup", "/portal/password/forgot", "/portal/password/reset", "/portal/invitations/accept",
        "/portal/applications/new", "/portal/console", "/portal/logout", "/portal/organizations/DEMO/invitations",
    ]
    static let hostile = [#"next={"x"}"#, #"{"email":"a"}"#, "a b=c d", "token=%zz", "%", "=&&=", "x=%E0%A4%A", "next=%00", "\u{1}=\u{2}"]

    @Test func hostileQueriesAndFormsNeverEndThePortal() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            for text in Self.hostile {
                for path in Self.gets {
                    let answer = try await client.send(.get, "\(path)?\(text)", key: nil)
                    #expect([200, 302, 303, 400, 403, 404].contains(answer.status), "GET \(path)?\(text): \(answer.status)")
                }
                for path in Self.posts {
                    let answer = try await client.send(
                        .post,
                        path,
                        key: nil,
                        headers: [.contentType: "application/x-www-form-urlencoded"],
                        body: text
                    )
                    #expect([200, 302, 303, 400, 403, 404].contains(answer.status), "POST \(path) \(text): \(answer.status)")
                }
            }
            let login = try await client.send(.get, "/portal/login", key: nil)
            #expect(login.status == 200)
        }
    }

    @Test func unknownPortalPathsAndMethodsAnswerThePortalsNotFoundPage() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            for (method, path) in [(HTTPRequest.Method.get, "/portal/nothing"), (.post, "/portal/applications/new"), (.delete, "/portal/login")] {
                let answer = try await client.send(method, path, key: nil)
                #expect(answer.status == 404, "\(method) \(path)")
                #expect(answer.headers[.contentType]?.hasPrefix("text/html") == true, "\(method) \(path)")
                #expect(answer.text.contains("Not found."), "\(method) \(path)")
            }
        }
    }

    @Test func aFormOverAMegabyteIsABadRequestPage() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer = try await client.send(
                .post,
                "/portal/login",
                key: nil,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: "a=" + String(repeating: "x", count: 2_000_000)
            )
            #expect(answer.status == 400)
            #expect(answer.text.contains("larger than a portal form can be"))
        }
    }

    @Test func aMalformedPercentEscapeIsABadRequestPage() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer = try await client.send(.get, "/portal/login?next=%zz%E0", key: nil)
            #expect(answer.status == 400)
            #expect(answer.text.contains("malformed percent escape"))
            let braces = try await client.send(.get, #"/portal/login?next={"x"}"#, key: nil)
            #expect(braces.status == 200)
        }
    }
}

/// E-mailed links come from the configured public address, whatever `Host` a request names.
struct PublicLinkTests {
    @Test func aForgedHostHeaderNeverReachesAnEmailedLink() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let browser = PortalBrowser(client)
            try await PortalSession.developer(lectern, browser, email: "victim@example.org")
            let attacker = PortalBrowser(client)
            attacker.extraHeaders[HTTPField.Name("Host")!] = "evil.example"
            try await attacker.get("/portal/password/forgot")
            try await attacker.post("/portal/password/forgot", [("email", "victim@example.org")])
            #expect(attacker.last.status == 303)
            let mail = try #require(try lectern.mails().last { $0.contains("To: victim@example.org") && $0.contains("reset") })
            #expect(!mail.contains("evil.example"))
            #expect(mail.contains("http://127.0.0.1:8080/portal/password/reset?token="))
        }
    }
}
