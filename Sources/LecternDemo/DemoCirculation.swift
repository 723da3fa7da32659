import Foundation
import LecternAlma
import LecternCore
import LecternPeople
import LecternRepresentation
import LecternStore

/// The demo institution's circulation: six weeks of history replayed through the same rules as
/// the API, ending now. Active and overdue loans across user groups, returned loans, holds with
/// queues, items on the hold shelf and in transit, fees in every status, and users blocked by
/// fees over the limit.
enum DemoCirculation {
    /// The demo's terms of use.
    static let policy = CirculationPolicy(
        currency: "USD",
        fineLimit: 15,
        holdShelfDays: 7,
        terms: [
            .init(userGroup: "GUEST", loanable: false, loanDays: 0, renewals: 0, renewDays: 0, finePerDay: 0, maximumFine: 0),
            .init(userGroup: "FACULTY", loanDays: 120, renewals: 5, renewDays: 120, finePerDay: 0, maximumFine: 0),
            .init(userGroup: "STAFF", loanDays: 56, renewals: 3, renewDays: 56, finePerDay: Decimal(string: "0.25")!, maximumFine: 10),
            .init(userGroup: "GRAD", loanDays: 56, renewals: 3, renewDays: 28, finePerDay: Decimal(string: "0.25")!, maximumFine: 10),
            .init(loanDays: 28, renewals: 2, renewDays: 28, finePerDay: Decimal(string: "0.5")!, maximumFine: 20),
        ]
    )

    /// Writes the policy and replays the history into `tenant`, ending at `now`.
    static func seed(_ store: any Store, tenant: Tenant, now: Date = Date()) async throws {
        try await store.write(in: tenant) { tx in
            try await tx.put(policy.document)
            let users = try await tx.find(DocumentQuery(kind: .user)).items
                .filter { $0.body.value("user_group") != "GUEST" && $0.body.value("status") != "INACTIVE" }.map(\.id)
            var items = try await tx.find(DocumentQuery(kind: .item)).items.map {
                (pid: $0.id, mmsID: $0.parent ?? "", library: $0.body.value("item_data/library") ?? "MAIN")
            }
            guard !users.isEmpty, !items.isEmpty else { return }
            var random = SeededGenerator(seed: 2026)
            items.shuffle(using: &random)
            let start = try await CirculationLoader.open(tx, tenant: tenant, now: now)
            func day(_ daysAgo: Double) -> CirculationLoader { start.at(now.addingTimeInterval(-daysAgo * 86_400)) }

            // Loans over six weeks, oldest first: some are late by now.
            let loanCount = min(150, items.count / 3)
            var lent: [(pid: String, mmsID: String, library: String, user: String)] = []
            for (index, item) in items.prefix(loanCount).enumerated() {
                let user = random.pick(users)
                let daysAgo = 45 - Double(index) * 40 / Double(max(loanCount, 1))
                if try await day(daysAgo).lend(item.pid, to: user, library: item.library, circDesk: "DEFAULT_CIRC_DESK") != nil {
                    lent.append((item.pid, item.mmsID, item.library, user))
                }
            }
            // A quarter comes back ten days ago, one in eight of them at another library.
            let returned = lent.enumerated().filter { $0.offset % 4 == 0 }.map(\.element)
            for (index, loan) in returned.enumerated() {
                try await day(10).scanIn(loan.pid, library: index % 8 == 0 ? otherLibrary(than: loan.library) : loan.library)
            }
            // Holds on titles still out, queues of one to three.
            let out = lent.enumerated().filter { $0.offset % 4 != 0 }.map(\.element)
            var held: [(pid: String, library: String)] = []
            for (index, loan) in out.prefix(max(out.count / 5, 1)).enumerated() {
                for _ in 0..<(1 + index % 3) {
                    let requester = random.pick(users)
                    guard requester != loan.user else { continue }
                    _ = try await day(6).hold(loan.mmsID, by: requester, pickup: index % 4 == 0 ? otherLibrary(than: loan.library) : loan.library)
                }
                held.append((loan.pid, loan.library))
            }
            // Half of those come back: to the hold shelf, or in transit to a pickup elsewhere.
            for item in held.enumerated().filter({ $0.offset % 2 == 0 }).map(\.element) {
                try await day(2).scanIn(item.pid, library: item.library)
            }
            // Fees in every status, and a few users blocked by them.
            for (index, user) in users.enumerated() where index % 9 == 0 {
                let type = ["OTHER", "DAMAGEDITEMFINE", "LOSTITEMREPLACEMENTFEE", "CARDRENEWAL"][index % 4]
                let amount = Decimal(type == "LOSTITEMREPLACEMENTFEE" ? 40 + index % 20 : 3 + index % 7)
                guard let fee = try await day(Double(20 - index % 15)).charge(user, type: type, amount: amount, owner: "MAIN") else { continue }
                switch index % 5 {
                case 0: try await day(5).act("pay", on: fee, method: "CASH")
                case 1: try await day(5).act("pay", on: fee, amount: amount / 2, method: "CREDIT_CARD")
                case 2: try await day(4).act("waive", on: fee, reason: "GOODWILL")
                case 3: try await day(3).act("dispute", on: fee, reason: "NOT_MINE")
                default: break
                }
            }
            for user in Set(lent.map(\.user)) { try await start.settleFines(of: user) }
            try await start.finish()
        }
    }

    private static func otherLibrary(than library: String) -> String {
        library == "MAIN" ? "SCI" : "MAIN"
    }
}
