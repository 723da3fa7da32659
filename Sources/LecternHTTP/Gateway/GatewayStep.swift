import Hummingbird

/// A gateway stage that decides from the request and the context alone: it refuses the call
/// with a `GatewayError`, or fills in the context for the stages after it. It neither waits nor
/// touches the answer, so `GatewayMiddleware` runs these stages one after the other inside one
/// middleware level: each level of middleware costs every call an async frame and a copy of the
/// context.
protocol GatewayStep: Sendable {
    /// Refuses the call, or notes in `context` what the stages after it need.
    func apply(to request: Request, context: inout LecternRequestContext) throws
}
