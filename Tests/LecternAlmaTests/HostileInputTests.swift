import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// Input that once reached a record it should not have, or stored what could not be read back:
/// every id matches exactly or not at all, and every write is refused whole or read back equal.
struct HostileInputTests {
    static let json: HTTPFields = [.accept: "application/json"]
    static let jsonBody: HTTPFields = [.accept: "application/json", .contentType: "application/json"]

    /// A user in JSON with `lastName` and `extra` members spliced in.
    static func userJSON(id: String = "hostile.user", lastName: String = "Hostile", extra: String = "") -> String {
        """
        {"primary_id":"\(id)","first_name":"Ada","last_name":"\(lastName)","user_group":{"value":"FACULTY"},\
        "contact_info":{"email":[{"email_address":"ada@demo.edu","preferred":true,"email_type":[{"value":"work"}]}]},\
        "user_identifier":[{"id_type":{"value":"BARCODE"},"value":"\(id)-BC"}]\(extra)}
        """
    }

    static func create(_ client: LecternClient, key: String, id: String = "hostile.user") async throws {
        let created = try await client.send(.post, "/almaws/v1/users", key: key, headers: Self.jsonBody, body: Self.userJSON(id: id))
        try #require(created.status == 200, "\(created.text)")
    }

    static func read(_ client: LecternClient, key: String, id: String = "hostile.user") async throws -> [String: Any] {
        let answer = try await client.send(.get, "/almaws/v1/users/\(id)", key: key, headers: Self.json)
        try #require(answer.status == 200, "\(answer.text)")
        return try Wire.json(answer.body)
    }

    // MARK: - Exact ids

