public import Foundation
import Synchronization

/// The sandbox resets asked for from the portal, run one at a time in the background, with the
/// state of each institution's latest reset for the page that shows its progress.
///
/// A reset takes about ten seconds: the form that asks for one only queues it (``start(_:now:)``)
/// and answers at once; a background service drains the queue with ``run(_:clock:)``. Asking again
/// while a reset of the same institution is queued or running changes nothing.
public final class SandboxResets: Sendable {
    /// Where an institution's latest reset stands.
    public enum State: Sendable, Hashable {
        /// Queued or running since the date.
        case running(since: Date)
        /// Finished at the date.
        case done(at: Date)
        /// Failed with the message.
        case failed(String)
    }

    private struct Queue {
        var states: [String: State] = [:]
        var pending: [String] = []
        /// Wakes the running ``run(_:clock:)``, if any.
        var wake: AsyncStream<Void>.Continuation?
    }

    private let queue = Mutex(Queue())

    /// Creates an empty queue.
    public init() {}

    /// Queues a reset of `institution`; `false` when one is already queued or running.
    @discardableResult
    public func start(_ institution: String, now: Date) -> Bool {
        queue.withLock { queue -> Bool in
            if case .running = queue.states[institution] { return false }
            queue.states[institution] = .running(since: now)
            queue.pending.append(institution)
            queue.wake?.yield()
            return true
        }
    }

    /// The state of `institution`'s latest reset since the server started, or `nil`.
    public func state(of institution: String) -> State? {
        queue.withLock { $0.states[institution] }
    }

    /// Runs the queued resets one after another with `reset` until the task is cancelled (a
    /// later call takes over the queue, resets queued meanwhile included).
    public func run(_ reset: @Sendable (String) async throws -> Void, clock: @Sendable () -> Date) async {
        let (signals, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        queue.withLock { $0.wake = wake }
        wake.yield()
        for await _ in signals {
            while let institution = queue.withLock({ $0.pending.isEmpty ? nil : $0.pending.removeFirst() }) {
                let outcome: State
                do {
                    try await reset(institution)
                    outcome = .done(at: clock())
                } catch {
                    outcome = .failed("The reset failed: \(error)")
                }
                queue.withLock { $0.states[institution] = outcome }
            }
        }
    }
}
