import HTTPTypes
import Hummingbird
import LecternCore
import LecternGateway

/// Finds the caller behind the key: `?apikey=KEY` or `Authorization: apikey KEY`, or, without a
/// key, `X-Lectern-Console-Token: TOKEN` from the developer portal's API console
/// (``ConsoleTokens``); a bad, altered or expired token is refused like an unknown key.
struct APIKeyMiddleware: RouterMiddleware {
    typealias Context = LecternRequestContext
    let gateway: Gateway

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let caller: Caller
        if let key = request.apiKey, !key.isEmpty {
            caller = try await gateway.keys.caller(for: String(key))
        } else if let token = request.headers[.lecternConsoleToken] {
            guard let keyID = gateway.consoleTokens.keyID(verifying: token) else { throw GatewayError.unauthorized }
            caller = try await gateway.keys.caller(forKeyID: keyID)
        } else {
            throw GatewayError.missingKey
        }
        context.outcome.setCaller(caller)
        var context = context
        context.caller = caller
        return try await next(request, context)
    }
}

extension HTTPField.Name {
    /// The developer portal's API console token, instead of an API key.
    static let lecternConsoleToken = Self("X-Lectern-Console-Token")!
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
