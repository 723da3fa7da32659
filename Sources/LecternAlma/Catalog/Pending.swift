import Dispatch

/// Work started on another thread now, its result waited for later: a thread that must stay
/// synchronous (a database writer) hands work over and goes on with its own.
final class Pending<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the worker before `done` is signalled, read only after waiting for it.
    private var result: Result<T, any Error>?

    /// Starts `work` on a thread of the global queue.
    init(_ work: @escaping @Sendable () throws -> T) {
        DispatchQueue.global().async {
            self.result = Result { try work() }
            self.done.signal()
        }
    }

    /// Waits for the work and answers its result; call once.
    func wait() throws -> T {
        done.wait()
        return try result!.get()
    }
}
