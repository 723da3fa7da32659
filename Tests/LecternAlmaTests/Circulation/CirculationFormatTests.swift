import Foundation
import HTTPTypes
import LecternAlma
import LecternTesting
import Testing

/// Every circulation read in both formats: XML with the object's root element, JSON with the
/// same members (read with `XMLParser` and `JSONSerialization`, never Lectern's codecs).
struct CirculationFormatTests {
    @Test func everyReadAnswersXMLAndJSONAlike() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let counter = Counter(lectern: lectern, client: client)
            let shelf = try await counter.shelf(items: 2)
            let (borrower, requester) = (try await counter.borrower(), try await counter.borrower())
            let loanID = try await counter.borrow(shelf.items[0], by: borrower)
            _ = try await counter.borrow(shelf.items[1], by: borrower)
            let requestID = try #require(try Wire.json(try await counter.hold(shelf, by: requester).body)["request_id"] as? String)
            let feeID = try await FeesTests.charge(counter, borrower, amount: "2.5")
            let reads: [(String, String, String)] = [
                ("/almaws/v1/users/\(borrower)/loans", "item_loans", "loan_id"),
                ("/almaws/v1/users/\(borrower)/loans/\(loanID)", "item_loan", "loan_id"),
                ("/almaws/v1/bibs/\(shelf.mmsID)/loans", "item_loans", "loan_id"),
                ("/almaws/v1/bibs/\(shelf.mmsID)/loans/\(loanID)", "item_loan", "loan_id"),
                ("\(shelf.itemPath(0))/loans", "item_loans", "loan_id"),
                ("\(shelf.itemPath(0))/loans/\(loanID)", "item_loan", "loan_id"),
                ("/almaws/v1/users/\(requester)/requests", "user_requests", "request_id"),
                ("/almaws/v1/users/\(requester)/requests/\(requestID)", "user_request", "request_id"),
                ("/almaws/v1/bibs/\(shelf.mmsID)/requests", "user_requests", "request_id"),
                ("/almaws/v1/bibs/\(shelf.mmsID)/requests/\(requestID)", "user_request", "request_id"),
                ("/almaws/v1/bibs/\(shelf.mmsID)/request-options", "request_options", "request_option"),
                ("\(shelf.itemPath(0))/request-options", "request_options", "request_option"),
                ("/almaws/v1/users/\(borrower)/fees", "fees", "id"),
                ("/almaws/v1/users/\(borrower)/fees/\(feeID)", "fee", "id"),
            ]
            for (path, root, member) in reads {
                let xmlAnswer = try await client.send(.get, path, key: counter.key)
                #expect(xmlAnswer.status == 200, "\(path): \(xmlAnswer.text)")
                #expect(xmlAnswer.headers[.contentType]?.hasPrefix("application/xml") == true, "\(path)")
                let xml = try Wire.xml(xmlAnswer.body)
                #expect(xml.root == root, "\(path)")
                let json = try await counter.json(.get, path)
                // A list's JSON drops the wrapper: its first item is under the item's name.
                let item = ["item_loans": "item_loan", "user_requests": "user_request", "fees": "fee"][root]
                let first = item.flatMap { (json[$0] as? [[String: Any]])?.first } ?? json
                if member == "request_option" {
                    #expect(xml.paths.contains("request_options/request_option/type"), "\(path)")
                    #expect((json["request_option"] as? [[String: Any]])?.isEmpty == false, "\(path)")
                } else {
                    #expect(xml.text(member) != nil && xml.text(member) == first[member] as? String, "\(path)")
                }
            }
        }
    }
}
