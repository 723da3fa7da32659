import ArgumentParser
import Dispatch
import Foundation
import LecternAlma
import LecternCore
import LecternMARC
import LecternSQLite
import LecternStore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import records into an institution.",
        subcommands: [MARC.self]
    )

    struct MARC: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "marc",
            abstract: "Import bib records with embedded holdings (852) and items (876) from MARCXML or ISO 2709.",
            discussion: """
                A record whose 001 is an MMS id of the institution, or one of whose 035 $a a stored bib has, \
                replaces that bib; its holdings and items are matched (holdings by library, location and call \
                number, items by barcode) and updated, never duplicated: importing a file again adds nothing. \
                Records are written 10,000 to a transaction, each record whole or not at all.

                Progress goes to standard error, with each rejected record (numbered from 1, with its byte \
                offset or line) and why. ISO 2709 records in MARC-8 (leader/09 blank) are rejected: convert \
                the file to UTF-8 first. The summary goes to standard output.

                Exit status: 0 when every record was imported (or, with --dry-run, passed the checks), 1 when \
                the file cannot be read, the institution does not exist or the store fails, 2 when some \
                records were rejected.
                """
        )
        @OptionGroup var storage: DatabaseOptions
        @Argument(help: "The MARCXML or ISO 2709 (.mrc) file.") var file: String
        @Option(help: "The institution code.") var institution: String
        @Option(help: "sandbox or production.") var environment = "sandbox"
        @Option(help: "auto (by the first byte: < is MARCXML), xml or iso2709.") var format = "auto"
        @Flag(help: "Read and check the records against the institution's locations and codes; write nothing.") var dryRun = false
        @Option(help: "Records per transaction.") var batchSize = 10000

        func validate() throws {
            guard ["sandbox", "production"].contains(environment) else { throw ValidationError("environment must be sandbox or production") }
            guard ["auto", "xml", "iso2709"].contains(format) else { throw ValidationError("format must be auto, xml or iso2709") }
            guard batchSize >= 1 else { throw ValidationError("batch size must be at least 1") }
        }

        func run() async throws {
            let store = try storage.open()
            guard try await store.institution(institution) != nil else { throw CommandFailure("unknown institution '\(institution)'") }
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file), options: .mappedIfSafe)
            } catch {
                throw CommandFailure("cannot read \(file): \(error.localizedDescription)")
            }
            let isXML = try MARCFileFormat.isXML(data, format: format, file: file)
            let tenant = Tenant(institution: institution, environment: Environment(rawValue: environment)!)
            let check = dryRun ? try await store.read(in: tenant) { try await ImportCheck.load(from: $0) } : nil
            let institution = institution
            let importer = dryRun ? nil : try await store.read(in: tenant) { try await CatalogImporter.load(institution: institution, from: $0) }
            var tally = ImportTally(interactive: isatty(STDERR_FILENO) == 1)
            // Reading runs some thirty times faster than importing: two batches ahead keep the
            // importer fed, and memory holds fewer records.
            let batches = MARCBatchReader.start(data, isXML: isXML, batchSize: batchSize, ahead: 2)
            var fatal: MARCError?
            for await message in batches.stream {
                defer { batches.processed() }
                switch message {
                case .batch(let entries):
                    if let check {
                        for entry in entries { tally.checked(entry, check) }
                    } else if let importer {
                        let results = try await importBatch(entries, with: importer, into: store, tenant: tenant)
                        for result in results { tally.add(result) }
                    }
                case .fatal(let error):
                    fatal = error
                }
            }
            // Bulk writes leave their pages in the WAL (see `SQLiteStore.bulkCheckpointBytes`): the
            // import is done, and timed, once they are in the database file.
            if !dryRun { try await store.checkpoint() }
            tally.finish(dryRun: dryRun)
            if let fatal {
                throw CommandFailure("\(file) is not well-formed MARCXML: \(MARCFileFormat.describe(fatal))")
            }
            if tally.rejected > 0 { throw ExitCode(2) }
        }

        /// Imports one batch in one transaction: rejected records leave nothing, the others are kept.
        private func importBatch(
            _ entries: [MARCBatchReader.Entry],
            with importer: CatalogImporter,
            into store: SQLiteStore,
            tenant: Tenant
        ) async throws -> [ImportTally.Result] {
            let readable = entries.compactMap { try? $0.result.get() }
            let results = try await store.bulkWrite(in: tenant) { writer in try importer.importRecords(readable, into: writer) }
            var outcomes = results.makeIterator()
            return entries.map { entry -> ImportTally.Result in
                switch entry.result {
                case .failure(let error):
                    return .rejected(entry.position, MARCFileFormat.reason(error))
                case .success:
                    switch outcomes.next() {
                    case .success(let outcome): return .imported(outcome)
                    case .failure(let rejection): return .rejected(entry.position, rejection.reason)
                    case nil: return .rejected(entry.position, "not imported")
                    }
                }
            }
        }
    }
}

