import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `transform` applied to every element, on as many threads as the machine has cores, in
    /// order. For pure work of some microseconds an element: the elements are dealt out in
    /// contiguous runs, a few per thread, so that threads that finish early take more.
    public func parallelMap<T: Sendable>(_ transform: (Element) throws -> T) throws -> [T] {
        let threads = ProcessInfo.processInfo.activeProcessorCount
        guard count > 1, threads > 1 else { return try map(transform) }
        let runs = Swift.min(count, threads * 4)
        var results = [Result<T, any Error>?](repeating: nil, count: count)
        withoutActuallyEscaping(transform) { transform in
            results.withUnsafeMutableBufferPointer { slots in
                nonisolated(unsafe) let slots = slots
                nonisolated(unsafe) let transform = transform
                DispatchQueue.concurrentPerform(iterations: runs) { run in
                    for index in (count * run / runs)..<(count * (run + 1) / runs) {
                        slots[index] = Result { try transform(self[index]) }
                    }
                }
            }
        }
        return try results.map { try $0!.get() }
    }
}
