import Foundation
import HTTPTypes
public import Hummingbird
import LecternCore
public import LecternOpenAPI
public import LecternPortal
import Logging
import NIOCore

/// The developer portal's web pages under `/portal`: server-rendered HTML forms, outside the API
/// gateway's key check and behind their own session cookie and CSRF tokens.
public struct PortalWeb<Context: RequestContext & RemoteAddressRequestContext>: Sendable {
    let portal: Portal
    /// The operations the API console offers (the same catalog the OpenAPI documents come from).
    let catalog: APICatalog?

    /// Every area a key's permissions can name, in order.
    var areaDescriptors: [AreaDescriptor] { catalog?.directory.descriptors ?? [] }
    /// How the console runs its calls.
    let console: (any ConsoleTransport)?
    /// Where the documentation pages find examples.
    let examples: DocumentationExamples?
    let renderer = PageRenderer()
    /// What successful forms leave for the page their redirect leads to.
    let flashes = FlashStore()

    /// Creates the web layer over `portal`.
    public init(
        portal: Portal,
        catalog: APICatalog? = nil,
        console: (any ConsoleTransport)? = nil,
        examples: DocumentationExamples? = nil
    ) {
        self.portal = portal
        self.catalog = catalog
        self.console = console
        self.examples = examples
    }

    /// Adds the portal's routes to `router` (before the gateway, so that no API key is asked for).
    public func install(on router: Router<Context>) {
        router.get("/portal/assets/portal.css") { _, _ in Self.asset(Assets.css, type: "text/css; charset=utf-8") }
        router.get("/portal/assets/portal.js") { _, _ in Self.asset(Assets.javascript, type: "text/javascript; charset=utf-8") }
        installAccountPages(on: router)
        installOrganizationPages(on: router)
        installApplicationPages(on: router)
        installUsagePages(on: router)
        installConsolePages(on: router)
        installDocumentationPages(on: router)
    }

    /// Wraps a page handler: resolves the visitor, turns redirects and refusals into answers.
    func page(
        _ title: String,
        _ body: @escaping @Sendable (Request, Context, Visitor) async throws -> Response
    ) -> @Sendable (Request, Context) async throws -> Response {
        { request, context in
            let visitor = try await Visitor.resolve(request, portal: portal)
            do {
                return try await body(request, context, visitor)
            } catch let redirect as PortalRedirect {
                return .redirect(to: redirect.to, type: .normal)
            } catch let error as PortalError {
                let status: HTTPResponse.Status =
                    switch error.kind {
                    case .invalid: .badRequest
                    case .forbidden: .forbidden
                    case .notFound: .notFound
                    case .throttled: .tooManyRequests
                    }
                return renderer.render("message", title: title, page: MessagePage(text: ""), visitor: visitor, error: error.message, status: status)
            }
        }
    }

    /// The answer to a successful form: a `303 See Other` to `path` (Post/Redirect/Get), so that
    /// a reload shows the page again instead of sending the form again. `flash`, if any, waits
    /// for that page (one GET, by the same visitor) under a token added to the address.
    func redirect(to path: String, _ flash: Flash? = nil, for visitor: Visitor) -> Response {
        guard let flash else { return .redirect(to: path, type: .normal) }
        let token = flashes.keep(flash, for: visitor)
        return .redirect(to: path + (path.contains("?") ? "&" : "?") + "flash=" + token, type: .normal)
    }

    /// The flash a redirect left for this page (`?flash=`), taken so that a reload lacks it.
    func flash(_ request: Request, for visitor: Visitor) throws -> Flash? {
        flashes.take(try Self.query(request)["flash"], for: visitor)
    }

    /// The submitted form of a POST (at most 1 MB).
    static func form(_ request: Request) async throws -> Form {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: 1 << 20)
        } catch {
            throw PortalError("The form is larger than a portal form can be (1 MB).")
        }
        return try Form(String(decoding: body.readableBytesView, as: UTF8.self))
    }

    /// The query string as a form.
    static func query(_ request: Request) throws(PortalError) -> Form {
        try Form(request.uri.query ?? "")
    }

    /// Absolute links for e-mails and code samples: the configured public address, never the
    /// request's `Host` header.
    var links: Links { portal.links }

    /// A path to return to after logging in: only a portal path, so the parameter cannot send
    /// the browser to another site.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/portal/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/portal/applications" }
        return next
    }

    private static func asset(_ text: String, type: String) -> Response {
        var headers = PageRenderer.headers(contentType: type)
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// A page that says one thing, with an optional link.
struct MessagePage: Sendable {
    /// The page's title, when the page is a form's one-time answer (`/portal/done`).
    var title = ""
    var text: String
    var link: LinkModel? = nil

    /// What `/portal/done` says when opened again: its message was for one showing.
    static let shown = MessagePage(
        title: "Done",
        text: "This page showed the outcome of a form once; it has nothing more to show.",
        link: LinkModel(href: "/portal", label: "Home")
    )
}

/// A link in a page.
struct LinkModel: Sendable {
    var href: String
    var label: String
}