/// Counts, the progress line and the rejected-records report of one import, on standard error.
struct ImportTally {
    enum Result: Sendable {
        case imported(ImportOutcome)
        case rejected(MARCPosition, String)
    }

    let interactive: Bool
    let start = Date()
    var created = 0
    var updated = 0
    var valid = 0
    var rejected = 0
    private var lastDrawn = Date.distantPast
    private var drawn = false

    init(interactive: Bool) {
        self.interactive = interactive
    }

    var records: Int { created + updated + valid + rejected }

    mutating func add(_ result: Result) {
        switch result {
        case .imported(.created): created += 1
        case .imported(.updated): updated += 1
        case .rejected(let position, let reason): reject(position, reason)
        }
        progress()
    }

    mutating func checked(_ entry: MARCBatchReader.Entry, _ check: ImportCheck) {
        switch entry.result {
        case .failure(let error):
            reject(entry.position, MARCFileFormat.reason(error))
        case .success(let record):
            do {
                try check.check(record)
                valid += 1
            } catch {
                reject(entry.position, error.reason)
            }
        }
        progress()
    }

    private mutating func reject(_ position: MARCPosition, _ reason: String) {
        rejected += 1
        write("rejected \(MARCFileFormat.describe(position)): \(reason)\n")
    }

    /// Redraws the progress line (a terminal) or writes one every five seconds (a pipe or file).
    private mutating func progress(force: Bool = false) {
        let now = Date()
        guard force || now.timeIntervalSince(lastDrawn) >= (interactive ? 0.2 : 5) else { return }
        lastDrawn = now
        let seconds = now.timeIntervalSince(start)
        let rate = seconds > 0 ? Int(Double(records) / seconds) : 0
        let line = "\(records) records, \(rate) records/s, \(rejected) rejected"
        if interactive {
            write("\r\u{1B}[K" + line)
            drawn = true
        } else {
            write(line + "\n")
        }
    }

