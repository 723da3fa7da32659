import Foundation

/// The moment of a catalogue write, in the forms Alma writes it: `2026-11-23Z` in the object,
/// `20261123083711.0` in MARC field 005.
struct CatalogStamp: Sendable {
    /// The date with Alma's trailing `Z`.
    let date: String
    /// MARC 005, the date and time of latest transaction.
    let marcTimestamp: String

    init(_ now: Date = Date()) {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: now)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        let day = "\(parts.year ?? 1970)-\(two(parts.month))-\(two(parts.day))"
        date = day + "Z"
        marcTimestamp = day.replacingOccurrences(of: "-", with: "") + two(parts.hour) + two(parts.minute) + two(parts.second) + ".0"
    }
}
