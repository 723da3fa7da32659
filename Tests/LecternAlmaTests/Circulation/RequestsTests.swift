import Foundation
import HTTPTypes
import LecternAlma
import LecternCore
import LecternTesting
import Testing

/// Requests over HTTP: holds in a queue per title, returns that fill them, the hold shelf and
/// its expiry, cancelling, bookings and digitization, request options.
struct RequestsTests {
    static func requests(_ list: [String: Any]) -> [[String: Any]] {
        list["user_request"] as? [[String: Any]] ?? []
    }

    @Test func holdsQueueAndAReturnFillsTheFirstOnTheHoldShelf() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            try await counter.setPolicy(Counter.policy())
            let shelf = try await counter.shelf(items: 1)
            let (borrower, first, second) = (try await counter.borrower(), try await counter.borrower(), try await counter.borrower())
            let loanID = try await counter.borrow(shelf.items[0], by: borrower)

            let placed = try await counter.hold(shelf, by: first)
            #expect(placed.status == 200, "\(placed.text)")
            let request = try Wire.json(placed.body)
            let requestID = try #require(request["request_id"] as? String)
            #expect(Catalog.isCatalogID(requestID, prefix: "14"))
            #expect(request["request_status"] as? String == "NOT_STARTED")
            #expect(request["place_in_queue"] as? Int == 1)
            #expect(request["request_sub_type"] as? [String: String] == ["value": "PATRON_PHYSICAL", "desc": "Patron physical item request"])
            #expect(request["pickup_location"] as? String == "Main Library")
            #expect(try Wire.json(try await counter.hold(shelf, by: second).body)["place_in_queue"] as? Int == 2)
            #expect(Counter.errorCode(try await counter.hold(shelf, by: first)) == "401136")

            let renew = try await client.send(.post, "/almaws/v1/users/\(borrower)/loans/\(loanID)?op=renew&format=json", key: counter.key)
            #expect(Counter.errorCode(renew) == "401822")
            let titleQueue = try await counter.json(.get, "/almaws/v1/bibs/\(shelf.mmsID)/requests")
            #expect(Self.requests(titleQueue).map { $0["user_primary_id"] as? String } == [first, second])
            #expect(Self.requests(titleQueue).map { $0["place_in_queue"] as? Int } == [1, 2])

            let scanned = try Wire.json(try await counter.scan(shelf).body)
            #expect((scanned["additional_info"] as? String)?.contains("Hold Shelf") == true)
            #expect(try await counter.state(shelf) == ("1", "HOLDSHELF"))
            #expect(try await counter.availability(shelf) == "unavailable")
            let waiting = try await counter.json(.get, "/almaws/v1/users/\(first)/requests/\(requestID)")
            #expect(waiting["request_status"] as? String == "ON_HOLD_SHELF")
            #expect(waiting["item_id"] as? String == shelf.items[0])
            #expect((waiting["expiry_date"] as? String)?.hasSuffix("Z") == true)
            #expect(try await counter.json(.get, "\(shelf.itemPath(0))/requests")["total_record_count"] as? Int == 1)

