import LecternCore
import LecternPortal
import Synchronization

/// What a successful form leaves for the page its redirect leads to (Post/Redirect/Get): shown
/// once, and only to the visitor who sent the form.
///
/// A new API key is such a one-time secret: the form's answer is a redirect, the key waits here
/// and the next GET shows it and forgets it, so a reload neither submits the form again nor
/// shows the key again. The entries live in this process's memory for ten minutes: behind a load
/// balancer, the portal needs sticky sessions (like fault injection, which is in memory too).
final class FlashStore: Sendable {
    private struct Entry {
        var visitor: String
        var flash: Flash
        var expires: ContinuousClock.Instant
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let lifetime: Duration = .seconds(600)
    /// Past this many waiting entries the oldest go first: the store stays small whatever comes.
    private let capacity = 10_000

    /// Keeps `flash` for `visitor` and returns the token its page is opened with.
    func keep(_ flash: Flash, for visitor: Visitor) -> String {
        let token = Secret.generate()
        let now = ContinuousClock.now
        entries.withLock { entries in
            entries = entries.filter { $0.value.expires > now }
            if entries.count >= capacity, let oldest = entries.min(by: { $0.value.expires < $1.value.expires }) {
                entries[oldest.key] = nil
            }
            entries[token] = Entry(visitor: visitor.csrf, flash: flash, expires: now + lifetime)
        }
        return token
    }

    /// The flash kept under `token` for `visitor`, removed as it is read; `nil` for another
    /// visitor, an expired or spent token, or none.
    func take(_ token: String?, for visitor: Visitor) -> Flash? {
        guard let token, !token.isEmpty else { return nil }
        return entries.withLock { entries in
            guard let entry = entries[token], ConstantTime.equals(entry.visitor, visitor.csrf) else { return nil }
            entries[token] = nil
            return entry.expires > ContinuousClock.now ? entry.flash : nil
        }
    }
}

/// What one successful form hands to the next page.
struct Flash: Sendable {
    /// A line at the top of the page (`Saved.`).
    var notice: String? = nil
    /// A page of its own: its title, text and link.
    var message: MessagePage? = nil
    /// A new API key, shown once.
    var key: String? = nil
    /// An API console call and what it answered.
    var console: ConsoleFlash? = nil
}
