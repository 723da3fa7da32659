import Foundation
import LecternCore

/// How circulation writes and reads times: Alma's timestamps (`2018-07-13T17:31:39.800Z`),
/// due dates at the end of a day (`2018-08-10T23:59:00Z`) and days (`2018-07-31Z`), all GMT.
enum CirculationTime {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "GMT") ?? .current
        return calendar
    }()
    private static let milliseconds = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let seconds = Date.ISO8601FormatStyle()
    private static let dayOnly = Date.ISO8601FormatStyle().year().month().day()

    /// `date` with milliseconds: `2018-07-13T17:31:39.800Z`.
    static func timestamp(_ date: Date) -> String {
        milliseconds.format(date)
    }

    /// `date` to the second: `2018-08-10T23:59:00Z`.
    static func dueDate(_ date: Date) -> String {
        seconds.format(date)
    }

    /// The day of `date`: `2018-07-31Z`.
    static func day(_ date: Date) -> String {
        dayOnly.format(date) + "Z"
    }

    /// 23:59 GMT on the day `days` days after `date`.
    static func endOfDay(_ date: Date, plus days: Int) -> Date {
        let start = calendar.startOfDay(for: date)
        return calendar.date(byAdding: DateComponents(day: days, minute: 23 * 60 + 59), to: start) ?? date
    }

    /// The time `text` names: a timestamp with or without milliseconds, or a day
    /// (`2018-08-10`, `2018-08-10Z`, taken as its end); `nil` for anything else.
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.utf8.count <= 40 else { return nil }
        if let date = try? seconds.parse(trimmed) { return date }
        if let date = try? milliseconds.parse(trimmed) { return date }
        let day = trimmed.hasSuffix("Z") ? String(trimmed.dropLast()) : trimmed
        guard day.isDay, let date = try? dayOnly.parse(day) else { return nil }
        return endOfDay(date, plus: 0)
    }

    /// How many days (started) `date` is after `due`: 0 when not after.
    static func daysLate(_ date: Date, due: Date) -> Int {
        let late = date.timeIntervalSince(due)
        return late <= 0 ? 0 : Int((late / 86_400).rounded(.up))
    }
}
