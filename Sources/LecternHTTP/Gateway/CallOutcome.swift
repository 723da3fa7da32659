import LecternCore
import Synchronization

/// What the gateway's stages learn about one call, for ``RequestLogMiddleware``: the caller (set by
/// `APIKeyMiddleware`), the area (`AccessPolicyMiddleware`) and the error code of the answer (set by
/// `ErrorRenderingMiddleware`, the one place where errors become bodies).
///
/// Why a shared object: a middleware passes a *copy* of the context down the chain, so what a
/// later stage sets never travels back up to an earlier one. The recording stage sits outside both
/// error renderers, to see every refusal after the key is known and every handler error, with
/// their final status; it reads what the stages wrote into this one object, which every copy of
/// the request's context shares. The error code is thus taken from the `GatewayError` or
/// `APIError` as it is rendered, never parsed back out of a body.
final class CallOutcome: Sendable {
    /// The key's id and institution, not the whole ``Caller``: a copy of a caller retains its
    /// permissions and networks, which every call of the key shares across threads.
    struct State {
        var keyID: Int64?
        var institution = ""
        var area: Area?
        var errorCode = ""
    }

    private let state = Mutex(State())

    /// What the stages wrote so far.
    var current: State { state.withLock { $0 } }

    /// The key is known.
    func setCaller(_ caller: Caller) {
        state.withLock { state in
            state.keyID = caller.keyID
            state.institution = caller.institution
        }
    }

    /// The path's API area is known.
    func setArea(_ area: Area) { state.withLock { $0.area = area } }

    /// The answer is an error with this code (the last renderer to answer wins).
    func setErrorCode(_ code: String) { state.withLock { $0.errorCode = code } }
}
