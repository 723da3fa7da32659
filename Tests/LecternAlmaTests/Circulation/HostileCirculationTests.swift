import Foundation
import HTTPTypes
import LecternAlma
import LecternCore
import LecternTesting
import Testing

/// Garbage at every circulation input: each is refused with a documented code (a path or query
/// value over the router's length limits with 401666 before any handler runs), nothing is
/// written, and the server answers the next call.
struct HostileCirculationTests {
    static let longText = String(repeating: "9", count: 20_000)

    @Test func garbageParametersAndBodiesAreRefusedAndWriteNothing() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            let shelf = try await counter.shelf(items: 1)
            let user = try await counter.borrower()
            let loanID = try await counter.borrow(shelf.items[0], by: user)
            let feeID = try await FeesTests.charge(counter, user, amount: "5")
            let loans = "/almaws/v1/users/\(user)/loans"
            let cases: [(HTTPRequest.Method, String, String?, Set<String>)] = [
                (.post, "\(loans)?item_pid=\(Self.longText)", Counter.deskJSON, ["401666"]),
                (.post, "\(loans)?item_barcode=%27%20OR%201%3D1--", Counter.deskJSON, ["401651"]),
                (
                    .post, "\(loans)?item_pid=\(shelf.items[0])", #"{"circ_desk":{"value":"\#(Self.longText)"},"library":{"value":"MAIN"}}"#,
                    ["401153"]
                ),
                (.post, "\(loans)?item_pid=\(shelf.items[0])", String(repeating: "[", count: 5_000), ["401676"]),
                (
                    .post, "\(loans)?item_pid=\(shelf.items[0])", #"{"circ_desk":{"value":"DEFAULT_CIRC_DESK"},"library":{"value":"MAIN\u0000"}}"#,
                    ["401153", "401676"]
                ),
                (.post, "\(loans)?item_pid=\(shelf.items[0])", #"{"circ_desk":{"value":"DEF"#, ["401676"]),
                (.post, "\(loans)?item_pid=\(shelf.items[0])", #"{"circ_desk":42,"library":true}"#, ["401153"]),
                (.post, "\(loans)?item_pid=\(shelf.items[0])%00", Counter.deskJSON, ["401666"]),
                (.post, "/almaws/v1/users/\(user)/requests?mms_id=\(shelf.mmsID)", #"{"request_type":["HOLD"]}"#, ["401676"]),
                (.post, "/almaws/v1/users/\(user)/fees/\(feeID)?op=pay&method=CASH&amount=1%00", nil, ["401666"]),
                (.get, "\(loans)?limit=101", nil, ["401652"]),
                (.get, "\(loans)?offset=-1", nil, ["401652"]),
                (.get, "\(loans)?order_by=1;DROP", nil, ["401652"]),
                (.get, "\(loans)?loan_status=Sometimes", nil, ["401652"]),
                (.get, "\(loans)/\(Self.longText)", nil, ["401666"]),
                (.put, "\(loans)/\(loanID)", #"{"due_date":"2099-99-99"}"#, ["401676"]),
                (.put, "\(loans)/\(loanID)", #"{"due_date":"\#(Self.longText)"}"#, ["401676"]),
                (.put, "\(loans)/\(loanID)", #"{"due_date":"tomorrow"}"#, ["401676"]),
                (.put, "\(loans)/\(loanID)", #"{"due_date":["2099-01-01"]}"#, ["401676"]),
                (.post, "/almaws/v1/users/\(user)/fees/\(feeID)?op=pay&method=CASH&amount=NaN", nil, ["401666"]),
                (.post, "/almaws/v1/users/\(user)/fees/\(feeID)?op=pay&method=CASH&amount=Infinity", nil, ["401666"]),
                (.post, "/almaws/v1/users/\(user)/fees/\(feeID)?op=pay&method=CASH&amount=1e400", nil, ["401666"]),
                (.post, "/almaws/v1/users/\(user)/fees/\(feeID)?op=pay&method=CASH&amount=\(Self.longText)", nil, ["401666"]),
                (.post, "/almaws/v1/users/\(user)/fees/\(feeID)?op=pay&method=\(Self.longText)&amount=1", nil, ["401666"]),
                (
                    .post, "/almaws/v1/users/\(user)/fees", #"{"type":{"value":"OTHER"},"original_amount":1e308,"owner":{"value":"MAIN"}}"#,
                    ["4019994"]
                ),
                (
                    .post, "/almaws/v1/users/\(user)/fees", #"{"type":{"value":"OTHER"},"original_amount":-0.0001,"owner":{"value":"MAIN"}}"#,
                    ["4019994"]
                ),
                (
                    .post, "/almaws/v1/users/\(user)/requests?mms_id=\(Self.longText)", #"{"request_type":"HOLD","pickup_location_library":"MAIN"}"#,
                    ["401666"]
                ),
                (
                    .post, "/almaws/v1/users/\(user)/requests?mms_id=99999999999999", #"{"request_type":"HOLD","pickup_location_library":"MAIN"}"#,
                    ["401129"]
                ),
                (.post, "/almaws/v1/users/\(user)/requests?mms_id=\(shelf.mmsID)", #"{"request_type":"\#(Self.longText)"}"#, ["60331"]),
                (
                    .post, "/almaws/v1/users/\(user)/requests?mms_id=\(shelf.mmsID)",
                    #"{"request_type":"BOOKING","pickup_location_library":"MAIN","booking_start_date":"2030-01-05Z","booking_end_date":"2030-01-01Z"}"#,
                    ["60331"]
                ),
                (.delete, "/almaws/v1/users/\(user)/requests/\(Self.longText)?reason=X", nil, ["401666"]),
                (.delete, "/almaws/v1/users/\(user)/requests/14999999999999?reason=X", nil, ["401694"]),
                (.get, "/almaws/v1/bibs/\(Self.longText)/loans", nil, ["401666"]),
                (.get, "/almaws/v1/bibs/99x/loans", nil, ["402204"]),
                (.get, "/almaws/v1/bibs/\(shelf.mmsID)/requests?status=sideways", nil, ["401652"]),
            ]
            for (method, path, body, codes) in cases {
                let answer = try await client.send(
                    method,
                    path + (path.contains("?") ? "&" : "?") + "format=json",
                    key: counter.key,
                    headers: Catalog.jsonBody,
                    body: body
                )
                #expect(answer.status == 400, "\(method) \(path.prefix(120)): \(answer.status) \(answer.text.prefix(300))")
                #expect(codes.contains(Counter.errorCode(answer) ?? ""), "\(method) \(path.prefix(120)): \(answer.text.prefix(300))")
            }
            // Nothing changed.
            let loan = try await counter.json(.get, "\(loans)/\(loanID)")
            #expect(loan["loan_status"] as? String == "ACTIVE")
            #expect(try await counter.json(.get, loans)["total_record_count"] as? Int == 1)
            #expect(try await counter.json(.get, "/almaws/v1/users/\(user)/fees")["total_sum"] as? Double == 5)
            #expect(try await counter.json(.get, "/almaws/v1/users/\(user)/requests")["total_record_count"] as? Int == 0)
        }
    }
}
