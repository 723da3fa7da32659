import LecternPortal
import LecternSQLite
import LecternStore
import LecternTesting

/// Portal steps the tests share: a developer who signed up, activated and logged in.
enum PortalSession {
    /// Signs `email` up, follows the activation link from the outbox and logs in.
    static func developer(_ lectern: TestLectern, _ browser: PortalBrowser, email: String, name: String = "Ada Lovelace") async throws {
        try await browser.get("/portal/signup")
        try await browser.post("/portal/signup", [("name", name), ("email", email), ("password", "correct horse"), ("terms", "yes")])
        guard let activation = try lectern.link(to: email, containing: "activate") else { throw Missing.activationLink }
        try await browser.get(activation)
        try await logIn(browser, email: email)
    }

    /// Logs in on the log-in page.
    static func logIn(_ browser: PortalBrowser, email: String, password: String = "correct horse") async throws {
        try await browser.get("/portal/login")
        try await browser.post("/portal/login", [("email", email), ("password", password), ("next", "/portal/applications")])
    }

    /// Invites `email` to `institution` (as the command line does) and accepts it in `browser`.
    static func join(_ lectern: TestLectern, _ browser: PortalBrowser, email: String, institution: String = "DEMO", admin: Bool = false) async throws
    {
        let link = try await lectern.portal.invite(
            email: email,
            to: institution,
            role: admin ? .admin : .developer,
            by: nil,
            links: .init(base: "http://localhost")
        )
        let path = String(link.dropFirst("http://localhost".count))
        try await browser.get(path)
        let token = String(path.split(separator: "=").last ?? "")
        try await browser.post("/portal/invitations/accept", [("token", token)])
    }

    /// A developer of the DEMO organization (an admin if asked) logged in, with a new Sandbox
    /// application for Users; returns the browser and the application's key.
    static func member(_ lectern: TestLectern, _ client: LecternClient, email: String, admin: Bool = false) async throws -> (PortalBrowser, String) {
        let browser = PortalBrowser(client)
        try await developer(lectern, browser, email: email)
        try await join(lectern, browser, email: email, admin: admin)
        guard let key = try await ApplicationTests.createApplication(browser, plan: "sandbox:DEMO") else { throw Missing.key }
        return (browser, key)
    }

    /// A member with an application, on the console's form for `GET /almaws/v1/users`: the
    /// browser and the console's value of the application's key (`applicationID:keyID`).
    static func consoleMember(_ lectern: TestLectern, _ client: LecternClient, email: String) async throws -> (PortalBrowser, String) {
        let (browser, _) = try await member(lectern, client, email: email)
        guard let id = try await ApplicationTests.newestApplication(browser) else { throw Missing.key }
        let form = try await browser.get("/portal/console?area=users&operation=get_almaws_v1_users&application=\(id)")
        guard let key = PortalBrowser.firstMatch(#"<option value="(\d+:\d+)" selected>"#, in: form.text) else { throw Missing.key }
        return (browser, key)
    }

    enum Missing: Error { case activationLink, key }
}