    @Test(arguments: ["%00junk", "%00", "%01", "%0A", "%7F", "%C2%85"])
    func aUserIDWithAControlCharacterMatchesNothingAndDeletesNothing(suffix: String) async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            try await Self.create(client, key: lectern.sandboxKey)
            for method in [HTTPRequest.Method.get, .delete, .put] {
                let answer = try await client.send(
                    method,
                    "/almaws/v1/users/hostile.user\(suffix)?format=json",
                    key: lectern.sandboxKey,
                    headers: Self.jsonBody,
                    body: method == .put ? Self.userJSON(lastName: "Overwritten") : nil
                )
                #expect(answer.status == 400, "\(method) \(suffix): \(answer.text)")
                #expect(try Wire.jsonErrorCodes(answer.body) == ["401666"])
            }
            #expect(try await Self.read(client, key: lectern.sandboxKey)["last_name"] as? String == "Hostile")
        }
    }

    @Test func aUserIDLongerThanAnyIDIsRefusedBeforeAnyLookup() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer = try await client.send(.get, "/almaws/v1/users/\(String(repeating: "a", count: 2_001))?format=json", key: lectern.sandboxKey)
            #expect(answer.status == 400)
            #expect(try Wire.jsonErrorCodes(answer.body) == ["401666"])
        }
    }

    @Test func catalogueIDsAndBarcodesWithANULMatchNothing() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib()
            let holdingID = try await catalog.createHolding(mmsID)
            let itemID = try await catalog.createItem(mmsID, holdingID, barcode: "HOSTILE-1")
            for uri in [
                "/almaws/v1/bibs/\(mmsID)%00",
                "/almaws/v1/bibs?mms_id=\(mmsID)%00",
                "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)%00",
                "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)/items/\(itemID)%00x",
                "/almaws/v1/items?item_barcode=HOSTILE-1%00",
                "/almaws/v1/conf/libraries/MAIN%00",
                "/esploro/v1/researchers/hostile%00",
            ] {
                let answer = try await client.send(.get, uri + (uri.contains("?") ? "&" : "?") + "format=json", key: lectern.sandboxKey)
                #expect(answer.status == 400, "\(uri): \(answer.status) \(answer.text)")
                #expect(answer.text.contains("401666"), "\(uri): \(answer.text)")
            }
            let assets = try Wire.json(try await client.send(.get, "/esploro/v1/assets?org_code=DEPT_CS&limit=1", key: lectern.sandboxKey).body)
            let asset = try #require(((assets["records"] as? [[String: Any]])?.first?["originalRepository"] as? [String: Any])?["assetId"] as? String)
            for uri in ["/esploro/v1/assets/\(asset)%00", "/primo/v1/pnxs/L/alma\(mmsID)%00", "/primo/v1/search/L/alma\(mmsID)%00?vid=DEMO:DEFAULT"] {
                let answer = try await client.send(.get, uri, key: lectern.sandboxKey)
                #expect(answer.status == 400, "\(uri): \(answer.status) \(answer.text)")
                #expect(answer.text.contains("401666"), "\(uri): \(answer.text)")
            }
            let delete = try await client.send(.delete, "/almaws/v1/bibs/\(mmsID)%00junk?override=true", key: lectern.sandboxKey)
            #expect(delete.status == 400)
            let bib = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)", key: lectern.sandboxKey)
            #expect(bib.status == 200)
        }
    }

    // MARK: - What is accepted reads back

    @Test func anEightMegabyteNameIsRefusedAndTheUserStaysReadable() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            try await Self.create(client, key: lectern.sandboxKey)
            let huge = String(repeating: "x", count: 8 * 1024 * 1024)
            let answer = try await client.send(
                .put,
                "/almaws/v1/users/hostile.user?format=json",
                key: lectern.sandboxKey,
                headers: Self.jsonBody,
                body: Self.userJSON(lastName: huge)
            )
            #expect(answer.status == 400)
            #expect(try Wire.jsonErrorCodes(answer.body) == ["401676"])
            #expect(answer.text.contains("last_name"))
            #expect(try await Self.read(client, key: lectern.sandboxKey)["last_name"] as? String == "Hostile")
        }
    }

    @Test func aNameAtTheSchemaLimitReadsBackAndOneCharacterMoreIsRefused() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            try await Self.create(client, key: lectern.sandboxKey)
            let longest = String(repeating: "é", count: 255)
            let accepted = try await client.send(
                .put,
                "/almaws/v1/users/hostile.user",
                key: lectern.sandboxKey,
                headers: Self.jsonBody,
                body: Self.userJSON(lastName: longest)
            )
            #expect(accepted.status == 200, "\(accepted.text)")
            #expect(try await Self.read(client, key: lectern.sandboxKey)["last_name"] as? String == longest)
            let refused = try await client.send(
                .put,
                "/almaws/v1/users/hostile.user",
                key: lectern.sandboxKey,
                headers: Self.jsonBody,
                body: Self.userJSON(lastName: longest + "e")
            )
            #expect(refused.status == 400)
            #expect(refused.text.contains("last_name is longer than 255 characters"), "\(refused.text)")
            #expect(try await Self.read(client, key: lectern.sandboxKey)["last_name"] as? String == longest)
        }
    }

    @Test(arguments: [
        (#","expiry_date":5"#, "401676", "expiry_date"),
        (#","expiry_date":"not-a-date""#, "401676", "expiry_date"),
        (#","expiry_date":"2026-02-30""#, "401676", "expiry_date"),
        (#","birth_date":"2026-13-01Z""#, "401676", "birth_date"),
        (#","is_researcher":"perhaps""#, "401676", "is_researcher"),
        (#","user_note":[{"note_type":{"value":"OTHER"},"note_text":"n","user_viewable":"yes"}]"#, "401676", "user_viewable"),
        (
            #","user_block":[{"block_type":{"value":"GENERAL"},"block_description":{"value":"01-GLOBAL"},"expiry_date":"soon"}]"#, "401676",
            "expiry_date"
        ),
        // Codes not in their code table.
        (#","user_role":[{"status":{"value":"7"},"scope":{"value":"DEMO"},"role_type":{"value":"200"}}]"#, "401864", "status"),
        (#","status":{"value":"SLEEPING"}"#, "401864", "status"),
        (#","preferred_language":{"value":"xx"}"#, "401864", "preferred_language"),
    ])
    func valuesTheSchemaForbidsAreRefusedWithTheFieldNamed(extra: String, code: String, field: String) async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer = try await client.send(
                .post,
                "/almaws/v1/users",
                key: lectern.sandboxKey,
                headers: Self.jsonBody,
                body: Self.userJSON(extra: extra)
            )
            #expect(answer.status == 400, "\(answer.text)")
            #expect(try Wire.jsonErrorCodes(answer.body) == [code])
            #expect(answer.text.contains(field), "\(answer.text)")
            let lookup = try await client.send(.get, "/almaws/v1/users/hostile.user", key: lectern.sandboxKey)
            #expect(lookup.status == 400)
        }
    }

    @Test(arguments: [#"Hos\u0000tile"#, #"Hos\u0001tile"#, #"Hos\uFFFEtile"#])
    func charactersXMLCannotCarryAreRefusedNotReplaced(lastName: String) async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            try await Self.create(client, key: lectern.sandboxKey)
            let answer = try await client.send(
                .put,
                "/almaws/v1/users/hostile.user",
                key: lectern.sandboxKey,
                headers: Self.jsonBody,
                body: Self.userJSON(lastName: lastName)
            )
            #expect(answer.status == 400, "\(answer.text)")
            #expect(answer.text.contains("last_name"))
            #expect(try await Self.read(client, key: lectern.sandboxKey)["last_name"] as? String == "Hostile")
        }
    }

    @Test func anItemPutWithoutItemDataIsRefusedAndTheItemKept() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib()
            let holdingID = try await catalog.createHolding(mmsID)
            let pid = try await catalog.createItem(mmsID, holdingID, barcode: "KEEP-1")
            let path = "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)/items/\(pid)?format=json"
            let answer = try await client.send(.put, path, key: lectern.sandboxKey, headers: Self.jsonBody, body: #"{"records":5}"#)
            #expect(answer.status == 400)
            #expect(try Wire.jsonErrorCodes(answer.body) == ["401664"])
            let item = try Wire.json(try await client.send(.get, path, key: lectern.sandboxKey).body)
            #expect((item["item_data"] as? [String: Any])?["barcode"] as? String == "KEEP-1")
        }
    }

    @Test(arguments: ["json", "xml"])
    func aBodyOfAMillionTinyValuesIsRefusedBeforeItIsRead(format: String) async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            try await Self.create(client, key: lectern.sandboxKey)
            let body =
                format == "json"
                ? #"{"primary_id":"hostile.user","last_name":"H","user_note":["# + Array(repeating: "{}", count: 150_000).joined(separator: ",")
                    + "]}"
                : "<user><primary_id>hostile.user</primary_id><last_name>H</last_name><user_notes>"
                    + String(repeating: "<a/>", count: 150_000) + "</user_notes></user>"
            let answer = try await client.send(
                .put,
                "/almaws/v1/users/hostile.user?format=json",
                key: lectern.sandboxKey,
                headers: [.contentType: "application/\(format)"],
                body: body
            )
            #expect(answer.status == 400)
            // JSON is read by the handler (its message says why); XML by the gateway (its fixed message).
            #expect(answer.text.contains(format == "json" ? "more than 100000 values" : "XML is not well-formed"), "\(answer.text)")
            #expect(try await Self.read(client, key: lectern.sandboxKey)["last_name"] as? String == "Hostile")
        }
    }

    @Test func anEmptyQueryKeyBesideAHeaderKeyIsNoKeyAtAll() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer = try await client.send(.get, "/almaws/v1/users/operation/test?apikey=", key: lectern.sandboxKey)
            #expect(answer.status == 200, "\(answer.text)")
        }
    }

    // MARK: - Bounded queries

    @Test(arguments: [
        (50, "402119", "more than 30 terms"), (300, "402119", "longer than 2000 characters"), (1_000, "401666", "q parameter is not valid"),
    ])
    func aQueryOfHundredsOfTermsIsRefusedAtOnce(terms count: Int, code: String, message: String) async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let terms = (0..<count).map { "last_name~s\($0)" }.joined(separator: "%20AND%20")
            let answer = try await client.send(.get, "/almaws/v1/users?format=json&q=\(terms)", key: lectern.sandboxKey)
            #expect(answer.status == 400)
            #expect(try Wire.jsonErrorCodes(answer.body) == [code])
            #expect(answer.text.contains(message), "\(answer.text)")
        }
    }

    @Test func thirtyTermsAreStillAnswered() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let terms = (0..<30).map { "last_name~smith\($0)" }.joined(separator: "%20OR%20")
            let answer = try await client.send(.get, "/almaws/v1/users?format=json&q=\(terms)", key: lectern.sandboxKey)
            #expect(answer.status == 200, "\(answer.text)")
        }
    }
}
