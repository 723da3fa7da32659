import ArgumentParser
import Foundation
import LecternCore
import LecternImport
import LecternMARC
import LecternSQLite

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

                ISO 2709 records in MARC-8 (leader/09 blank) are converted to UTF-8. A record whose leader and \
                directory can be read is imported even when a field is malformed in ways permissive MARC readers \
                tolerate (data before the first subfield delimiter, missing or unprintable indicators, a bad \
                subfield code, a missing field terminator, bytes that are not UTF-8 or MARC-8): the field is \
                repaired or kept as read, and each repair is a warning. --strict rejects such records instead.

                Progress goes to standard error, with each rejected record (numbered from 1, with its byte \
                offset or line) and why, and the first 100 warnings. --report writes every warning and \
                rejection to a CSV file (record, byte offset, line, 001 or 035, field, what was done). The \
                summary goes to standard output: created, updated, rejected and warned records.

                Exit status: 0 when every record was imported (or, with --dry-run, passed the checks), with or \
                without warnings; 1 when the file cannot be read, the institution does not exist or the store \
                fails; 2 when some records were rejected.
                """
        )
        @OptionGroup var storage: DatabaseOptions
        @Argument(help: "The MARCXML or ISO 2709 (.mrc) file.") var file: String
        @Option(help: "The institution code.") var institution: String
        @Option(help: "The environment whose catalogue receives the records.") var environment = DataEnvironment.sandbox
        @Option(help: "The file's format; auto goes by the first byte (< is MARCXML).") var format = ImportFormat.auto
        @Flag(help: "Read and check the records against the institution's locations and codes; write nothing.") var dryRun = false
        @Option(help: "Records per transaction.") var batchSize = 10000
        @Flag(help: "Reject a record with a malformed field instead of repairing the field with a warning.") var strict = false
        @Option(help: "Write every warning and rejected record to this CSV file.") var report: String?

        func validate() throws {
            guard batchSize >= 1 else { throw ValidationError("batch size must be at least 1") }
        }

        func run() async throws {
            let store = try storage.open()
            guard try await store.institution(institution) != nil else { throw CommandFailure("unknown institution '\(institution)'") }
            let data = try contents()
            let fileFormat: MARCFileFormat
            do {
                fileFormat = try MARCFileFormat.of(data, declared: format.declared)
            } catch {
                throw CommandFailure("\(file) is \(error)")
            }
            let tenant = Tenant(institution: institution, environment: environment.environment)
            let pipeline = try await MARCImport.load(into: store, tenant: tenant, dryRun: dryRun)
            let reportFile = try report.map(ReportFile.init(path:))
            defer { try? reportFile?.close() }
            var tally = ImportTally(interactive: isatty(STDERR_FILENO) == 1, reportFile: reportFile.map { file in file.write }) {
                FileHandle.standardError.write(Data($0.utf8))
            }
            let mode: MARCReadMode = strict ? .strict : .lenient
            let fatal = try await pipeline.run(data, format: fileFormat, mode: mode, batchSize: batchSize, tally: &tally)
            // Bulk writes leave their pages in the WAL (see `SQLiteStore.bulkCheckpointBytes`): the
            // import is done, and timed, once they are in the database file.
            if !dryRun { try await store.checkpoint() }
            print(tally.finish(dryRun: dryRun))
            try reportFile?.close()
            if let fatal {
                throw CommandFailure("\(file) is not well-formed MARCXML: \(fatal.importDescription)")
            }
            if tally.rejected > 0 { throw ExitCode(2) }
        }

        /// The file's bytes, mapped into memory when that is safe.
        private func contents() throws -> Data {
            do {
                return try Data(contentsOf: URL(fileURLWithPath: file), options: .mappedIfSafe)
            } catch {
                throw CommandFailure("cannot read \(file): \(error.localizedDescription)")
            }
        }
    }
}
