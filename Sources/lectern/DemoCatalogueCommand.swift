import ArgumentParser
import Foundation
import LecternDemo
import LecternImport
import LecternMARC

/// `lectern demo-catalogue`: writes generated bib records with embedded holdings and items, the
/// input of `Benchmarks/import.sh` and a realistic file to try `lectern import marc` with.
struct DemoCatalogueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-catalogue",
        abstract: "Write generated demo catalogue records (852 holdings, 876 items) as MARCXML or ISO 2709.",
        discussion: """
            The records fit the demo institution (libraries MAIN, SCI and MED), which `lectern serve` creates \
            on a new database. The same seed, institution and count always give the same file; 035 $a is \
            (INSTITUTION) and the record number, so a file made with another seed updates those bibs.
            """
    )
    @Argument(help: "The file to write (default: standard output).") var file: String?
    @Option(help: "How many records.") var count = 1000
    @Option(help: "The first record's index.") var start = 0
    @Option(help: "The format written (xml: a MARCXML collection).") var format = MARCFileFormat.iso2709
    @Option(help: "The seed records derive from.") var seed: UInt64 = 2026
    @Option(help: "The institution code written in 035 and 040.") var institution = "DEMO"

    func validate() throws {
        guard count >= 0, start >= 0, start + count <= DemoCatalogue.maximumCount else {
            throw ValidationError("count and start must keep record indexes within 0..<\(DemoCatalogue.maximumCount)")
        }
    }

    func run() async throws {
        let output: FileHandle
        if let file {
            guard FileManager.default.createFile(atPath: file, contents: nil), let handle = FileHandle(forWritingAtPath: file) else {
                throw CommandFailure("cannot write \(file)")
            }
            output = handle
        } else {
            output = FileHandle.standardOutput
        }
        let catalogue = DemoCatalogue(seed: seed, institution: institution)
        if format == .xml { try output.write(contentsOf: Data(MARCXML.collectionStart.utf8)) }
        var index = start
        let end = start + count
        while index < end {
            let chunk = index..<min(index + 1000, end)
            if format == .xml {
                var text = ""
                for record in catalogue.records(chunk) {
                    MARCXML.write(record, into: &text)
                    text += "\n"
                }
                try output.write(contentsOf: Data(text.utf8))
            } else {
                var bytes: [UInt8] = []
                for record in catalogue.records(chunk) { try ISO2709.encode(record, into: &bytes) }
                try output.write(contentsOf: Data(bytes))
            }
            index = chunk.upperBound
        }
        if format == .xml { try output.write(contentsOf: Data(MARCXML.collectionEnd.utf8)) }
        if file != nil { try output.close() }
    }
}