    private mutating func write(_ text: String) {
        if drawn && interactive {
            drawn = false
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
        } else {
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// The last progress line and the summary on standard output.
    mutating func finish(dryRun: Bool) {
        progress(force: true)
        if interactive { write("\n") }
        let seconds = Date().timeIntervalSince(start)
        let rate = seconds > 0 ? Int((Double(records) / seconds).rounded()) : 0
        let time = String(format: "%.2f", seconds)
        if dryRun {
            print("checked \(records) records: \(valid) valid, \(rejected) rejected in \(time) s (\(rate) records/s)")
        } else {
            print("imported \(records) records: \(created) created, \(updated) updated, \(rejected) rejected in \(time) s (\(rate) records/s)")
        }
    }
}

/// Reads a MARC file on a thread of its own and hands it over in batches, a few batches ahead
/// of the importer: parsing the next batch overlaps writing this one, and memory holds only the
/// batches in flight, whatever the file's size.
struct MARCBatchReader: Sendable {
    /// One record of the file, or why it could not be read, with where it is.
    struct Entry: Sendable {
        var position: MARCPosition
        var result: Result<MARCRecord, MARCError>
    }

    enum Message: Sendable {
        case batch([Entry])
        /// The file stopped being readable here (XML that is not well formed); the batches before are complete.
        case fatal(MARCError)
    }

    /// The batches, in file order.
    let stream: AsyncStream<Message>
    private let slots: DispatchSemaphore

    /// Frees the place of a message the importer is done with; call once per message.
    func processed() {
        slots.signal()
    }

    /// Starts reading `data` (MARCXML or ISO 2709) in batches of `batchSize`, at most `ahead` batches in flight.
    static func start(_ data: Data, isXML: Bool, batchSize: Int, ahead: Int = 4) -> MARCBatchReader {
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
                case .success(let read): batch.append(Entry(position: read.position, result: .success(read.record)))
                case .failure(let error): batch.append(Entry(position: error.position ?? MARCPosition(), result: .failure(error)))
                }
                if batch.count >= batchSize {
                    send(.batch(batch))
                    batch.removeAll(keepingCapacity: true)
                }
            }
            var fatal: MARCError?
            if isXML {
                do {
                    try MARCXML.read(data) { add($0) }
                } catch let error as MARCError {
                    fatal = error
                } catch {
                    fatal = MARCError(.malformedXML, "\(error)", isFatal: true)
                }
            } else {
                for result in ISO2709Reader(data) { add(result) }
            }
            if !batch.isEmpty { send(.batch(batch)) }
            if let fatal { send(.fatal(fatal)) }
            continuation.finish()
        }
        thread.start()
        return MARCBatchReader(stream: stream, slots: slots)
    }
}

/// How the import command recognizes a file and words what is wrong with a record.
enum MARCFileFormat {
    /// Whether `data` is to be read as MARCXML: by `format`, or for `auto` by its first byte
    /// that is not white space (`<`).
    ///
    /// - throws: ``CommandFailure`` when the data is neither MARCXML nor ISO 2709 (whose records
    ///   start with five digits, the record length).
    static func isXML(_ data: Data, format: String, file: String) throws -> Bool {
        if format == "xml" { return true }
        var bytes = data.drop { [0x20, 0x09, 0x0A, 0x0D, 0x00, 0x1A].contains($0) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if format == "auto", bytes.first == UInt8(ascii: "<") { return true }
        let start = bytes.prefix(5)
        guard bytes.isEmpty || (start.count == 5 && start.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }) else {
            let shown = String(decoding: bytes.prefix(16), as: UTF8.self).unicodeScalars
                .map { $0.value >= 0x20 && $0.value < 0x7F ? String($0) : "." }.joined()
            throw CommandFailure("\(file) is neither MARCXML nor ISO 2709 (it starts with \"\(shown)\")")
        }
        return false
    }

    /// `record 18 (byte 20480)` or `record 18 (line 340)`: records numbered from 1.
    static func describe(_ position: MARCPosition) -> String {
        var place: [String] = []
        if let byte = position.byteOffset { place.append("byte \(byte)") }
        if let line = position.line { place.append("line \(line)") }
        if let column = position.column { place.append("column \(column)") }
        let suffix = place.isEmpty ? "" : " (\(place.joined(separator: ", ")))"
        guard let index = position.recordIndex else { return place.isEmpty ? "unknown position" : place.joined(separator: ", ") }
        return "record \(index + 1)\(suffix)"
    }

    /// A fatal error: where and why.
    static func describe(_ error: MARCError) -> String {
        guard let position = error.position else { return error.reason }
        return "\(describe(position)): \(error.reason)"
    }

    /// Why a record could not be read, with how to convert MARC-8 files.
    static func reason(_ error: MARCError) -> String {
        guard error.code == .unsupportedEncoding else { return error.reason }
        return error.reason
            + " (Lectern reads only UTF-8: convert the file, for example with yaz-marcdump -f MARC-8 -t UTF-8 -o marc -l 9=97 FILE,"
            + " or with MarcEdit's MARC-8 to UTF-8 conversion)"
    }
}
