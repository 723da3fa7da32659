import Foundation
import HTTPTypes
import LecternAlma
import LecternCore
import LecternTesting
import Testing

/// Loans over HTTP: lending by pid and barcode, the due date from the terms of use, renewals,
/// due date changes, returns by scan, and every list a loan shows in.
struct LoansTests {
    @Test func lendingChangesTheItemTheUserAndTheTitlesAvailability() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            try await counter.setPolicy(Counter.policy(loanDays: 21))
            let shelf = try await counter.shelf(items: 1)
            let user = try await counter.borrower()
            #expect(try await counter.availability(shelf) == "available")

            let lent = try await counter.lend(shelf.items[0], to: user)
            #expect(lent.status == 200, "\(lent.text)")
            let loan = try Wire.json(lent.body)
            let loanID = try #require(loan["loan_id"] as? String)
            #expect(Catalog.isCatalogID(loanID, prefix: "73"))
            #expect(loan["loan_status"] as? String == "ACTIVE")
            #expect(loan["user_id"] as? String == user)
            #expect(loan["item_id"] as? String == shelf.items[0])
            #expect(loan["item_barcode"] as? String == shelf.barcodes[0])
            #expect(loan["mms_id"] as? String == shelf.mmsID)
            #expect(loan["title"] as? String == "Introduction to algorithms /")
            #expect(loan["circ_desk"] as? [String: String] == ["value": "DEFAULT_CIRC_DESK", "desc": "Main Circulation Desk"])
            #expect(loan["library"] as? [String: String] == ["value": "MAIN", "desc": "Main Library"])
            #expect(loan["item_policy"] as? [String: String] == ["value": "01", "description": ""])
            #expect(loan["renewable"] as? Bool == true)
            #expect((loan["link"] as? String)?.hasSuffix("/almaws/v1/users/\(user)/loans/\(loanID)") == true)
            // 21 days from today, at the end of the day.
            let due = try #require(loan["due_date"] as? String)
            let expected = Calendar(identifier: .gregorian).date(byAdding: .day, value: 21, to: Date())!
            #expect(due == String(ISO8601DateFormatter().string(from: expected).prefix(10)) + "T23:59:00Z")

            #expect(try await counter.state(shelf) == ("0", "LOAN"))
            #expect(try await counter.availability(shelf) == "unavailable")
            #expect(try await counter.primoAvailability(shelf) == "unavailable")
            let person = try await counter.json(.get, "/almaws/v1/users/\(user)?expand=loans,requests,fees")
            #expect((person["loans"] as? [String: Any])?["value"] as? String == "1")
            #expect((person["requests"] as? [String: Any])?["value"] as? String == "0")

