import ArgumentParser
import Foundation
import LecternAlma
import LecternCore
import LecternImport
import LecternMARC
import LecternSQLite
import LecternStore

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export records of an institution.",
        subcommands: [MARC.self]
    )

    struct MARC: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "marc",
            abstract: "Export every bib, in MMS id order, with its holdings as 852 and its items as 876.",
            discussion: """
                The output is what `lectern import marc` reads: exporting one institution and importing the \
                file into another gives the same records (apart from 001 and 005). A count goes to standard \
                error. Exit status: 0, or 1 when the institution does not exist or the output cannot be \
                written, 2 when some records could not be written as ISO 2709 (they are named and left out).
                """
        )
        @OptionGroup var storage: DatabaseOptions
        @Argument(help: "The file to write (default: standard output).") var file: String?
        @Option(help: "The institution code.") var institution: String
        @Option(help: "The environment whose catalogue is exported.") var environment = DataEnvironment.sandbox
        @Option(help: "The format written (xml: a MARCXML collection).") var format = MARCFileFormat.xml
        @Option(help: "Bibs read at a time.") var pageSize = 1000

        func validate() throws {
            guard pageSize >= 1 else { throw ValidationError("page size must be at least 1") }
        }

        func run() async throws {
            let store = try storage.open()
            guard try await store.institution(institution) != nil else { throw CommandFailure("unknown institution '\(institution)'") }
            let tenant = Tenant(institution: institution, environment: environment.environment)
            let output = try self.output()
            let start = Date()
            var exported = 0
            var skipped = 0
            if format == .xml { try write(Data(MARCXML.collectionStart.utf8), to: output) }
            var offset = 0
            while true {
                let (pageSize, pageOffset) = (pageSize, offset)
                let records = try await store.read(in: tenant) { reader in
                    try await Catalogue.exportRecords(from: reader, offset: pageOffset, limit: pageSize)
                }
                offset += records.count
                if format == .xml {
                    var text = ""
                    for record in records {
                        MARCXML.write(record, into: &text)
                        text += "\n"
                    }
                    try write(Data(text.utf8), to: output)
                } else {
                    var bytes: [UInt8] = []
                    for record in records {
                        do {
                            try ISO2709.encode(record, into: &bytes)
                        } catch {
                            skipped += 1
                            let id = record.controlField("001") ?? "?"
                            FileHandle.standardError.write(Data("skipped bib \(id): \(error.reason)\n".utf8))
                        }
                    }
                    try write(Data(bytes), to: output)
                }
                exported += records.count
                if records.count < pageSize { break }
            }
            if format == .xml { try write(Data(MARCXML.collectionEnd.utf8), to: output) }
            if file != nil { try output.close() }
            let seconds = String(format: "%.2f", Date().timeIntervalSince(start))
            let written = exported - skipped
            FileHandle.standardError.write(Data("exported \(written) records, \(skipped) skipped in \(seconds) s\n".utf8))
            if skipped > 0 { throw ExitCode(2) }
        }

        private func output() throws -> FileHandle {
            guard let file else { return FileHandle.standardOutput }
            guard FileManager.default.createFile(atPath: file, contents: nil), let handle = FileHandle(forWritingAtPath: file) else {
                throw CommandFailure("cannot write \(file)")
            }
            return handle
        }

        private func write(_ data: Data, to output: FileHandle) throws {
            do {
                try output.write(contentsOf: data)
            } catch {
                throw CommandFailure("cannot write \(file ?? "standard output"): \(error.localizedDescription)")
            }
        }
    }
}
