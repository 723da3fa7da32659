import Foundation
import HTTPTypes
import Hummingbird
import LecternCore
import LecternGateway

/// Finds the caller behind the key: `?apikey=KEY` or `Authorization: apikey KEY`.
struct APIKeyMiddleware: RouterMiddleware {
    typealias Context = LecternRequestContext
    let gateway: Gateway

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let key = request.apiKey, !key.isEmpty else { throw GatewayError.missingKey }
        var context = context
        context.caller = try await gateway.keys.caller(for: key)
        return try await next(request, context)
    }
}

extension Request {
    /// The API key, from the query (real clients use both) or the `Authorization` header.
    var apiKey: String? {
        if let key = uri.queryParameters["apikey"] { return String(key) }
        guard let value = headers[.authorization] else { return nil }
        let scheme = "apikey "
        guard value.utf8.count > scheme.utf8.count, value.prefix(scheme.count).lowercased() == scheme else { return nil }
        return String(value.dropFirst(scheme.count).drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