            for path in [
                "/almaws/v1/users/\(user)/loans", "/almaws/v1/bibs/\(shelf.mmsID)/loans", "\(shelf.itemPath(0))/loans",
            ] {
                let list = try await counter.json(.get, path)
                #expect(list["total_record_count"] as? Int == 1, "\(path)")
                #expect((list["item_loan"] as? [[String: Any]])?.first?["loan_id"] as? String == loanID, "\(path)")
            }
            for path in [
                "/almaws/v1/users/\(user)/loans/\(loanID)", "/almaws/v1/bibs/\(shelf.mmsID)/loans/\(loanID)", "\(shelf.itemPath(0))/loans/\(loanID)",
            ] {
                #expect(try await counter.json(.get, path)["loan_id"] as? String == loanID, "\(path)")
            }
            // XML: the loans list as Alma writes it.
            let xml = try Wire.xml(try await client.send(.get, "/almaws/v1/users/\(user)/loans", key: counter.key).body)
            #expect(xml.root == "item_loans")
            #expect(xml.rootAttributes["total_record_count"] == "1")
            #expect(xml.text("loan_id") == loanID)
            #expect(xml.attributes["location_code"]?.first?["name"] == "Main Stacks")
        }
    }

    @Test func lendingByBarcodeAndThroughTheItemsPath() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            let shelf = try await counter.shelf(items: 2)
            let user = try await counter.borrower()
            let byBarcode = try await client.send(
                .post,
                "/almaws/v1/users/\(user)/loans?item_barcode=\(shelf.barcodes[0])",
                key: counter.key,
                headers: Catalog.xmlBody,
                body: "<item_loan><circ_desk>DEFAULT_CIRC_DESK</circ_desk><library>MAIN</library></item_loan>"
            )
            #expect(byBarcode.status == 200, "\(byBarcode.text)")
            let xml = try Wire.xml(byBarcode.body)
            #expect(xml.root == "item_loan")
            #expect(xml.text("item_id") == shelf.items[0])
            let byItem = try await client.send(
                .post,
                "\(shelf.itemPath(1))/loans?user_id=\(user)&format=json",
                key: counter.key,
                headers: Catalog.jsonBody,
                body: Counter.deskJSON
            )
            #expect(byItem.status == 200, "\(byItem.text)")
            #expect(try Wire.json(byItem.body)["item_id"] as? String == shelf.items[1])
            let list = try await counter.json(.get, "/almaws/v1/users/\(user)/loans?order_by=barcode&direction=DESC&limit=1")
            #expect(list["total_record_count"] as? Int == 2)
            #expect((list["item_loan"] as? [[String: Any]])?.count == 1)
            #expect((list["item_loan"] as? [[String: Any]])?.first?["item_barcode"] as? String == shelf.barcodes.max())
        }
    }

    @Test func lendingRefusalsHaveTheDocumentedCodesAndWriteNothing() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            try await counter.setPolicy(Counter.policy())
            let shelf = try await counter.shelf(items: 1)
            let user = try await counter.borrower()
            let guest = try await counter.borrower(group: "GUEST")
            func code(_ answer: Answer) -> String? { Counter.errorCode(answer) }

            #expect(code(try await counter.lend(shelf.items[0], to: guest)) == "401651")  // terms: not loanable
            #expect(
                code(try await counter.lend(shelf.items[0], to: user, body: #"{"circ_desk":{"value":"NOPE"},"library":{"value":"MAIN"}}"#))
                    == "401153"
            )
            #expect(code(try await counter.lend(shelf.items[0], to: "nobody-at-all")) == "401861")
            #expect(code(try await counter.lend("23999999999999", to: user)) == "401651")
            let noItem = try await client.send(
                .post,
                "/almaws/v1/users/\(user)/loans?format=json",
                key: counter.key,
                headers: Catalog.jsonBody,
                body: Counter.deskJSON
            )
            #expect(code(noItem) == "401672")
            #expect(code(try await counter.lend(shelf.items[0], to: user, body: #"{"library":{"value":"MAIN"}}"#)) == "401664")
            let garbage = try await counter.lend(shelf.items[0], to: user, body: #"{"circ_desk":["#)
            #expect(garbage.status == 400)
            // The read-only key may not lend: the gateway refuses, nothing changes.
            let readOnly = try await counter.lend(shelf.items[0], to: user, key: lectern.readOnlyKey)
            #expect(readOnly.status == 401 || readOnly.status == 403, "\(readOnly.text)")
            #expect(try await counter.state(shelf) == ("1", ""))
            #expect(try await counter.json(.get, "/almaws/v1/users/\(user)/loans")["total_record_count"] as? Int == 0)

            _ = try await counter.borrow(shelf.items[0], by: user)
            let other = try await counter.borrower()
            #expect(code(try await counter.lend(shelf.items[0], to: other)) == "401651")
        }
    }

    @Test func renewalsFollowTheTermsAndRefuseAtTheLimit() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            try await counter.setPolicy(Counter.policy(loanDays: 7, renewals: 1))
            let shelf = try await counter.shelf(items: 1)
            let user = try await counter.borrower()
            let loanID = try await counter.borrow(shelf.items[0], by: user)
            let before = try await counter.json(.get, "/almaws/v1/users/\(user)/loans/\(loanID)")["due_date"] as? String
            try await counter.setClock(days: 5)
            let renewed = try await client.send(.post, "/almaws/v1/users/\(user)/loans/\(loanID)?op=renew&format=json", key: counter.key)
            #expect(renewed.status == 200, "\(renewed.text)")
            let loan = try Wire.json(renewed.body)
            let after = try #require(loan["due_date"] as? String)
            #expect(after > (before ?? ""))
            #expect(loan["process_status"] as? String == "RENEW")
            #expect(loan["last_renew_status"] as? [String: String] == ["value": "RENEWED", "desc": "Renewed Successfully"])
            #expect(loan["renewable"] as? Bool == false)
            let again = try await client.send(.post, "/almaws/v1/users/\(user)/loans/\(loanID)?op=renew&format=json", key: counter.key)
            #expect(Counter.errorCode(again) == "401822")
            #expect(try await counter.json(.get, "/almaws/v1/users/\(user)/loans/\(loanID)")["due_date"] as? String == after)
            let badOp = try await client.send(.post, "/almaws/v1/users/\(user)/loans/\(loanID)?op=lose&format=json", key: counter.key)
            #expect(Counter.errorCode(badOp) == "60211")
            let missing = try await client.send(.post, "/almaws/v1/users/\(user)/loans/73000000000000?op=renew&format=json", key: counter.key)
            #expect(Counter.errorCode(missing) == "401823")
            let list = try await counter.json(.get, "/almaws/v1/users/\(user)/loans?expand=renewable")
            #expect((list["item_loan"] as? [[String: Any]])?.first?["renewable"] as? Bool == false)
        }
    }

    @Test func theDueDateChangesOnlyToTheFuture() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            let shelf = try await counter.shelf(items: 1)
            let user = try await counter.borrower()
            let loanID = try await counter.borrow(shelf.items[0], by: user)
            let path = "/almaws/v1/users/\(user)/loans/\(loanID)?format=json"
            let changed = try await client.send(
                .put,
                path,
                key: counter.key,
                headers: Catalog.jsonBody,
                body: #"{"due_date":"2099-05-01T12:00:00Z"}"#
            )
            #expect(changed.status == 200, "\(changed.text)")
            #expect(try Wire.json(changed.body)["due_date"] as? String == "2099-05-01T12:00:00Z")
            let past = try await client.send(.put, path, key: counter.key, headers: Catalog.jsonBody, body: #"{"due_date":"2001-05-01T12:00:00Z"}"#)
            #expect(Counter.errorCode(past) == "401681")
            let none = try await client.send(.put, path, key: counter.key, headers: Catalog.jsonBody, body: #"{"loan_status":"ACTIVE"}"#)
            #expect(Counter.errorCode(none) == "401824")
            let xml = try await client.send(
                .put,
                "/almaws/v1/users/\(user)/loans/\(loanID)",
                key: counter.key,
                headers: Catalog.xmlBody,
                body: "<item_loan><due_date>2098-01-31Z</due_date></item_loan>"
            )
            #expect(xml.status == 200, "\(xml.text)")
            #expect(try Wire.xml(xml.body).text("due_date") == "2098-01-31T23:59:00Z")
        }
    }

    @Test func aReturnAtTheHomeDeskCompletesTheLoanAndShelvesTheItem() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            let shelf = try await counter.shelf(items: 1)
            let user = try await counter.borrower()
            let loanID = try await counter.borrow(shelf.items[0], by: user)
            let scanned = try await counter.scan(shelf)
            #expect(scanned.status == 200, "\(scanned.text)")
            #expect((try Wire.json(scanned.body)["additional_info"] as? String)?.contains("Reshelve") == true)
            #expect(try await counter.state(shelf) == ("1", ""))
            #expect(try await counter.availability(shelf) == "available")
            #expect(try await counter.primoAvailability(shelf) == "available_in_library")
            #expect(try await counter.json(.get, "/almaws/v1/users/\(user)/loans")["total_record_count"] as? Int == 0)
            let history = try await counter.json(.get, "/almaws/v1/users/\(user)/loans?loan_status=Complete")
            let loan = try #require((history["item_loan"] as? [[String: Any]])?.first)
            #expect(loan["loan_id"] as? String == loanID)
            #expect(loan["loan_status"] as? String == "COMPLETE")
            #expect(loan["return_date"] is String)
            #expect(loan["return_circ_desk"] as? [String: String] == ["value": "DEFAULT_CIRC_DESK", "desc": "Main Circulation Desk"])
            // The item may go out again.
            _ = try await counter.borrow(shelf.items[0], by: try await counter.borrower())
        }
    }
}
