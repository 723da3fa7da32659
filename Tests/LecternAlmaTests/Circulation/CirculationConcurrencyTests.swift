import Foundation
import HTTPTypes
import LecternAlma
import LecternCore
import LecternTesting
import Testing

/// Circulation under concurrent calls: every change is one transaction, so racing clients end
/// in one consistent state.
struct CirculationConcurrencyTests {
    @Test func twentyClientsBorrowingOneItemGetOneLoanAndNineteenRefusals() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withLiveClient { client in
            let counter = Counter(lectern: lectern, client: client)
            let shelf = try await counter.shelf(items: 1)
            var users: [String] = []
            for _ in 0..<20 { users.append(try await counter.borrower()) }
            let answers = try await withThrowingTaskGroup(of: Answer.self) { group in
                for user in users { group.addTask { try await counter.lend(shelf.items[0], to: user) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.filter { $0.status == 200 }.count == 1)
            #expect(answers.filter { Counter.errorCode($0) == "401651" }.count == 19)
            #expect(try await counter.json(.get, "/almaws/v1/bibs/\(shelf.mmsID)/loans")["total_record_count"] as? Int == 1)
            #expect(try await counter.state(shelf) == ("0", "LOAN"))
        }
    }

    @Test func aHoldAndAReturnRacingEndInOneConsistentState() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withLiveClient { client in
            let counter = Counter(lectern: lectern, client: client)
            for _ in 0..<5 {
                let shelf = try await counter.shelf(items: 1)
                let (borrower, requester) = (try await counter.borrower(), try await counter.borrower())
                _ = try await counter.borrow(shelf.items[0], by: borrower)
                async let hold = counter.hold(shelf, by: requester)
                async let scan = counter.scan(shelf)
                let (held, scanned) = try await (hold, scan)
                #expect(held.status == 200, "\(held.text)")
                #expect(scanned.status == 200, "\(scanned.text)")
                let request = try await counter.json(.get, "/almaws/v1/users/\(requester)/requests")
                let status = (request["user_request"] as? [[String: Any]])?.first?["request_status"] as? String
                let state = try await counter.state(shelf)
                // The hold came first and the return filled it, or the return came first and the
                // hold found the item on the shelf and picked it: never both or neither.
                let consistent = (status == "ON_HOLD_SHELF" && state == ("1", "HOLDSHELF")) || (status == "IN_PROCESS" && state == ("1", ""))
                #expect(consistent, "\(status ?? "none") \(state)")
                #expect(try await counter.json(.get, "/almaws/v1/bibs/\(shelf.mmsID)/loans")["total_record_count"] as? Int == 0)
            }
        }
    }
}
