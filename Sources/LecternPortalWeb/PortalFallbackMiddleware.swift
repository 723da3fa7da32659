public import Hummingbird
import LecternPortal

/// Answers a `/portal` path that no page serves (or not with this method) with the portal's own
/// "Not found" page, instead of the router's empty 404 or the API gateway's XML.
///
/// Add it after every route, so that it wraps only the router's not-found answer; the gateway
/// lets portal paths through to it.
public struct PortalFallbackMiddleware<Context: RequestContext & RemoteAddressRequestContext>: RouterMiddleware {
    let web: PortalWeb<Context>

    /// Creates the fallback for `web`'s pages.
    public init(web: PortalWeb<Context>) {
        self.web = web
    }

    /// Whether `path` is the portal's (`/portal` or below it).
    public static func isPortalPath(_ path: String) -> Bool {
        path == "/portal" || path.hasPrefix("/portal/")
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.isPortalPath(request.uri.path) else { return try await next(request, context) }
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed {
            return try await web.page("Not found") { _, _, _ in throw PortalError.notFound }(request, context)
        }
    }
}
