import Foundation
import HTTPTypes
import LecternAlma
import LecternCore
import LecternTesting
import Testing

/// A librarian's week in one script: borrow, renew, a hold by someone else, the renewal refused,
/// the return filling the hold, an overdue loan with the sandbox clock moved, its fine, paying
/// half and then the rest, the block lifted; and the same calls with a read-only key changing
/// nothing.
struct CirculationScenarioTests {
    @Test func borrowRenewHoldReturnOverdueFinePayAndTheBlockLifts() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            // 21 days, 1.25 a day up to 10, blocked above 5.
            try await counter.setPolicy(Counter.policy(loanDays: 21, renewals: 2, fineLimit: 5))
            let shelf = try await counter.shelf(items: 2)
            let (reader, other) = (try await counter.borrower(), try await counter.borrower())

            let first = try await counter.borrow(shelf.items[0], by: reader)
            let renewed = try await client.send(.post, "/almaws/v1/users/\(reader)/loans/\(first)?op=renew&format=json", key: counter.key)
            #expect(renewed.status == 200, "\(renewed.text)")
            let second = try await counter.borrow(shelf.items[1], by: reader)

            // Another user holds the title: neither loan renews now.
            #expect(try await counter.hold(shelf, by: other).status == 200)
            let refused = try await client.send(.post, "/almaws/v1/users/\(reader)/loans/\(first)?op=renew&format=json", key: counter.key)
            #expect(Counter.errorCode(refused) == "401822")

            // The first return fills the hold.
            _ = try await counter.scan(shelf, 0)
            #expect(try await counter.state(shelf, 0) == ("1", "HOLDSHELF"))
            _ = try await counter.borrow(shelf.items[0], by: other)

            // Four weeks later the second loan is 7 days late: 8.75 owed, over the limit of 5.
            try await counter.setClock(days: 28)
            let fees = try await counter.json(.get, "/almaws/v1/users/\(reader)/fees")
            let fine = try #require((fees["fee"] as? [[String: Any]])?.first)
            #expect(fine["type"] as? [String: String] == ["value": "OVERDUEFINE", "desc": "Overdue fine"])
            #expect(fine["balance"] as? Double == 8.75)
            #expect(fees["total_sum"] as? Double == 8.75)
            #expect(fees["currency"] as? String == "EUR")
            let fineID = try #require(fine["id"] as? String)
            let person = try await counter.json(.get, "/almaws/v1/users/\(reader)")
            let blocks = try #require(person["user_block"] as? [[String: Any]])
            #expect(blocks.contains { ($0["block_description"] as? [String: Any])?["value"] as? String == "03-GLOBAL" })
            let blocked = try await counter.lend(try await counter.shelf(items: 1).items[0], to: reader)
            #expect(Counter.errorCode(blocked) == "401652")

            // The return stops the fine from growing.
            _ = try await counter.scan(shelf, 1)
            try await counter.setClock(days: 40)
            #expect(try await counter.json(.get, "/almaws/v1/users/\(reader)/fees/\(fineID)")["balance"] as? Double == 8.75)

            // Half, then the rest.
            let half = try await counter.json(.post, "/almaws/v1/users/\(reader)/fees/\(fineID)?op=pay&amount=4.37&method=CASH")
            #expect(half["balance"] as? Double == 4.38)
            #expect((try await counter.json(.get, "/almaws/v1/users/\(reader)")["user_block"] as? [[String: Any]] ?? []).isEmpty)
            let paid = try await counter.json(.post, "/almaws/v1/users/\(reader)/fees/\(fineID)?op=pay&method=ONLINE")
            #expect(paid["status"] as? [String: String] == ["value": "CLOSED", "desc": "Closed"])
            #expect(try await counter.lend(try await counter.shelf(items: 1).items[0], to: reader).status == 200)
        }
    }

    @Test func theReadOnlyKeyReadsButChangesNothing() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            let shelf = try await counter.shelf(items: 1)
            let (reader, other) = (try await counter.borrower(), try await counter.borrower())
            let loanID = try await counter.borrow(shelf.items[0], by: reader)
            let feeID = try await FeesTests.charge(counter, reader, amount: "2")
            let readOnly = lectern.readOnlyKey
            let writes: [(HTTPRequest.Method, String, String?)] = [
                (.post, "/almaws/v1/users/\(reader)/loans/\(loanID)?op=renew", nil),
                (.put, "/almaws/v1/users/\(reader)/loans/\(loanID)", #"{"due_date":"2099-01-01T00:00:00Z"}"#),
                (.post, "/almaws/v1/users/\(other)/requests?mms_id=\(shelf.mmsID)", #"{"request_type":"HOLD","pickup_location_library":"MAIN"}"#),
                (.post, "/almaws/v1/users/\(reader)/fees/\(feeID)?op=pay&method=CASH", nil),
                (.post, "/almaws/v1/users/\(reader)/fees", #"{"type":{"value":"OTHER"},"original_amount":1,"owner":{"value":"MAIN"}}"#),
                (.post, "\(shelf.itemPath(0))?op=scan&library=MAIN&circ_desk=DEFAULT_CIRC_DESK", nil),
            ]
            let before = try await counter.json(.get, "/almaws/v1/users/\(reader)/loans/\(loanID)")
            for (method, path, body) in writes {
                let answer = try await client.send(method, path, key: readOnly, headers: body == nil ? [:] : Catalog.jsonBody, body: body)
                #expect(answer.status == 401 || answer.status == 403, "\(method) \(path): \(answer.status)")
            }
            #expect(
                try await counter.json(.get, "/almaws/v1/users/\(reader)/loans/\(loanID)", key: readOnly)["due_date"] as? String == before["due_date"]
                    as? String
            )
            #expect(try await counter.json(.get, "/almaws/v1/users/\(reader)/fees", key: readOnly)["total_sum"] as? Double == 2)
            #expect(try await counter.json(.get, "/almaws/v1/bibs/\(shelf.mmsID)/requests", key: readOnly)["total_record_count"] as? Int == 0)
            #expect(try await counter.state(shelf) == ("0", "LOAN"))
        }
    }

    /// Another institution sees none of it.
    @Test func anotherInstitutionSeesNoLoans() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            let shelf = try await counter.shelf(items: 1)
            let reader = try await counter.borrower()
            let loanID = try await counter.borrow(shelf.items[0], by: reader)
            let elsewhere = try await client.send(.get, "/almaws/v1/users/\(reader)/loans/\(loanID)?format=json", key: lectern.otherKey)
            #expect(Counter.errorCode(elsewhere) == "401861")
            let bib = try await client.send(.get, "/almaws/v1/bibs/\(shelf.mmsID)/loans?format=json", key: lectern.otherKey)
            #expect(Counter.errorCode(bib) == "402203")
        }
    }
}
