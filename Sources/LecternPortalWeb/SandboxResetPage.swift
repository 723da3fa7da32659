import Foundation
import LecternPortal

/// The page that follows a sandbox reset: running (the browser loads it again every few
/// seconds, with no script), done, or failed.
struct SandboxResetPage: OrganizationScoped {
    /// How often the page reloads itself while the reset runs.
    static let refreshSeconds = 2

    var code: String
    var running: Bool
    var done: Bool
    var none: Bool
    /// Since when it runs, or when it finished (`HH:mm:ss` UTC).
    var time: String
    /// Why it failed, for the page's error line.
    var failure: String?

    init(code: String, state: SandboxResets.State?) {
        self.code = code
        running = false
        done = false
        none = false
        time = ""
        switch state {
        case .running(let since):
            running = true
            time = Self.format(since)
        case .done(let at):
            done = true
            time = Self.format(at)
        case .failed(let message):
            failure = message
        case nil:
            none = true
        }
    }

    private static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: date)
    }
}
