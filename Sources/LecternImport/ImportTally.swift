public import Foundation
public import LecternAlma
public import LecternMARC

/// The counts of one import, its progress line, its warnings and rejected records, as text for
/// standard error, its `--report` lines, and its summary, as text for standard output.
///
/// The tally writes nothing itself: it hands its lines to `report` and its CSV lines to
/// `reportFile`, and ``finish(dryRun:)`` returns the summary.
public struct ImportTally {
    /// What became of one record, where it is in the file, and what a lenient reader repaired in it.
    public struct Record: Sendable, Hashable {
        public var outcome: Outcome
        public var position: MARCPosition
        /// The record's 001, else its first 035 $a, when known.
        public var identifier: String?
        public var warnings: [MARCWarning]

        public init(_ outcome: Outcome, at position: MARCPosition = MARCPosition(), identifier: String? = nil, warnings: [MARCWarning] = []) {
            self.outcome = outcome
            self.position = position
            self.identifier = identifier
            self.warnings = warnings
        }
    }

    /// What became of one record.
    public enum Outcome: Sendable, Hashable {
        /// Written: a new bib or an existing one updated.
        case imported(ImportOutcome)
        /// Checked by a dry run, and found importable.
        case valid
        /// Not written, and why; the field at fault and the reader's ``MARCError/Code`` when known.
        case rejected(String, field: String? = nil, code: String? = nil)

        var isRejected: Bool {
            if case .rejected = self { true } else { false }
        }
    }

    /// How many warnings standard error shows; the summary counts them all, and the report
    /// file lists them all.
    public static let warningsShown = 100

    /// Whether standard error is a terminal: the progress line is then redrawn in place.
    public let interactive: Bool
    public private(set) var created = 0
    public private(set) var updated = 0
    public private(set) var valid = 0
    public private(set) var rejected = 0
    /// Records kept (imported or valid) with at least one warning.
    public private(set) var warned = 0
    /// Warnings of every record, rejected ones included.
    public private(set) var warnings = 0
    private let clock: () -> Date
    private let report: (String) -> Void
    private let reportFile: ((String) -> Void)?
    private let start: Date
    private var lastDrawn = Date.distantPast
    private var drawn = false

    /// A tally that hands its progress, warning and rejected-record lines (with their line
    /// breaks, and terminal escapes when `interactive`) to `report`, and, when there is a
    /// `reportFile`, its CSV lines to it, the header first; `clock` tells the time, for the rate.
    public init(
        interactive: Bool,
        clock: @escaping () -> Date = Date.init,
        reportFile: ((String) -> Void)? = nil,
        report: @escaping (String) -> Void
    ) {
        self.interactive = interactive
        self.clock = clock
        self.report = report
        self.reportFile = reportFile
        self.start = clock()
        reportFile?(ImportReportCSV.header)
    }

    /// Every record counted so far.
    public var records: Int { created + updated + valid + rejected }

    /// Counts `record`, reporting its warnings (the first ``warningsShown`` of the import) and a
    /// rejection at once, and the progress line from time to time.
    public mutating func add(_ record: Record) {
        for warning in record.warnings {
            warnings += 1
            if warnings <= Self.warningsShown {
                write("warning \(record.position.importDescription): \(warning)\n")
            } else if warnings == Self.warningsShown + 1 {
                write("warning: more than \(Self.warningsShown) warnings; the rest are counted, and listed by --report\n")
            }
        }
        switch record.outcome {
        case .imported(.created): created += 1
        case .imported(.updated): updated += 1
        case .valid: valid += 1
        case .rejected(let reason, _, _):
            rejected += 1
            write("rejected \(record.position.importDescription): \(reason)\n")
        }
        if !record.warnings.isEmpty, !record.outcome.isRejected { warned += 1 }
        if let reportFile {
            let lines = ImportReportCSV.lines(for: record)
            if !lines.isEmpty { reportFile(lines) }
        }
        progress()
    }

    /// Reports the last progress line and returns the summary: `imported 3 records: 2 created,
    /// 0 updated, 1 rejected, 1 warned (2 warnings) in 0.05 s (60 records/s)`, or for a dry run
    /// `checked 3 records: 2 valid, 1 rejected, …`.
    public mutating func finish(dryRun: Bool) -> String {
        progress(force: true)
        if interactive { write("\n") }
        let seconds = clock().timeIntervalSince(start)
        let rate = seconds > 0 ? Int((Double(records) / seconds).rounded()) : 0
        let time = String(format: "%.2f", seconds)
        let warned = "\(warned) warned (\(warnings) warning\(warnings == 1 ? "" : "s"))"
        if dryRun {
            return "checked \(records) records: \(valid) valid, \(rejected) rejected, \(warned) in \(time) s (\(rate) records/s)"
        }
        return "imported \(records) records: \(created) created, \(updated) updated, \(rejected) rejected, \(warned) in \(time) s (\(rate) records/s)"
    }

    /// Redraws the progress line (a terminal) or reports one every five seconds (a pipe or file).
    private mutating func progress(force: Bool = false) {
        let now = clock()
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

    /// Reports `text`, first erasing the progress line a terminal shows.
    private mutating func write(_ text: String) {
        if drawn && interactive {
            drawn = false
            report("\r\u{1B}[K" + text)
        } else {
            report(text)
        }
    }
}
