import Foundation
import HTTPTypes
import LecternAlma
import LecternCore
import LecternSQLite
import LecternStore
import LecternTesting
import Testing

/// Circulation over HTTP, the way a library's script drives it: shelves of items, borrowers,
/// loans, returns by scan, requests and fees; and the sandbox clock.
struct Counter {
    let lectern: TestLectern
    let client: LecternClient
    var key: String { lectern.sandboxKey }

    /// A title with items at MAIN/STACKS (policy `01`).
    struct Shelf {
        var mmsID: String
        var holdingID: String
        var items: [String]
        var barcodes: [String]

        func itemPath(_ index: Int) -> String {
            "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)/items/\(items[index])"
        }
    }

    func shelf(items count: Int = 1, library: String = "MAIN") async throws -> Shelf {
        let catalog = Catalog(client: client, key: key)
        let mmsID = try await catalog.createBib(Samples.bib(systemNumber: "(CIRC)\(UUID().uuidString)"))
        let holdingID = try await catalog.createHolding(mmsID, library: library, location: "STACKS")
        var shelf = Shelf(mmsID: mmsID, holdingID: holdingID, items: [], barcodes: [])
        for _ in 0..<count {
            let barcode = "C-\(UUID().uuidString.prefix(13))"
            shelf.items.append(try await catalog.createItem(mmsID, holdingID, barcode: barcode))
            shelf.barcodes.append(barcode)
        }
        return shelf
    }

    /// Creates a borrower of `group` with a unique primary id, and answers it.
    func borrower(group: String = "UNDERGRAD", prefix: String = "patron") async throws -> String {
        let id = "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
        let body = """
            {"primary_id":"\(id)","first_name":"Pat","last_name":"Ron \(id)","user_group":{"value":"\(group)"},\
            "contact_info":{"email":[{"email_address":"\(id)@demo.edu","preferred":true,"email_type":[{"value":"work"}]}]}}
            """
        let created = try await client.send(.post, "/almaws/v1/users", key: key, headers: Catalog.jsonBody, body: body)
        try #require(created.status == 200, "\(created.text)")
        return id
    }

    static let deskJSON = #"{"circ_desk":{"value":"DEFAULT_CIRC_DESK"},"library":{"value":"MAIN"}}"#

    func lend(_ pid: String, to user: String, key: String? = nil, body: String = deskJSON) async throws -> Answer {
        try await client.send(
            .post,
            "/almaws/v1/users/\(user)/loans?item_pid=\(pid)&format=json",
            key: key ?? self.key,
            headers: Catalog.jsonBody,
            body: body
        )
    }

    /// Lends and answers the loan id.
    func borrow(_ pid: String, by user: String) async throws -> String {
        let answer = try await lend(pid, to: user)
        try #require(answer.status == 200, "\(answer.text)")
        return try #require(try Wire.json(answer.body)["loan_id"] as? String)
    }

    /// Scans the item in at the desk of `library`, and answers the item.
    func scan(_ shelf: Shelf, _ index: Int = 0, library: String = "MAIN", key: String? = nil) async throws -> Answer {
        let desk = "DEFAULT_CIRC_DESK"
        return try await client.send(
            .post,
            "\(shelf.itemPath(index))?op=scan&library=\(library)&circ_desk=\(desk)&format=json",
            key: key ?? self.key
        )
    }

    func hold(_ shelf: Shelf, by user: String, pickup: String = "MAIN") async throws -> Answer {
        try await client.send(
            .post,
            "/almaws/v1/users/\(user)/requests?mms_id=\(shelf.mmsID)&format=json",
            key: key,
            headers: Catalog.jsonBody,
            body: #"{"request_type":"HOLD","pickup_location_type":"LIBRARY","pickup_location_library":"\#(pickup)"}"#
        )
    }

    func json(_ method: HTTPRequest.Method, _ path: String, key: String? = nil) async throws -> [String: Any] {
        let answer = try await client.send(method, path + (path.contains("?") ? "&" : "?") + "format=json", key: key ?? self.key)
        try #require(answer.status == 200, "\(method) \(path): \(answer.text)")
        return try Wire.json(answer.body)
    }

    func item(_ shelf: Shelf, _ index: Int = 0) async throws -> [String: Any] {
        try #require(try await json(.get, shelf.itemPath(index))["item_data"] as? [String: Any])
    }

    /// The item's base status and process type codes.
    func state(_ shelf: Shelf, _ index: Int = 0) async throws -> (base: String?, process: String?) {
        let data = try await item(shelf, index)
        return ((data["base_status"] as? [String: Any])?["value"] as? String, (data["process_type"] as? [String: Any])?["value"] as? String)
    }

    /// The AVA field's `$e` (available or unavailable) of the shelf's title.
    func availability(_ shelf: Shelf) async throws -> String? {
        let answer = try await client.send(.get, "/almaws/v1/bibs/\(shelf.mmsID)?expand=p_avail", key: key)
        try #require(answer.status == 200)
        let text = answer.text
        guard let range = text.range(of: #"<subfield code="e">([a-z_]+)</subfield>"#, options: .regularExpression) else { return nil }
        return String(text[range]).replacingOccurrences(of: #"<subfield code="e">"#, with: "").replacingOccurrences(of: "</subfield>", with: "")
    }

    /// Primo's availability of the shelf's title (`available_in_library`, `unavailable`).
    func primoAvailability(_ shelf: Shelf) async throws -> String? {
        let answer = try await client.send(.get, "/primo/v1/pnxs/L/alma\(shelf.mmsID)", key: key)
        try #require(answer.status == 200, "\(answer.text)")
        for status in ["available_in_library", "unavailable", "check_holdings"] where answer.text.contains("\"\(status)\"") {
            return status
        }
        return nil
    }

    /// Moves the demo sandbox's clock `days` ahead of real time.
    func setClock(days: Int) async throws {
        try await lectern.store.setClockOffset(days * 86_400, of: Self.demo)
    }

    static let demo = Tenant(institution: "DEMO", environment: .sandbox)

    /// Replaces the demo sandbox's terms of use.
    func setPolicy(_ policy: CirculationPolicy) async throws {
        try await lectern.store.write(in: Self.demo) { try await $0.put(policy.document) }
    }

    /// Terms for tests: `loanDays` days, `renewals` renewals of 14 days, 1.25 a day up to 10,
    /// loans blocked above `fineLimit`, three days on the hold shelf.
    static func policy(loanDays: Int = 21, renewals: Int = 2, fineLimit: Decimal = 5) -> CirculationPolicy {
        CirculationPolicy(
            currency: "EUR",
            fineLimit: fineLimit,
            holdShelfDays: 3,
            terms: [
                .init(userGroup: "GUEST", loanable: false, loanDays: 0, renewals: 0, renewDays: 0, finePerDay: 0, maximumFine: 0),
                .init(loanDays: loanDays, renewals: renewals, renewDays: 14, finePerDay: Decimal(string: "1.25")!, maximumFine: 10),
            ]
        )
    }

    /// The error code of a refusal.
    static func errorCode(_ answer: Answer) -> String? {
        if let code = (try? Wire.jsonErrorCodes(answer.body))?.first { return code }
        return (try? Wire.xml(answer.body))?.text("errorCode")
    }
}
