import Foundation
import HTTPTypes
import Hummingbird
import LecternPortal
import LecternStore
import Mustache

/// Renders the portal's pages: one Mustache library of templates compiled into the binary
/// (`Templates/`), every page inside the layout, with the headers every page gets.
struct PageRenderer: Sendable {
    private let library: MustacheLibrary

    init() {
        var library = MustacheLibrary()
        for (name, text) in Templates.all {
            // The templates are part of the program: a broken one is a programming error.
            do { try library.register(text, named: name) } catch { fatalError("template \(name): \(error)") }
        }
        self.library = library
    }

    /// The page `template` over `page`, for `visitor`, with `status`.
    func render(
        _ template: String,
        title: String,
        page: Any = [String: String](),
        visitor: Visitor,
        notice: String? = nil,
        error: String? = nil,
        status: HTTPResponse.Status = .ok,
        refresh: Int? = nil
    ) -> Response {
        let model = PageModel(
            title: title,
            loggedIn: visitor.account != nil,
            accountName: visitor.account?.name ?? "",
            csrf: visitor.csrf,
            organizations: visitor.memberships.map {
                OrganizationLink(code: $0.institution, admin: $0.role == .admin, current: (page as? any OrganizationScoped)?.code == $0.institution)
            },
            notice: notice,
            error: error,
            refresh: refresh,
            current: Self.current(template),
            page: page
        )
        let html = library.render(model, withTemplate: template) ?? "template \(template) missing"
        var response = Response(
            status: status,
            headers: Self.headers(contentType: "text/html; charset=utf-8"),
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
        if visitor.setsCSRFCookie {
            response.setCookie(Cookie(name: Visitor.csrfCookieName, value: visitor.csrf, path: "/portal", httpOnly: true, sameSite: .strict))
        }
        return response
    }

    /// The navigation entry of the page `template` renders.
    static func current(_ template: String) -> NavigationEntry {
        var entry = NavigationEntry()
        switch template {
        case "home": entry.home = true
        case "applications", "application", "application-new", "key-created": entry.applications = true
        case "usage": entry.usage = true
        case "console": entry.console = true
        case "docs", "docs-area": entry.docs = true
        case "login", "forgot", "reset": entry.logIn = true
        case "signup": entry.signUp = true
        default: break
        }
        return entry
    }

    /// The headers of every portal answer: no caching of pages that show keys, no framing, no
    /// referrer (links in e-mails carry tokens), scripts and styles from this server only.
    static func headers(contentType: String) -> HTTPFields {
        [
            .contentType: contentType,
            .cacheControl: "no-store",
            HTTPField.Name("X-Frame-Options")!: "DENY",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "no-referrer",
            HTTPField.Name("Content-Security-Policy")!:
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'",
        ]
    }
}

/// What the layout shows around every page.
struct PageModel {
    var title: String
    var loggedIn: Bool
    var accountName: String
    var csrf: String
    var organizations: [OrganizationLink]
    var notice: String?
    var error: String?
    /// Seconds after which the browser loads the page again (a progress page), or `nil`.
    var refresh: Int?
    /// The navigation entry of this page, marked `aria-current="page"`.
    var current: NavigationEntry
    /// The page's own data, opened in templates with `{{#page}}…{{/page}}`.
    var page: Any
}

/// The navigation entries a page can belong to.
struct NavigationEntry {
    var home = false
    var applications = false
    var usage = false
    var console = false
    var docs = false
    var logIn = false
    var signUp = false
    /// The organization code whose page this is, or empty.
    var organization = ""
}

/// An organization in the navigation.
struct OrganizationLink {
    var code: String
    var admin: Bool
    /// Whether the page is this organization's.
    var current: Bool
}

/// A page about one organization: its link in the navigation is the current one.
protocol OrganizationScoped {
    var code: String { get }
}
