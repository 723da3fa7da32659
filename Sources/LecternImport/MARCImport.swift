public import Foundation
import LecternAlma
public import LecternCore
public import LecternMARC
public import LecternStore

/// `lectern import marc` without its command line: reads a MARC file in batches (on a thread of
/// its own, see ``MARCBatchReader``) and imports each batch in one transaction, or for a dry run
/// checks its records against the tenant's locations and codes and writes nothing; what becomes
/// of each record goes to an ``ImportTally``.
public struct MARCImport: Sendable {
    private let store: any BulkStore
    private let tenant: Tenant
    private let stage: Stage

    /// An import into `tenant`'s catalogue in `store`, or with `dryRun` a check of the records
    /// against it, with the tenant's codes read once for the whole file.
    public static func load(into store: any BulkStore, tenant: Tenant, dryRun: Bool) async throws -> MARCImport {
        MARCImport(store: store, tenant: tenant, stage: try await Stage.load(dryRun: dryRun, store: store, tenant: tenant))
    }

    private init(store: any BulkStore, tenant: Tenant, stage: Stage) {
        self.store = store
        self.tenant = tenant
        self.stage = stage
    }

    /// Reads `data` in `format` to its end, `batchSize` records to a transaction, counting
    /// every record in `tally`; ISO 2709 fields are read as `mode` says (an import repairs
    /// malformed fields, with warnings, unless asked to be strict).
    ///
    /// Bulk writes may leave their pages in the store's write-ahead log: a caller that times
    /// the import checkpoints the store before it finishes the tally.
    ///
    /// - returns: the error that stopped reading (XML that is not well formed), after the
    ///   records before it were imported; `nil` when the whole file was read.
    /// - throws: an error of the store.
    public func run(
        _ data: Data,
        format: MARCFileFormat,
        mode: MARCReadMode = .lenient,
        batchSize: Int,
        tally: inout ImportTally
    ) async throws -> MARCError? {
        // Reading runs some thirty times faster than importing: two batches ahead keep the
        // importer fed, and memory holds fewer records.
        let batches = MARCBatchReader.start(data, format: format, mode: mode, batchSize: batchSize, ahead: 2)
        var fatal: MARCError?
        for await message in batches.stream {
            defer { batches.processed() }
            switch message {
            case .batch(let entries):
                for result in try await stage.results(of: entries, store: store, tenant: tenant) { tally.add(result) }
            case .fatal(let error):
                fatal = error
            }
        }
        return fatal
    }

    /// What is done with each batch: checked, or imported.
    private enum Stage: Sendable {
        case check(ImportCheck)
        case write(CatalogImporter)

        /// The stage of a dry run or an import, with the tenant's codes read once.
        static func load(dryRun: Bool, store: any BulkStore, tenant: Tenant) async throws -> Stage {
            if dryRun { return .check(try await store.read(in: tenant) { try await ImportCheck.load(from: $0) }) }
            let institution = tenant.institution
            return .write(try await store.read(in: tenant) { try await CatalogImporter.load(institution: institution, from: $0) })
        }

        /// What became of each record of `entries`, in order.
        func results(of entries: [MARCBatchReader.Entry], store: any BulkStore, tenant: Tenant) async throws -> [ImportTally.Record] {
            let outcomes: [ImportTally.Outcome] =
                switch self {
                case .check(let check): entries.map { Self.checked($0, with: check) }
                case .write(let importer): try await Self.imported(entries, with: importer, into: store, tenant: tenant)
                }
            return zip(entries, outcomes).map { entry, outcome in
                switch entry.result {
                case .success(let record):
                    ImportTally.Record(outcome, at: entry.position, identifier: record.identifier, warnings: entry.warnings)
                case .failure(let error):
                    ImportTally.Record(outcome, at: entry.position, identifier: error.controlNumber, warnings: entry.warnings)
                }
            }
        }

        private static func rejection(_ error: MARCError) -> ImportTally.Outcome {
            .rejected(error.reason, field: error.field, code: error.code.rawValue)
        }

        private static func checked(_ entry: MARCBatchReader.Entry, with check: ImportCheck) -> ImportTally.Outcome {
            switch entry.result {
            case .failure(let error):
                return rejection(error)
            case .success(let record):
                do {
                    try check.check(record)
                    return .valid
                } catch {
                    return .rejected(error.reason)
                }
            }
        }

        /// Imports one batch in one transaction: rejected records leave nothing, the others are kept.
        private static func imported(
            _ entries: [MARCBatchReader.Entry],
            with importer: CatalogImporter,
            into store: any BulkStore,
            tenant: Tenant
        ) async throws -> [ImportTally.Outcome] {
            let readable = entries.compactMap { try? $0.result.get() }
            let results = try await store.bulkWrite(in: tenant) { writer in try importer.importRecords(readable, into: writer) }
            var outcomes = results.makeIterator()
            return entries.map { entry -> ImportTally.Outcome in
                switch entry.result {
                case .failure(let error):
                    return rejection(error)
                case .success:
                    switch outcomes.next() {
                    case .success(let outcome): return .imported(outcome)
                    case .failure(let rejection): return .rejected(rejection.reason)
                    case nil: return .rejected("not imported")
                    }
                }
            }
        }
    }
}
