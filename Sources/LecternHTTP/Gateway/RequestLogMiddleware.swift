import Foundation
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
/// In the gateway, `GatewayMiddleware` calls ``arrival()`` first and ``finish(_:_:context:arrival:)``
/// last, outside both error renderers, so it sees every answer as the client gets it, and the
/// key, area and error code the stages noted in the context. Calls without a known key (none, or
/// a malformed, unknown or revoked one) are not recorded: there is no key to record them under.
///
/// Routes outside the gateway, such as `/openapi`, use it as a middleware without a gateway: it
/// only logs, as no key is ever known there.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = LecternRequestContext
    let level: Logger.Level
    let gateway: Gateway?

    /// When a call arrived: its time by the gateway's clock, for the record, and the instant
    /// its latency is measured from.
    struct Arrival {
        let time: Date?
        let start: ContinuousClock.Instant
    }

    init(level: Logger.Level, gateway: Gateway? = nil) {
        self.level = level
        self.gateway = gateway
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let arrival = arrival()
        let response = try await next(request, context)
        finish(request, response, context: context, arrival: arrival)
        return response
    }

    /// Notes the arrival of a call.
    func arrival() -> Arrival {
        Arrival(time: gateway?.clock(), start: .now)
    }

    /// Logs and records a call once it has its answer.
    func finish(_ request: Request, _ response: Response, context: Context, arrival: Arrival) {
        let elapsed = ContinuousClock.now - arrival.start
        let microseconds = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        let logs = context.logger.logLevel <= level
        guard logs || context.caller != nil else { return }
        let path = Self.redacted(request.uri.description)
        if logs {
            context.logger.log(
                level: level,
                "\(request.method) \(path) \(response.status.code)",
                metadata: ["lectern.status": "\(response.status.code)", "lectern.microseconds": "\(microseconds)"]
            )
        }
        if let caller = context.caller, let gateway, let time = arrival.time {
            gateway.recorder.record(
                CallRecord(
                    keyID: caller.keyID,
                    institution: caller.institution,
                    area: context.area?.area,
                    time: time,
                    method: request.method.rawValue,
                    path: path,
                    status: Int(response.status.code),
                    errorCode: context.errorCode,
                    microseconds: microseconds
                )
            )
        }
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
