import Foundation
import LecternPeople
import LecternRepresentation
import LecternStore
import Synchronization

/// The users a transaction's loans and fees changed, to summarize on their user documents at
/// its end.
final class TouchedUsers: Sendable {
    private let users = Mutex<Set<String>>([])

    func insert(_ userID: String) {
        users.withLock { _ = $0.insert(userID) }
    }

    var all: Set<String> { users.withLock { $0 } }
}

/// What circulation keeps on a user's document (``LecternPeople/UserActivityFields``), so that a
/// user GET knows from the user alone, read from the store's cache, whether fines can block
/// them: `owed`, the active fees' balance, and `due`, the earliest due date of an active loan
/// (from then on a fine grows).
extension CirculationDesk {
    /// The summary of `userID` as the store has it now.
    func activitySummary(of userID: String) async throws -> [String: String] {
        let loans = try await activeLoans(of: userID)
        let due = loans.compactMap { $0.body.value("due_date") }.min() ?? ""
        let owed = try await activeBalance(of: userID)
        var summary: [String: String] = [:]
        if owed != 0 { summary["owed"] = Money.text(owed) }
        if !due.isEmpty { summary["due"] = due }
        return summary
    }

    /// Writes the summary of every user this transaction touched: call it last.
    func refreshActivity() async throws {
        for userID in touched.all.sorted() {
            try await UserActivityFields.write(try await activitySummary(of: userID), userID: userID, into: tx)
        }
    }
}
