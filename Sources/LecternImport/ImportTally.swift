public import Foundation
public import LecternAlma
public import LecternMARC

/// The counts of one import, its progress line and its rejected records, as text for standard
/// error, and its summary, as text for standard output.
///
/// The tally writes nothing itself: it hands its lines to `report`, and ``finish(dryRun:)``
/// returns the summary.
public struct ImportTally {
    /// What became of one record.
    public enum Result: Sendable, Hashable {
        /// Written: a new bib or an existing one updated.
        case imported(ImportOutcome)
        /// Checked by a dry run, and found importable.
        case valid
        /// Not written, and why; where the record is in the file.
        case rejected(MARCPosition, String)
    }

    /// Whether standard error is a terminal: the progress line is then redrawn in place.
    public let interactive: Bool
    public private(set) var created = 0
    public private(set) var updated = 0
    public private(set) var valid = 0
    public private(set) var rejected = 0
    private let clock: () -> Date
    private let report: (String) -> Void
    private let start: Date
    private var lastDrawn = Date.distantPast
    private var drawn = false

    /// A tally that hands its progress and rejected-record lines (with their line breaks, and
    /// terminal escapes when `interactive`) to `report`; `clock` tells the time, for the rate.
    public init(interactive: Bool, clock: @escaping () -> Date = Date.init, report: @escaping (String) -> Void) {
        self.interactive = interactive
        self.clock = clock
        self.report = report
        self.start = clock()
    }

    /// Every record counted so far.
    public var records: Int { created + updated + valid + rejected }

    /// Counts `result`, reporting a rejected record at once and the progress line from time to time.
    public mutating func add(_ result: Result) {
        switch result {
        case .imported(.created): created += 1
        case .imported(.updated): updated += 1
        case .valid: valid += 1
        case .rejected(let position, let reason):
            rejected += 1
            write("rejected \(position.importDescription): \(reason)\n")
        }
        progress()
    }

    /// Reports the last progress line and returns the summary: `imported 3 records: 2 created,
    /// 0 updated, 1 rejected in 0.05 s (60 records/s)`, or for a dry run `checked 3 records: …`.
    public mutating func finish(dryRun: Bool) -> String {
        progress(force: true)
        if interactive { write("\n") }
        let seconds = clock().timeIntervalSince(start)
        let rate = seconds > 0 ? Int((Double(records) / seconds).rounded()) : 0
        let time = String(format: "%.2f", seconds)
        if dryRun {
            return "checked \(records) records: \(valid) valid, \(rejected) rejected in \(time) s (\(rate) records/s)"
        }
        return "imported \(records) records: \(created) created, \(updated) updated, \(rejected) rejected in \(time) s (\(rate) records/s)"
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
