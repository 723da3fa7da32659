import Foundation
import LecternCore
import LecternPeople
import LecternRepresentation
import LecternStore

/// What circulation adds to a user (``LecternPeople/UserActivity``): the counts of
/// `expand=loans,requests,fees`, and the block for fees over the limit. Overdue fines are
/// brought up to the tenant's time first (a write only when a fine is behind), so a user reads
/// the same whenever fines were last worked out. A user with nothing owed and no active loan
/// costs nothing more: the summary on the user's document says so.
struct CirculationActivity: UserActivity {
    let store: any Store

    func counts(of user: Document, in tenant: Tenant) async throws -> UserActivityCounts {
        let userID = user.id
        let state = try await settled(userID, in: tenant)
        let requests = try await store.read(in: tenant) { reader in
            try await reader.find(DocumentQuery(kind: .request, parent: userID, equals: ["open": "true"], limit: 0)).total
        }
        return UserActivityCounts(loans: state.loans, requests: requests, fees: Money.text(state.owed))
    }

    func blocks(of user: Document, in tenant: Tenant) async throws -> [Node]? {
        let stored = user.body.child("user_blocks")?.children(named: "user_block") ?? []
        let kept = stored.filter { !CirculationBlocks.isComputed($0) }
        let unchanged = kept.count == stored.count ? nil : kept
        // The summary on the user (read with it, from the cache) says whether fines can block
        // them: nothing owed and no loan that can fall late means no block, and no trip to
        // the database.
        let summary = UserActivityFields.read(user)
        let due = summary["due"].flatMap(CirculationTime.parse)
        let owed = summary["owed"].flatMap(Money.parse) ?? 0
        guard owed > 0 || due != nil else { return unchanged }
        let now = try await store.now(for: tenant)
        let state: State
        if let due, due < now {
            state = try await settled(user.id, in: tenant)
        } else {
            // Nothing can have grown: what the summary says is owed is owed.
            state = State(loans: 0, owed: owed, policy: try await store.read(in: tenant) { try await CirculationPolicy.load(from: $0) }, now: now)
        }
        guard state.owed > state.policy.fineLimit else { return unchanged }
        return kept + [CirculationBlocks.finesBlock(owed: state.owed, limit: state.policy.fineLimit, currency: state.policy.currency, now: state.now)]
    }

    private struct State: Sendable {
        var loans: Int
        var owed: Decimal
        var policy: CirculationPolicy
        var now: Date
    }

    /// The user's active loans and what they owe, their fines brought up to now first.
    private func settled(_ userID: String, in tenant: Tenant) async throws -> State {
        // One trip to the database for a user with no loans: the clock is read only when a
        // loan may be late.
        let pages = try await store.read(in: tenant) { reader in
            try await reader.find([CirculationDocuments.activeLoans(of: userID), Self.activeFees(of: userID)])
        }
        let loans = pages[0].items
        let owed = CirculationDocuments.balance(of: pages[1].items)
        let now = loans.isEmpty ? Date() : try await store.now(for: tenant)
        var behind = false
        if !loans.isEmpty {
            behind = try await store.read(in: tenant) { reader in
                for loan in loans where CirculationDesk.fineOwed(for: loan, now: now) != nil {
                    let fine = try await reader.document(.fee, key: loan.id, type: CirculationDocuments.loanKey)
                    if CirculationDesk.fineIsBehind(fine, loan: loan, now: now) { return true }
                }
                return false
            }
        }
        if behind {
            try await store.write(in: tenant) { tx in
                let desk = try await CirculationDesk.open(tx, tenant: tenant, now: now)
                try await desk.settleFines(of: userID)
                try await desk.refreshActivity()
            }
        }
        let total =
            behind
            ? CirculationDocuments.balance(of: try await store.read(in: tenant) { try await $0.find(Self.activeFees(of: userID)).items }) : owed
        let policy = total > 0 ? try await store.read(in: tenant) { try await CirculationPolicy.load(from: $0) } : .standard
        return State(loans: loans.count, owed: total, policy: policy, now: now)
    }

    private static func activeFees(of userID: String) -> DocumentQuery {
        DocumentQuery(kind: .fee, parent: userID, equals: ["status": "ACTIVE"])
    }

}
