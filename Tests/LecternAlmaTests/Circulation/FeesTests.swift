import Foundation
import HTTPTypes
import LecternAlma
import LecternCore
import LecternTesting
import Testing

/// Fines and fees over HTTP: charging, paying in parts, waiving, disputing and restoring, paying
/// everything at once, in exact decimals; and the documented refusals.
struct FeesTests {
    static func charge(_ counter: Counter, _ user: String, amount: String, type: String = "OTHER") async throws -> String {
        let answer = try await counter.client.send(
            .post,
            "/almaws/v1/users/\(user)/fees?format=json",
            key: counter.key,
            headers: Catalog.jsonBody,
            body: #"{"type":{"value":"\#(type)"},"original_amount":\#(amount),"owner":{"value":"MAIN"},"comment":"Test fee"}"#
        )
        try #require(answer.status == 200, "\(answer.text)")
        return try #require(try Wire.json(answer.body)["id"] as? String)
    }

    @Test func aFeeIsPaidInPartsWithExactAmounts() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            let user = try await counter.borrower()
            let feeID = try await Self.charge(counter, user, amount: "10.30")
            let fee = try await counter.json(.get, "/almaws/v1/users/\(user)/fees/\(feeID)")
            #expect(Catalog.isCatalogID(feeID, prefix: "98"))
            #expect(fee["type"] as? [String: String] == ["value": "OTHER", "desc": "Other"])
            #expect(fee["status"] as? [String: String] == ["value": "ACTIVE", "desc": "Active"])
            #expect(fee["balance"] as? Double == 10.3)
            #expect(fee["original_amount"] as? Double == 10.3)
            #expect(fee["owner"] as? [String: String] == ["value": "MAIN", "desc": "Main Library"])
            #expect(fee["comment"] as? String == "Test fee")
            #expect((fee["link"] as? String)?.hasSuffix("/almaws/v1/users/\(user)/fees/\(feeID)") == true)

            let path = "/almaws/v1/users/\(user)/fees/\(feeID)"
            let half = try await counter.json(.post, "\(path)?op=pay&amount=5.1&method=CASH&external_transaction_id=T-1&comment=first")
            #expect(half["balance"] as? Double == 5.2)
            #expect(half["status"] as? [String: String] == ["value": "ACTIVE", "desc": "Active"])
            let tooMuch = try await client.send(.post, "\(path)?op=pay&amount=5.21&method=CASH&format=json", key: counter.key)
            #expect(Counter.errorCode(tooMuch) == "401666")
            for bad in ["-1", "1e3", "abc", "0", "5.123"] {
                let answer = try await client.send(.post, "\(path)?op=pay&amount=\(bad)&method=CASH&format=json", key: counter.key)
                #expect(Counter.errorCode(answer) == "401666", "\(bad)")
            }
            #expect(Counter.errorCode(try await client.send(.post, "\(path)?op=pay&amount=1&format=json", key: counter.key)) == "401666")
            let rest = try await counter.json(.post, "\(path)?op=pay&amount=5.2&method=CREDIT_CARD")
            #expect(rest["balance"] as? Double == 0)
            #expect(rest["status"] as? [String: String] == ["value": "CLOSED", "desc": "Closed"])
            let transactions = try #require(rest["transaction"] as? [[String: Any]])
            #expect(transactions.count == 2)
            #expect(transactions.first?["amount"] as? Double == 5.1)
            #expect(transactions.first?["external_transaction_id"] as? String == "T-1")
            #expect(transactions.first?["payment_method"] as? [String: String] == ["value": "CASH", "desc": "Cash"])
            #expect(transactions.last?["type"] as? [String: String] == ["value": "PAYMENT", "desc": "Payment"])