            #expect(Counter.errorCode(try await counter.lend(shelf.items[0], to: second)) == "401651")
            _ = try await counter.borrow(shelf.items[0], by: first)
            let done = try await counter.json(.get, "/almaws/v1/users/\(first)/requests?status=history")
            #expect(Self.requests(done).first?["request_status"] as? String == "HISTORY")
            let now = try await counter.json(.get, "/almaws/v1/bibs/\(shelf.mmsID)/requests")
            #expect(Self.requests(now).map { $0["user_primary_id"] as? String } == [second])
            #expect(Self.requests(now).first?["place_in_queue"] as? Int == 1)
        }
    }

    @Test func aReturnElsewhereSendsTheItemInTransitToThePickupLibrary() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            let shelf = try await counter.shelf(items: 1)
            let (borrower, requester) = (try await counter.borrower(), try await counter.borrower())
            _ = try await counter.borrow(shelf.items[0], by: borrower)
            let requestID = try #require(try Wire.json(try await counter.hold(shelf, by: requester).body)["request_id"] as? String)
            let scanned = try Wire.json(try await counter.scan(shelf, library: "SCI").body)
            #expect((scanned["additional_info"] as? String)?.contains("Transit") == true)
            #expect(try await counter.state(shelf) == ("0", "TRANSIT"))
            let moving = try await counter.json(.get, "/almaws/v1/users/\(requester)/requests/\(requestID)")
            #expect(moving["request_status"] as? String == "IN_PROCESS")
            #expect(moving["task_name"] as? String == "Transit Item")
            _ = try await counter.scan(shelf, library: "MAIN")
            #expect(
                try await counter.json(.get, "/almaws/v1/users/\(requester)/requests/\(requestID)")["request_status"] as? String == "ON_HOLD_SHELF"
            )
        }
    }

    @Test func anItemOnTheShelfIsPickedAndNextStepPutsItOnTheHoldShelf() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            let shelf = try await counter.shelf(items: 1)
            let requester = try await counter.borrower()
            let request = try Wire.json(try await counter.hold(shelf, by: requester).body)
            let requestID = try #require(request["request_id"] as? String)
            #expect(request["request_status"] as? String == "IN_PROCESS")
            #expect(request["task_name"] as? String == "Pickup From Shelf")
            #expect(request["item_id"] as? String == shelf.items[0])
            #expect(try await counter.item(shelf)["requested"] as? Bool == true)
            let moved = try await client.send(.post, "/almaws/v1/users/\(requester)/requests/\(requestID)?op=next_step&format=json", key: counter.key)
            #expect(moved.status == 200, "\(moved.text)")
            #expect(try Wire.json(moved.body)["request_status"] as? String == "ON_HOLD_SHELF")
            #expect(try await counter.state(shelf) == ("1", "HOLDSHELF"))
            let again = try await client.send(.post, "/almaws/v1/users/\(requester)/requests/\(requestID)?op=next_step&format=json", key: counter.key)
            #expect(Counter.errorCode(again) == "401933")
            let unknown = try await client.send(.post, "/almaws/v1/users/\(requester)/requests/\(requestID)?op=jump&format=json", key: counter.key)
            #expect(Counter.errorCode(unknown) == "401666")
        }
    }

    @Test func holdShelfTimeRunsOutByTheSandboxClock() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            try await counter.setPolicy(Counter.policy())  // three days on the hold shelf
            let shelf = try await counter.shelf(items: 1)
            let (borrower, first, second) = (try await counter.borrower(), try await counter.borrower(), try await counter.borrower())
            _ = try await counter.borrow(shelf.items[0], by: borrower)
            _ = try await counter.hold(shelf, by: first)
            _ = try await counter.hold(shelf, by: second)
            _ = try await counter.scan(shelf)
            try await counter.setClock(days: 2)
            #expect(
                Self.requests(try await counter.json(.get, "/almaws/v1/bibs/\(shelf.mmsID)/requests")).first?["request_status"] as? String
                    == "ON_HOLD_SHELF"
            )
            try await counter.setClock(days: 5)
            let queue = Self.requests(try await counter.json(.get, "/almaws/v1/bibs/\(shelf.mmsID)/requests"))
            #expect(queue.map { $0["user_primary_id"] as? String } == [second])
            #expect(queue.first?["request_status"] as? String == "ON_HOLD_SHELF")
            let expired = Self.requests(try await counter.json(.get, "/almaws/v1/users/\(first)/requests?status=history"))
            #expect(expired.first?["request_status"] as? String == "HISTORY")
            #expect((expired.first?["comment"] as? String)?.hasPrefix("Expired on the hold shelf") == true)
            try await counter.setClock(days: 10)
            #expect(try await counter.json(.get, "/almaws/v1/bibs/\(shelf.mmsID)/requests")["total_record_count"] as? Int == 0)
            #expect(try await counter.state(shelf) == ("1", ""))
            #expect(try await counter.availability(shelf) == "available")
        }
    }

    @Test func cancellingAHoldOnTheShelfPassesTheItemOn() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            let shelf = try await counter.shelf(items: 1)
            let (borrower, first, second) = (try await counter.borrower(), try await counter.borrower(), try await counter.borrower())
            _ = try await counter.borrow(shelf.items[0], by: borrower)
            let firstID = try #require(try Wire.json(try await counter.hold(shelf, by: first).body)["request_id"] as? String)
            let secondID = try #require(try Wire.json(try await counter.hold(shelf, by: second).body)["request_id"] as? String)
            _ = try await counter.scan(shelf)
            let noReason = try await client.send(.delete, "/almaws/v1/users/\(first)/requests/\(firstID)?format=json", key: counter.key)
            #expect(noReason.status == 400)
            let cancelled = try await client.send(
                .delete,
                "/almaws/v1/users/\(first)/requests/\(firstID)?reason=CancelledAtPatronRequest&note=moved%20away",
                key: counter.key
            )
            #expect(cancelled.status == 204, "\(cancelled.text)")
            #expect(try await counter.json(.get, "/almaws/v1/users/\(second)/requests/\(secondID)")["request_status"] as? String == "ON_HOLD_SHELF")
            let again = try await client.send(.delete, "/almaws/v1/users/\(first)/requests/\(firstID)?reason=X&format=json", key: counter.key)
            #expect(Counter.errorCode(again) == "401694")
            let history = Self.requests(try await counter.json(.get, "/almaws/v1/users/\(first)/requests?status=history"))
            #expect(history.first?["request_status"] as? String == "CANCELLED")
            // Through the title's path.
            let bibCancel = try await client.send(
                .delete,
                "/almaws/v1/bibs/\(shelf.mmsID)/requests/\(secondID)?reason=LibraryCancelled",
                key: counter.key
            )
            #expect(bibCancel.status == 204)
            #expect(try await counter.state(shelf) == ("1", ""))
        }
    }

    @Test func bookingsDigitizationAndBadRequests() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            let shelf = try await counter.shelf(items: 1)
            let user = try await counter.borrower()
            func post(_ body: String, query: String = "") async throws -> Answer {
                try await client.send(
                    .post,
                    "/almaws/v1/users/\(user)/requests?mms_id=\(shelf.mmsID)&format=json\(query)",
                    key: counter.key,
                    headers: Catalog.jsonBody,
                    body: body
                )
            }
            let booking = try await post(
                #"{"request_type":"BOOKING","pickup_location_library":"MAIN","booking_start_date":"2030-01-02T10:00:00Z","booking_end_date":"2030-01-05T10:00:00Z"}"#
            )
            #expect(booking.status == 200, "\(booking.text)")
            #expect(try Wire.json(booking.body)["booking_end_date"] as? String == "2030-01-05T10:00:00Z")
            #expect(Counter.errorCode(try await post(#"{"request_type":"BOOKING","pickup_location_library":"MAIN"}"#)) == "60331")
            let digitization = try Wire.json(
                try await post(#"{"request_type":"DIGITIZATION","partial_digitization":true,"chapter_or_article_title":"Ch. 3"}"#).body
            )
            let digitizationID = try #require(digitization["request_id"] as? String)
            #expect(digitization["request_status"] as? String == "NOT_STARTED")
            for expected in ["IN_PROCESS", "HISTORY"] {
                let moved = try await client.send(
                    .post,
                    "/almaws/v1/users/\(user)/requests/\(digitizationID)?op=next_step&format=json",
                    key: counter.key
                )
                #expect(try Wire.json(moved.body)["request_status"] as? String == expected)
            }
            #expect(Counter.errorCode(try await post(#"{"pickup_location_library":"MAIN"}"#)) == "60331")
            #expect(Counter.errorCode(try await post(#"{"request_type":"HOLD","pickup_location_library":"MOON"}"#)) == "401895")
            let noBib = try await client.send(
                .post,
                "/almaws/v1/users/\(user)/requests?mms_id=99999999999999&format=json",
                key: counter.key,
                headers: Catalog.jsonBody,
                body: #"{"request_type":"HOLD","pickup_location_library":"MAIN"}"#
            )
            #expect(Counter.errorCode(noBib) == "401129")
            let noItem = try await client.send(
                .post,
                "/almaws/v1/users/\(user)/requests?item_pid=23999999999999&format=json",
                key: counter.key,
                headers: Catalog.jsonBody,
                body: #"{"request_type":"HOLD","pickup_location_library":"MAIN"}"#
            )
            #expect(Counter.errorCode(noItem) == "60328")
            // PUT changes the pickup.
            let holdID = try #require(try Wire.json(try await counter.hold(shelf, by: user).body)["request_id"] as? String)
            let moved = try await client.send(
                .put,
                "/almaws/v1/users/\(user)/requests/\(holdID)?format=json",
                key: counter.key,
                headers: Catalog.jsonBody,
                body: #"{"pickup_location_library":"SCI","comment":"Nearer"}"#
            )
            #expect(moved.status == 200, "\(moved.text)")
            #expect(try Wire.json(moved.body)["pickup_location_library"] as? String == "SCI")
            let list = try await counter.json(.get, "/almaws/v1/users/\(user)/requests?request_type=BOOKING")
            #expect(list["total_record_count"] as? Int == 1)
            let badType = try await client.send(.get, "/almaws/v1/users/\(user)/requests?request_type=NONSENSE", key: counter.key)
            #expect(badType.status == 400)
        }
    }

    @Test func requestOptionsOfATitleAndOfATitleWithoutItems() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            let shelf = try await counter.shelf(items: 1)
            let options = try await counter.json(.get, "/almaws/v1/bibs/\(shelf.mmsID)/request-options?user_id=someone")
            let types = (options["request_option"] as? [[String: Any]] ?? []).compactMap { ($0["type"] as? [String: Any])?["value"] as? String }
            #expect(types == ["HOLD", "BOOKING", "DIGITIZATION"])
            #expect(
                ((options["request_option"] as? [[String: Any]])?.first?["request_url"] as? String)?.hasSuffix("/almaws/v1/users/someone/requests/")
                    == true
            )
            let bare = try await Catalog(client: client, key: counter.key).createBib(Samples.bib(systemNumber: "(CIRC)\(UUID().uuidString)"))
            let none = try await counter.json(.get, "/almaws/v1/bibs/\(bare)/request-options")
            #expect(
                (none["request_option"] as? [[String: Any]] ?? []).compactMap { ($0["type"] as? [String: Any])?["value"] as? String } == [
                    "DIGITIZATION"
                ]
            )
            let item = try await counter.json(.get, "\(shelf.itemPath(0))/request-options")
            #expect((item["request_option"] as? [[String: Any]])?.count == 3)
        }
    }
}
