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
        let caller = try await gateway.keys.caller(for: String(key))
        context.outcome.setCaller(caller)
        var context = context
        context.caller = caller
        return try await next(request, context)
    }
}

extension Request {
    /// The API key, from the query (real clients use both) or the `Authorization` header.
    ///
    /// Read on every call, so it works on UTF-8 bytes: no case folding or trimming of whole strings.
    var apiKey: Substring? {
        if let key = uri.queryParameters["apikey"] { return key }
        guard let value = headers[.authorization] else { return nil }
        var bytes = value.utf8[...]
        let scheme = "apikey ".utf8
        guard bytes.count > scheme.count, zip(bytes, scheme).allSatisfy({ ((65...90).contains($0) ? $0 + 32 : $0) == $1 }) else { return nil }
        bytes = bytes.dropFirst(scheme.count)
        while bytes.first == UInt8(ascii: " ") { bytes = bytes.dropFirst() }
        while bytes.last == UInt8(ascii: " ") { bytes = bytes.dropLast() }
        return Substring(bytes)
    }
}