            let active = try await counter.json(.get, "/almaws/v1/users/\(user)/fees")
            #expect(active["total_record_count"] as? Int == 0)
            #expect(active["total_sum"] as? Double == 0)
            let closed = try await counter.json(.get, "/almaws/v1/users/\(user)/fees?status=CLOSED")
            #expect(closed["total_record_count"] as? Int == 1)
            let xml = try Wire.xml(try await client.send(.get, "/almaws/v1/users/\(user)/fees?status=CLOSED", key: counter.key).body)
            #expect(xml.root == "fees")
            #expect(xml.rootAttributes["currency"] == "USD")
            #expect(xml.texts["amount"] == ["5.1", "5.2"])
        }
    }

    @Test func sumsAreExactDecimals() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            let user = try await counter.borrower()
            _ = try await Self.charge(counter, user, amount: "0.1")
            _ = try await Self.charge(counter, user, amount: "0.2")
            let answer = try await client.send(.get, "/almaws/v1/users/\(user)/fees?format=json", key: counter.key)
            #expect(answer.text.contains(#""total_sum":0.3,"#), "\(answer.text)")
            let person = try await counter.json(.get, "/almaws/v1/users/\(user)?expand=fees")
            #expect((person["fees"] as? [String: Any])?["value"] as? String == "0.3")
        }
    }

    @Test func waiveDisputeRestoreAndPayAll() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            let user = try await counter.borrower()
            let waived = try await Self.charge(counter, user, amount: "3")
            let disputed = try await Self.charge(counter, user, amount: "4")
            _ = try await Self.charge(counter, user, amount: "5", type: "LOSTITEMREPLACEMENTFEE")
            let base = "/almaws/v1/users/\(user)/fees"
            let waive = try await counter.json(.post, "\(base)/\(waived)?op=waive&reason=GOODWILL")
            #expect(waive["status"] as? [String: String] == ["value": "EXEMPT", "desc": "Exempt"])
            let dispute = try await counter.json(.post, "\(base)/\(disputed)?op=dispute&reason=NOT_MINE")
            #expect(dispute["status"] as? [String: String] == ["value": "INDISPUTE", "desc": "In dispute"])
            #expect(
                Counter.errorCode(try await client.send(.post, "\(base)/\(disputed)?op=pay&amount=1&method=CASH&format=json", key: counter.key))
                    == "401666"
            )
            #expect(try await counter.json(.get, "\(base)?status=INDISPUTE")["total_record_count"] as? Int == 1)
            let restored = try await counter.json(.post, "\(base)/\(disputed)?op=restore")
            #expect(restored["status"] as? [String: String] == ["value": "ACTIVE", "desc": "Active"])
            #expect(Counter.errorCode(try await client.send(.post, "\(base)/\(disputed)?op=steal&format=json", key: counter.key)) == "401666")
            let part = try await counter.json(.post, "\(base)/all?op=pay&amount=6&method=ONLINE")
            #expect(part["total_sum"] as? Double == 3)
            #expect(
                Counter.errorCode(try await client.send(.post, "\(base)/all?op=pay&amount=3.01&method=CASH&format=json", key: counter.key))
                    == "401666"
            )
            let all = try await counter.json(.post, "\(base)/all?op=pay&amount=ALL&method=CASH")
            #expect(all["total_record_count"] as? Int == 0)
            #expect(Counter.errorCode(try await client.send(.get, "\(base)/98000000000000?format=json", key: counter.key)) == "401665")
            #expect(Counter.errorCode(try await client.send(.get, "\(base)?status=GONE&format=json", key: counter.key)) == "401666")
        }
    }

    @Test(arguments: [
        (#"{"original_amount":5,"owner":{"value":"MAIN"}}"#, "4019991"),
        (#"{"type":{"value":"PARKING"},"original_amount":5,"owner":{"value":"MAIN"}}"#, "4019992"),
        (#"{"type":{"value":"OTHER"},"owner":{"value":"MAIN"}}"#, "4019994"),
        (#"{"type":{"value":"OTHER"},"original_amount":"lots","owner":{"value":"MAIN"}}"#, "4019994"),
        (#"{"type":{"value":"OTHER"},"original_amount":5}"#, "4019996"),
        (#"{"type":{"value":"OTHER"},"original_amount":5,"owner":{"value":"DEMO"}}"#, "4019997"),
        (#"{"type":{"value":"OTHER"},"original_amount":5,"owner":{"value":"MAIN"},"barcode":"NO-SUCH-ITEM"}"#, "4019993"),
    ])
    func chargingRefusesWhatItCannotRecord(_ body: String, _ code: String) async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            let user = try await counter.borrower()
            let answer = try await client.send(
                .post,
                "/almaws/v1/users/\(user)/fees?format=json",
                key: counter.key,
                headers: Catalog.jsonBody,
                body: body
            )
            #expect(Counter.errorCode(answer) == code, "\(answer.text)")
            #expect(try await counter.json(.get, "/almaws/v1/users/\(user)/fees?status=ACTIVE")["total_record_count"] as? Int == 0)
        }
    }
}
