import Hummingbird
import Logging
import NIOCore

/// Logs every call (method, path, status, latency) with the key redacted: Hummingbird's own
/// `LogRequestMiddleware` logs the whole URI, and `?apikey=` is a secret.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = LecternRequestContext
    let level: Logger.Level

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.logger.logLevel <= level else { return try await next(request, context) }
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        context.logger.log(
            level: level,
            "\(request.method) \(Self.redacted(request.uri.description)) \(response.status.code)",
            metadata: [
                "lectern.status": "\(response.status.code)",
                "lectern.microseconds": "\(elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000)",
            ]
        )
        return response
    }

    /// `uri` with the value of every `apikey` query parameter (in any case) replaced by `***`.
    ///
    /// Every recorded call goes through here (``CallRecordMiddleware``), so it works on UTF-8
    /// bytes and returns `uri` itself, without copying, when there is nothing to redact: a
    /// `Character` search for the `?` alone cost more than the rest of the recording.
    static func redacted(_ uri: String) -> String {
        guard let question = uri.utf8.firstIndex(of: UInt8(ascii: "?")) else { return uri }
        let query = uri.utf8[uri.utf8.index(after: question)...]
        let pairs = query.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: false)
        guard pairs.contains(where: isAPIKey) else { return uri }
        var result = String(uri[...question])
        for (index, pair) in pairs.enumerated() {
            if index > 0 { result += "&" }
            result += isAPIKey(pair) ? "apikey=***" : Substring(pair)
        }
        return result
    }

    /// Whether a `name=value` pair is named `apikey`, in any case.
    private static func isAPIKey(_ pair: Substring.UTF8View) -> Bool {
        let name = "apikey=".utf8
        guard pair.count >= name.count else { return false }
        return zip(pair, name).allSatisfy { byte, expected in ((65...90).contains(byte) ? byte + 32 : byte) == expected }
    }
}
