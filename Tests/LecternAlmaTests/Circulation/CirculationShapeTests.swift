import Foundation
import HTTPTypes
import LecternAlma
import LecternTesting
import Testing

/// Loans, requests and fees against Alma's recordings: what Lectern answers has every member of
/// the recording with the same kind of value (read with `JSONSerialization`-based
/// `CanonicalJSON`, never with Lectern's codecs), and XML elements in the recorded order.
struct CirculationShapeTests {
    static func recorded(_ path: String) throws -> CanonicalJSON {
        try CanonicalJSON(json: try RecordedFile.bytes(path))
    }

    static func ours(_ client: LecternClient, _ path: String, key: String) async throws -> CanonicalJSON {
        let answer = try await client.send(.get, path + (path.contains("?") ? "&" : "?") + "format=json", key: key)
        try #require(answer.status == 200, "\(answer.text)")
        return try CanonicalJSON(json: answer.body)
    }

    @Test func loansHaveTheRecordedMembers() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            let shelf = try await counter.shelf(items: 1)
            let user = try await counter.borrower()
            let lent = try await counter.lend(shelf.items[0], to: user)
            #expect(
                Kinds.missing(from: try CanonicalJSON(json: lent.body), recorded: try Self.recorded("php-alma-client/create_loan_response.json"))
                    == []
            )
            for recording in ["php-alma-client/item_loan_response.json", "php-alma-client/loans_response.json"] {
                let list = try await Self.ours(client, "/almaws/v1/users/\(user)/loans", key: counter.key)
                #expect(Kinds.missing(from: list, recorded: try Self.recorded(recording)) == [], "\(recording)")
            }
            let none = try await Self.ours(client, "/almaws/v1/users/\(try await counter.borrower())/loans", key: counter.key)
            #expect(none.differences(from: try Self.recorded("php-alma-client/zero_loans_response.json")) == [])
        }
    }

    @Test func requestsHaveTheRecordedMembersInTheRecordedOrder() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            let shelf = try await counter.shelf(items: 1)
            let (borrower, requester) = (try await counter.borrower(), try await counter.borrower())
            _ = try await counter.borrow(shelf.items[0], by: borrower)
            let item = try await client.send(
                .post,
                "\(shelf.itemPath(0))/requests?user_id=\(requester)&format=json",
                key: counter.key,
                headers: Catalog.jsonBody,
                body: #"{"request_type":"HOLD","pickup_location_library":"MAIN","comment":"Please"}"#
            )
            #expect(item.status == 200, "\(item.text)")
            let list = try await Self.ours(client, "\(shelf.itemPath(0))/requests", key: counter.key)
            #expect(Kinds.missing(from: list, recorded: try Self.recorded("php-alma-client/item_requests_response.json")) == [])
            // The XML elements in the order of the recorded XML (those both have).
            let recordedOrder = try Wire.xml(try RecordedFile.bytes("bibsys-example/userrequests.xml")).paths
                .filter { $0.hasPrefix("user_requests/user_request/") }.map { String($0.dropFirst("user_requests/user_request/".count)) }
            let xml = try Wire.xml(try await client.send(.get, "/almaws/v1/users/\(requester)/requests", key: counter.key).body)
            #expect(xml.root == "user_requests")
            let ourOrder = xml.paths.filter { $0.hasPrefix("user_requests/user_request/") }.map {
                String($0.dropFirst("user_requests/user_request/".count))
            }
            let shared = ourOrder.filter(recordedOrder.contains)
            #expect(shared == recordedOrder.filter(shared.contains))
            #expect(shared.count >= 15, "\(shared)")
            // And no member that neither recording of a whole request has.
            let allowed = try Kinds.union([
                try Self.recorded("bibsys-example/userrequests.json"),
                .object(["user_request": .array([try Self.recorded("slsp-almapiwrapper/request_test1.json")]), "total_record_count": .number(0)]),
            ])
            let mine = try await Self.ours(client, "/almaws/v1/users/\(requester)/requests", key: counter.key)
            #expect(Kinds.extra(in: mine, allowed: allowed) == [])
        }
    }

    /// The fee almapiwrapper's tests create (`slsp-almapiwrapper/fee_test1.json`), posted as that
    /// client posts it, with the recording's owner library (`A100`) replaced by a demo library.
    @Test func theFeeAClientLibraryPostsIsCharged() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            let user = try await counter.borrower()
            let body = String(decoding: try RecordedFile.bytes("slsp-almapiwrapper/fee_test1.json"), as: UTF8.self)
                .replacingOccurrences(of: "\"A100\"", with: "\"MAIN\"")
            let answer = try await client.send(
                .post,
                "/almaws/v1/users/\(user)/fees?format=json",
                key: counter.key,
                headers: Catalog.jsonBody,
                body: body
            )
            #expect(answer.status == 200, "\(answer.text)")
            let fee = try CanonicalJSON(json: answer.body)
            #expect(Kinds.missing(from: fee, recorded: try Self.recorded("slsp-almapiwrapper/fee_test1.json")) == [])
            #expect(fee["balance"] == .number(20))
            #expect(fee["transaction"] == .array([]))
        }
    }

    /// `alma_rb/fines.json` writes times as epoch milliseconds where every other recording
    /// (`php-alma-client/fee_response.json`) has ISO strings: its `creation_time` and
    /// `transaction_time` are left out.
    @Test func feesHaveTheRecordedMembers() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            let user = try await counter.borrower()
            let feeID = try await FeesTests.charge(counter, user, amount: "750")
            let fee = try await Self.ours(client, "/almaws/v1/users/\(user)/fees/\(feeID)", key: counter.key)
            #expect(Kinds.missing(from: fee, recorded: try Self.recorded("php-alma-client/fee_response.json")) == [])
            let list = try await Self.ours(client, "/almaws/v1/users/\(user)/fees", key: counter.key)
            #expect(Kinds.missing(from: list, recorded: try Self.recorded("php-alma-client/fees_response.json")) == [])
            _ = try await counter.json(.post, "/almaws/v1/users/\(user)/fees/\(feeID)?op=pay&amount=22&method=CASH")
            let paid = try await Self.ours(client, "/almaws/v1/users/\(user)/fees", key: counter.key)
            let epochTimes: Set<String> = ["$.fee[0].creation_time", "$.fee[0].transaction[0].transaction_time"]
            #expect(Kinds.missing(from: paid, recorded: try Self.recorded("alma_rb/fines.json"), excluding: epochTimes) == [])
            let empty = try await Self.ours(client, "/almaws/v1/users/\(try await counter.borrower())/fees", key: counter.key)
            #expect(Kinds.missing(from: empty, recorded: try Self.recorded("php-alma-client/zero_fees_response.json")) == [])
        }
    }

    @Test func requestOptionsHaveTheRecordedMembers() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            let shelf = try await counter.shelf(items: 1)
            let options = try await Self.ours(client, "/almaws/v1/bibs/\(shelf.mmsID)/request-options?user_id=x", key: counter.key)
            #expect(Kinds.missing(from: options, recorded: try Self.recorded("alma_rb/request_options.json")) == [])
            let bare = try await Catalog(client: client, key: counter.key).createBib(Samples.bib(systemNumber: "(CIRC)\(UUID().uuidString)"))
            let none = try await Self.ours(client, "/almaws/v1/bibs/\(bare)/request-options", key: counter.key)
            #expect(Kinds.missing(from: none, recorded: try Self.recorded("alma_rb/request_options_no_hold.json")) == [])
        }
    }
}
