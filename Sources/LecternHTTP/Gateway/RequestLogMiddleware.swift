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

    /// `uri` with the value of every `apikey` query parameter replaced by `***`.
    static func redacted(_ uri: String) -> String {
        guard let question = uri.firstIndex(of: "?") else { return uri }
        let query = uri[uri.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false).map { pair in
            pair.lowercased().hasPrefix("apikey=") ? "apikey=***" : String(pair)
        }
        return uri[..<question] + "?" + query.joined(separator: "&")
    }
}
