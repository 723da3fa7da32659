import Foundation
import LecternImport
import LecternMARC
import Testing

/// The reader's batches: every record once, in file order, with where it is; a file that stops
/// being readable ends with the error, after the records before it.
struct MARCBatchReaderTests {
    static let record = "<record><leader>00000nam a2200000 a 4500</leader></record>"

    /// What the reader hands over for `text`: each batch's record positions, or the fatal error.
    static func read(_ text: String, format: MARCFileFormat = .xml, batchSize: Int) async -> [Result<[MARCPosition], MARCError>] {
        let reader = MARCBatchReader.start(Data(text.utf8), format: format, batchSize: batchSize, ahead: 1)
        var messages: [Result<[MARCPosition], MARCError>] = []
        for await message in reader.stream {
            switch message {
            case .batch(let entries): messages.append(.success(entries.map(\.position)))
            case .fatal(let error): messages.append(.failure(error))
            }
            reader.processed()
        }
        return messages
    }

    @Test func recordsComeInBatchesOfTheSizeAskedForInFileOrder() async throws {
        let collection = "<collection>\n" + Array(repeating: Self.record, count: 5).joined(separator: "\n") + "\n</collection>"
        let messages = await Self.read(collection, batchSize: 2)
        let batches = try messages.map { try $0.get() }
        #expect(batches.map(\.count) == [2, 2, 1])
        #expect(batches.joined().map(\.recordIndex) == [0, 1, 2, 3, 4])
        #expect(batches.joined().map(\.line) == [2, 3, 4, 5, 6])
    }

    @Test func xmlThatIsNotWellFormedEndsWithTheErrorAfterTheRecordsBeforeIt() async throws {
        let messages = await Self.read("<collection>\n\(Self.record)\n\(Self.record)\n<record><leader>", batchSize: 10)
        #expect(messages.count == 2)
        #expect(try messages.first?.get().count == 2)
        guard case .failure(let error) = messages.last else {
            Issue.record("no fatal error: \(messages)")
            return
        }
        #expect(error.isFatal)
    }

}
