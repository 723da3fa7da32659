import Hummingbird
import LecternCore
import LecternPortal
import LecternStore

/// Who is at the browser: the session and account when logged in, and the CSRF token every form
/// of the page must carry.
struct Visitor: Sendable {
    /// The logged-in account, or `nil`.
    var account: Account?
    /// The session cookie's value, when logged in.
    var sessionCookie: String?
    /// The CSRF token: the session's when logged in, else the value of the `lectern_csrf` cookie
    /// (set on the response when new: a double-submit token for the log-in and sign-up forms).
    var csrf: String
    /// Whether `csrf` is new and must be set as a cookie on the response.
    var setsCSRFCookie: Bool
    /// The organizations the account belongs to.
    var memberships: [Membership]

    static let sessionCookieName = "lectern_session"
    static let csrfCookieName = "lectern_csrf"

    /// The visitor behind `request`'s cookies.
    static func resolve(_ request: Request, portal: Portal) async throws -> Visitor {
        if let cookie = request.cookies[sessionCookieName]?.value, let (session, account) = try await portal.session(cookie: cookie) {
            let memberships = try await portal.organizations(of: account)
            return Visitor(account: account, sessionCookie: cookie, csrf: session.csrf, setsCSRFCookie: false, memberships: memberships)
        }
        if let token = request.cookies[csrfCookieName]?.value, token.count == 64 {
            return Visitor(account: nil, csrf: token, setsCSRFCookie: false, memberships: [])
        }
        return Visitor(account: nil, csrf: Secret.generate(), setsCSRFCookie: true, memberships: [])
    }

    /// The account, or a refusal that sends the browser to the log-in page.
    func requireAccount() throws -> Account {
        guard let account else { throw PortalRedirect(to: "/portal/login") }
        return account
    }

    /// Throws unless `form` carries this visitor's CSRF token.
    func checkCSRF(_ form: Form) throws {
        guard ConstantTime.equals(form.text("csrf"), csrf), !setsCSRFCookie else {
            throw PortalError("This form has expired. Please reload the page and try again.", kind: .forbidden)
        }
    }
}

/// Sends the browser elsewhere (thrown from deep inside a handler).
struct PortalRedirect: Error {
    var to: String
}
