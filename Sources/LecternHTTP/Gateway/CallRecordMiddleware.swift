import HTTPTypes
import Hummingbird
import LecternCore
import LecternGateway

/// Records every call whose key was identified (``CallRecorder``): its usage count and its entry
/// in the key's request log, refusals and errors included, with the status and error code the
/// client got.
///
/// It sits outside the error renderers (see `Router+Gateway.swift`), and learns the key, the area
/// and the error code through ``CallOutcome``. Calls without a known key (no key, a malformed,
/// unknown or revoked key) are not recorded: there is no key to record them under.
struct CallRecordMiddleware: RouterMiddleware {
    typealias Context = LecternRequestContext
    let gateway: Gateway

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let time = gateway.clock()
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let outcome = context.outcome.current
        guard let caller = outcome.caller else { return response }
        gateway.recorder.record(
            CallRecord(
                keyID: caller.keyID,
                institution: caller.institution,
                // Refusals before the area check (FORBIDDEN) still belong to the path's area.
                area: outcome.area ?? AccessPolicy.area(forPath: request.uri.path),
                time: time,
                method: request.method.rawValue,
                path: RequestLogMiddleware.redacted(request.uri.description),
                status: Int(response.status.code),
                errorCode: outcome.errorCode,
                microseconds: elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
            )
        )
        return response
    }
}
