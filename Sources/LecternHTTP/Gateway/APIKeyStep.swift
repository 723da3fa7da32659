import HTTPTypes
import Hummingbird
import LecternCore
import LecternGateway

/// Finds the caller behind the key: `?apikey=KEY` or `Authorization: apikey KEY`, or, without a
/// key, `X-Lectern-Console-Token: TOKEN` from the developer portal's API console
/// (``ConsoleTokens``); a bad, altered or expired token is refused like an unknown key.
struct APIKeyStep {
    let gateway: Gateway

    func apply(to request: Request, context: inout LecternRequestContext) async throws {
        let caller: Caller
        if let key = request.apiKey, !key.isEmpty {
            // The cache first: a known key then costs no async function call.
            if let cached = try gateway.keys.cachedCaller(for: key) {
                caller = cached
            } else {
                caller = try await gateway.keys.caller(for: key)
            }
        } else if let token = request.headers.value(of: .lecternConsoleToken) {
            guard let keyID = gateway.consoleTokens.keyID(verifying: token) else { throw GatewayError.unauthorized }
            caller = try await gateway.keys.caller(forKeyID: keyID)
        } else {
            throw GatewayError.missingKey
        }
        context.caller = caller
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
        if let key = queryParameter("apikey"), !key.isEmpty { return key }
        guard let value = headers.value(of: .authorization) else { return nil }
        var bytes = value.utf8[...]
        guard bytes.count > Self.apikeyScheme.count else { return nil }
        for expected in Self.apikeyScheme {
            let byte = bytes.removeFirst()
            guard ((65...90).contains(byte) ? byte + 32 : byte) == expected else { return nil }
        }
        while bytes.first == UInt8(ascii: " ") { bytes = bytes.dropFirst() }
        while bytes.last == UInt8(ascii: " ") { bytes = bytes.dropLast() }
        return Substring(bytes)
    }

    /// `apikey `, the scheme of the `Authorization` header, in lower case.
    private static let apikeyScheme = Array("apikey ".utf8)
}
