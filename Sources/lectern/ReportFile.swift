import Foundation

/// A text file written in large pieces: what an import reports, line by line, without a system
/// call per line.
final class ReportFile {
    private let path: String
    private let handle: FileHandle
    private var pending = Data()
    private var failure: (any Error)?
    private var closed = false

    /// Creates (or empties) the file at `path`.
    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw CommandFailure("cannot write the report \(path)") }
        self.path = path
        self.handle = handle
    }

    func write(_ text: String) {
        pending.append(contentsOf: text.utf8)
        if pending.count >= 1 << 20 { flush() }
    }

    /// Writes what is pending and closes the file; throws when a write failed (a full disk).
    func close() throws {
        guard !closed else { return }
        closed = true
        flush()
        try? handle.close()
        if let failure { throw CommandFailure("cannot write the report \(path): \(failure.localizedDescription)") }
    }

    private func flush() {
        guard !pending.isEmpty, failure == nil else { return }
        do {
            try handle.write(contentsOf: pending)
        } catch {
            failure = error
        }
        pending.removeAll(keepingCapacity: true)
    }
}
