import HTTPTypes
import Hummingbird
import LecternCore
import LecternGateway
import Logging

/// The request log, in both its forms. Every call is logged (method, path, status, latency) with
/// the key redacted: Hummingbird's own `LogRequestMiddleware` logs the whole URI, and `?apikey=`
/// is a secret. And every call whose key was identified is recorded for the developer portal
/// (``CallRecorder``): its usage count and its entry in the key's request log, refusals and
/// errors included, with the status and error code the client got.
///
/// It is the outermost stage, outside both error renderers, so it sees every answer as the client
/// gets it; the stages tell it the key, the area and the rendered error code through
/// ``CallOutcome``. Calls without a known key (none, or a malformed, unknown or revoked one) are
/// not recorded: there is no key to record them under. Both jobs share one stage: they need the
/// same answer and the same clock, and every stage costs every call a context copy and one more
/// level of generic middleware nesting.
///
/// Without a gateway (routes outside it, such as `/openapi`), it only logs: no key is ever known there.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = LecternRequestContext
    let level: Logger.Level
    let gateway: Gateway?

    init(level: Logger.Level, gateway: Gateway? = nil) {
        self.level = level
        self.gateway = gateway
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let time = gateway?.clock()
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let microseconds = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        let outcome = context.outcome.current
        let logs = context.logger.logLevel <= level
        guard logs || outcome.keyID != nil else { return response }
        let path = Self.redacted(request.uri.description)
        if logs {
            context.logger.log(
                level: level,
                "\(request.method) \(path) \(response.status.code)",
                metadata: ["lectern.status": "\(response.status.code)", "lectern.microseconds": "\(microseconds)"]
            )
        }
        if let keyID = outcome.keyID, let gateway, let time {
            gateway.recorder.record(
                CallRecord(
                    keyID: keyID,
                    institution: outcome.institution,
                    // Refusals before the area check (FORBIDDEN) still belong to the path's area.
                    area: outcome.area ?? AccessPolicy.area(forPath: request.uri.path),
                    time: time,
                    method: request.method.rawValue,
                    path: path,
                    status: Int(response.status.code),
                    errorCode: outcome.errorCode,
                    microseconds: microseconds
                )
            )
        }
        return response
    }

    /// `uri` with the value of every `apikey` query parameter (in any case) replaced by `***`.
    ///
    /// Every recorded call goes through here, so it works on UTF-8 bytes and returns `uri` itself,
    /// without copying, when there is nothing to redact: a `Character` search for the `?` alone
    /// cost more than the rest of the recording.
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
