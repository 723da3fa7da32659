import Dispatch
public import Foundation
public import LecternMARC

/// Reads a MARC file on a thread of its own and hands it over in batches, a few batches ahead
/// of the importer: parsing the next batch overlaps writing this one, and memory holds only the
/// batches in flight, whatever the file's size.
public struct MARCBatchReader: Sendable {
    /// One record of the file, or why it could not be read, with where it is.
    public struct Entry: Sendable {
        public var position: MARCPosition
        public var result: Result<MARCRecord, MARCError>
        /// The repairs a lenient reader made to the record.
        public var warnings: [MARCWarning] = []
    }

    public enum Message: Sendable {
        case batch([Entry])
        /// The file stopped being readable here (XML that is not well formed); the batches before are complete.
        case fatal(MARCError)
    }

    /// The batches, in file order.
    public let stream: AsyncStream<Message>
    private let slots: DispatchSemaphore

    /// Frees the place of a message the importer is done with; call once per message.
    public func processed() {
        slots.signal()
    }

    /// Starts reading `data` in `format` in batches of `batchSize`, at most `ahead` batches in
    /// flight; malformed ISO 2709 fields are treated as `mode` says.
    public static func start(
        _ data: Data,
        format: MARCFileFormat,
        mode: MARCReadMode = .strict,
        batchSize: Int,
        ahead: Int = 4
    ) -> MARCBatchReader {
        let slots = DispatchSemaphore(value: ahead)
        let (stream, continuation) = AsyncStream.makeStream(of: Message.self)
        let thread = Thread {
            var batch: [Entry] = []
            batch.reserveCapacity(batchSize)
            func send(_ message: Message) {
                slots.wait()
                continuation.yield(message)
            }
            func add(_ result: MARCReadResult) {
                switch result {
                case .success(let read): batch.append(Entry(position: read.position, result: .success(read.record), warnings: read.warnings))
                case .failure(let error): batch.append(Entry(position: error.position ?? MARCPosition(), result: .failure(error)))
                }
                if batch.count >= batchSize {
                    send(.batch(batch))
                    batch.removeAll(keepingCapacity: true)
                }
            }
            var fatal: MARCError?
            switch format {
            case .xml:
                do {
                    try MARCXML.read(data) { add($0) }
                } catch let error as MARCError {
                    fatal = error
                } catch {
                    fatal = MARCError(.malformedXML, "\(error)", isFatal: true)
                }
            case .iso2709:
                for result in ISO2709Reader(data, mode: mode) { add(result) }
            }
            if !batch.isEmpty { send(.batch(batch)) }
            if let fatal { send(.fatal(fatal)) }
            continuation.finish()
        }
        thread.start()
        return MARCBatchReader(stream: stream, slots: slots)
    }
}
