import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// `/almaws/v1/users` over HTTP, as a client script uses it, in XML and JSON.
struct UsersTests {
    static let json: HTTPFields = [.accept: "application/json"]
    static let jsonBody: HTTPFields = [.accept: "application/json", .contentType: "application/json"]
    static let xmlBody: HTTPFields = [.contentType: "application/xml"]

    static let newUserXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <user>
          <primary_id>ada.lovelace</primary_id>
          <first_name>Ada</first_name>
          <last_name>Lovelace</last_name>
          <user_group>FACULTY</user_group>
          <preferred_language>en</preferred_language>
          <expiry_date>2030-12-31Z</expiry_date>
          <password>analytical-engine</password>
          <contact_info>
            <emails><email preferred="true"><email_address>ada@demo.edu</email_address><email_types><email_type>work</email_type></email_types></email></emails>
            <phones/>
            <addresses><address preferred="true"><line1>12 St James's Square</line1><city>London</city><address_types><address_type>home</address_type></address_types></address></addresses>
          </contact_info>
          <user_identifiers><user_identifier><id_type>BARCODE</id_type><value>ADA-0001</value><status>ACTIVE</status></user_identifier></user_identifiers>
          <user_roles><user_role><status>ACTIVE</status><scope>DEMO</scope><role_type>200</role_type></user_role></user_roles>
          <an_unknown_element>kept as given</an_unknown_element>
        </user>
        """

    @Test func listsUsersInXMLWithTotalAndLinks() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer = try await client.send(.get, "/almaws/v1/users", key: lectern.sandboxKey)
            #expect(answer.status == 200)
            #expect(answer.headers[.contentType] == "application/xml;charset=UTF-8")
            let xml = try Wire.xml(answer.body)
            #expect(xml.root == "users")
            #expect(xml.rootAttributes["total_record_count"] == "320")
            #expect(xml.texts["primary_id"]?.count == 10)
            #expect(xml.attributes["user"]?.allSatisfy { $0["link"]?.contains("/almaws/v1/users/") == true } == true)
        }
    }

    @Test func listsUsersInJSONShapedLikeTheRecording() async throws {
        let lectern = try await TestLectern.make()
        let recorded = try Recorded.json("php-alma-client/users_response.json")
        let recordedKeys = Set(try #require((recorded["user"] as? [[String: Any]])?.first).keys)
        try await lectern.withClient { client in
            for uri in ["/almaws/v1/users?limit=3&format=json", "/almaws/v1/users?limit=3"] {
                let answer = try await client.send(.get, uri, key: lectern.sandboxKey, headers: uri.contains("format") ? [:] : Self.json)
                let body = try Wire.json(answer.body)
                #expect(body["total_record_count"] as? Int == 320)
                let users = try #require(body["user"] as? [[String: Any]])
                #expect(users.count == 3)
                #expect(Set(users[0].keys) == recordedKeys)
                #expect(users[0]["status"] as? [String: String] != nil)
                #expect(users[0]["loans"] is NSNull)
            }
        }
    }

    @Test(arguments: [("limit=0", 200, 0), ("limit=100", 200, 100), ("limit=5&offset=318", 200, 2), ("offset=400", 200, 0)])
    func pagesWithinLimits(query: String, status: Int, count: Int) async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer = try await client.send(.get, "/almaws/v1/users?format=json&\(query)", key: lectern.sandboxKey)
            #expect(answer.status == status)
            let body = try Wire.json(answer.body)
            #expect(body["total_record_count"] as? Int == 320)
            #expect((body["user"] as? [Any])?.count ?? 0 == count)
        }
    }

    @Test(arguments: ["limit=101", "limit=-1", "limit=ten", "offset=-5", "order_by=birthday", "modify_date_from=yesterday"])
    func refusesParametersOutOfRange(query: String) async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer = try await client.send(.get, "/almaws/v1/users?format=json&\(query)", key: lectern.sandboxKey)
            #expect(answer.status == 400)
            #expect(try Wire.jsonErrorCodes(answer.body).count == 1)
        }
    }

    @Test func pagesDoNotOverlapAndFollowTheDocumentedOrder() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            var seen: [(String, String, String)] = []
            for offset in stride(from: 0, to: 320, by: 100) {
                let answer = try await client.send(
                    .get,
                    "/almaws/v1/users?format=json&limit=100&offset=\(offset)&expand=full",
                    key: lectern.sandboxKey
                )
                for user in try Wire.json(answer.body)["user"] as? [[String: Any]] ?? [] {
                    seen.append((user["last_name"] as! String, user["first_name"] as! String, user["primary_id"] as! String))
                }
            }
            #expect(seen.count == 320)
            #expect(Set(seen.map(\.2)).count == 320)
            // Documented order: last name, first name, primary id; case and accents ignored (Müller with the Mu's).
            func fold(_ text: String) -> String { text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
            let sorted = seen.sorted { (fold($0.0), fold($0.1), $0.2) < (fold($1.0), fold($1.1), $1.2) }
            #expect(seen.map(\.2) == sorted.map(\.2))
        }
    }

    @Test func modifyDateFromFiltersAndExcludesQ() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let all = try await client.send(.get, "/almaws/v1/users?format=json&limit=0&modify_date_from=2000-01-01", key: lectern.sandboxKey)
            #expect(try Wire.json(all.body)["total_record_count"] as? Int == 320)
            let none = try await client.send(.get, "/almaws/v1/users?format=json&limit=0&modify_date_from=2999-01-01", key: lectern.sandboxKey)
            #expect(try Wire.json(none.body)["total_record_count"] as? Int == 0)
            let both = try await client.send(
                .get,
                "/almaws/v1/users?format=json&q=last_name~smith&modify_date_from=2000-01-01",
                key: lectern.sandboxKey
            )
            #expect(try Wire.jsonErrorCodes(both.body) == ["402119"])
        }
    }

    @Test func briefSearchMatchesWordsInTheField() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let smiths = try Wire.json(
                try await client.send(.get, "/almaws/v1/users?format=json&limit=100&q=last_name~smith", key: lectern.sandboxKey).body
            )
            let users = smiths["user"] as? [[String: Any]] ?? []
            #expect(!users.isEmpty)
            #expect(users.allSatisfy { ($0["last_name"] as? String) == "Smith" })
            #expect(smiths["total_record_count"] as? Int == users.count)

            let either = try Wire.json(
                try await client.send(.get, "/almaws/v1/users?format=json&limit=100&q=last_name~smith%20OR%20last_name~chen", key: lectern.sandboxKey)
                    .body
            )
            let names = Set((either["user"] as? [[String: Any]] ?? []).compactMap { $0["last_name"] as? String })
            #expect(names == ["Smith", "Chen"])

            let both = try Wire.json(
                try await client.send(
                    .get,
                    "/almaws/v1/users?format=json&limit=100&expand=full&q=last_name~smith%20AND%20user_group~faculty",
                    key: lectern.sandboxKey
                ).body
            )
            for user in both["user"] as? [[String: Any]] ?? [] {
                #expect(user["last_name"] as? String == "Smith")
                #expect((user["user_group"] as? [String: Any])?["value"] as? String == "FACULTY")
            }
            let prefix = try Wire.json(
                try await client.send(.get, "/almaws/v1/users?format=json&limit=100&q=primary_id~jsm*", key: lectern.sandboxKey).body
            )
            #expect((prefix["user"] as? [[String: Any]] ?? []).allSatisfy { ($0["primary_id"] as? String)?.hasPrefix("jsm") == true })
        }
    }

    @Test(arguments: ["last_name", "last_name~", "nosuchfield~x", "last_name~smith AND", "ALL~smith AND last_name~smith", "~smith"])
    func badQuerySyntaxIsALogicalError(q: String) async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let encoded = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let answer = try await client.send(.get, "/almaws/v1/users?format=json&q=\(encoded)", key: lectern.sandboxKey)
            #expect(answer.status == 400)
            #expect(try Wire.jsonErrorCodes(answer.body) == ["402119"])
        }
    }

    @Test func createsAUserFromXMLAndReadsItBackInJSON() async throws {
        let lectern = try await TestLectern.make()
        let recordedKeys = Set(try Recorded.json("php-alma-client/user_response.json").keys)
        try await lectern.withClient { client in
            let created = try await client.send(.post, "/almaws/v1/users", key: lectern.sandboxKey, headers: Self.xmlBody, body: Self.newUserXML)
            #expect(created.status == 200)
            let xml = try Wire.xml(created.body)
            #expect(xml.root == "user")
            #expect(xml.text("full_name") == "Ada Lovelace")
            #expect(xml.attributes["user_group"]?.first?["desc"] == "Faculty")
            #expect(xml.text("password") == "")
            #expect(xml.text("an_unknown_element") == "kept as given")
            #expect(xml.paths.contains("user/contact_info/emails/email/email_types/email_type"))
            #expect(xml.attributes["user_identifier"]?.first?["segment_type"] == "Internal")

            let read = try await client.send(.get, "/almaws/v1/users/ada.lovelace", key: lectern.sandboxKey, headers: Self.json)
            #expect(read.status == 200)
            let user = try Wire.json(read.body)
            #expect(recordedKeys.subtracting(user.keys).subtracting(["expiry_date", "purge_date", "birth_date"]).isEmpty)
            #expect((user["user_group"] as? [String: Any])?["desc"] as? String == "Faculty")
            let emails = try #require((user["contact_info"] as? [String: Any])?["email"] as? [[String: Any]])
            #expect(emails.first?["email_address"] as? String == "ada@demo.edu")
            #expect(emails.first?["preferred"] as? Bool == true)
            #expect(((emails.first?["email_type"] as? [[String: Any]])?.first)?["desc"] as? String == "Work")
            let identifiers = try #require(user["user_identifier"] as? [[String: Any]])
            #expect(identifiers.first?["value"] as? String == "ADA-0001")
            #expect(user["link"] is NSNull)
        }
    }

    @Test func createsAUserFromJSON() async throws {
        let lectern = try await TestLectern.make()
        let body = """
            {"primary_id":"grace.hopper","first_name":"Grace","last_name":"Hopper","user_group":{"value":"STAFF"},
             "status":{"value":"ACTIVE"},"contact_info":{"email":[{"email_address":"grace@demo.edu","preferred":true,"email_type":[{"value":"work"}]}]},
             "user_identifier":[{"id_type":{"value":"UNIV_ID"},"value":"U-1906","status":"ACTIVE"}]}
            """
        try await lectern.withClient { client in
            let created = try await client.send(.post, "/almaws/v1/users", key: lectern.sandboxKey, headers: Self.jsonBody, body: body)
            #expect(created.status == 200)
            let user = try Wire.json(created.body)
            #expect(user["full_name"] as? String == "Grace Hopper")
            #expect((user["user_group"] as? [String: Any])?["desc"] as? String == "Staff")
            let byID = try await client.send(.get, "/almaws/v1/users/U-1906?user_id_type=UNIV_ID&format=json", key: lectern.sandboxKey)
            #expect(try Wire.json(byID.body)["primary_id"] as? String == "grace.hopper")
            let byAny = try await client.send(.get, "/almaws/v1/users/U-1906?format=json", key: lectern.sandboxKey)
            #expect(try Wire.json(byAny.body)["primary_id"] as? String == "grace.hopper")
            let wrongType = try await client.send(.get, "/almaws/v1/users/U-1906?user_id_type=BARCODE&format=json", key: lectern.sandboxKey)
            #expect(try Wire.jsonErrorCodes(wrongType.body) == ["401890"])
        }
    }

    @Test(arguments: [
        ("{\"first_name\":\"No\",\"last_name\":\"Id\"}", "401664"),
        ("{\"primary_id\":\"x1\",\"first_name\":\"No\"}", "401664"),
        ("{\"primary_id\":\"x2\",\"last_name\":\"Group\",\"user_group\":{\"value\":\"ASTRONAUT\"}}", "401852"),
        ("{\"primary_id\":\"x3\",\"last_name\":\"Acct\",\"account_type\":{\"value\":\"ROBOT\"}}", "401857"),
        ("{\"primary_id\":\"x4\",\"last_name\":\"Ext\",\"account_type\":{\"value\":\"EXTERNAL\"}}", "401854"),
        ("{\"primary_id\":\"x5\",\"last_name\":\"Id\",\"user_identifier\":[{\"id_type\":{\"value\":\"SHOE_SIZE\"},\"value\":\"44\"}]}", "401864"),
        (
            "{\"primary_id\":\"x6\",\"last_name\":\"Dup\",\"user_identifier\":[{\"id_type\":{\"value\":\"BARCODE\"},\"value\":\"DUP-1\"},{\"id_type\":{\"value\":\"BARCODE\"},\"value\":\"DUP-1\"}]}",
            ""
        ),
        ("{\"primary_id\":", "401676"),
        ("[1,2,3]", "401676"),
        ("{\"primary_id\":{\"deep\":[1,2]},\"last_name\":\"T\"}", "401676"),
        ("\u{00}\u{01}garbage", "401676"),
    ])
    func badBodiesAreLogicalErrorsAndWriteNothing(body: String, code: String) async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer = try await client.send(.post, "/almaws/v1/users", key: lectern.sandboxKey, headers: Self.jsonBody, body: body)
            if code.isEmpty {
                #expect(answer.status == 200)  // the same identifier twice on one user is one identifier
                return
            }
            #expect(answer.status == 400)
            #expect(try Wire.jsonErrorCodes(answer.body) == [code])
            let count = try await client.send(.get, "/almaws/v1/users?limit=0&format=json", key: lectern.sandboxKey)
            #expect(try Wire.json(count.body)["total_record_count"] as? Int == 320)
        }
    }

    @Test func duplicatePrimaryIDOrIdentifierIsRefused() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer1 = try await client.send(.post, "/almaws/v1/users", key: lectern.sandboxKey, headers: Self.xmlBody, body: Self.newUserXML)
            #expect(answer1.status == 200)
            let again = try await client.send(
                .post,
                "/almaws/v1/users?format=json",
                key: lectern.sandboxKey,
                headers: Self.xmlBody,
                body: Self.newUserXML
            )
            #expect(try Wire.jsonErrorCodes(again.body) == ["401851"])
            let sameBarcode = Self.newUserXML.replacingOccurrences(of: "ada.lovelace", with: "ada.two")
            let barcode = try await client.send(
                .post,
                "/almaws/v1/users?format=json",
                key: lectern.sandboxKey,
                headers: Self.xmlBody,
                body: sameBarcode
            )
            #expect(try Wire.jsonErrorCodes(barcode.body) == ["401851"])
            let missing = try await client.send(.get, "/almaws/v1/users/ada.two?format=json", key: lectern.sandboxKey)
            #expect(try Wire.jsonErrorCodes(missing.body) == ["401861"])
        }
    }

    @Test func putRoundTripLosesNothing() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let list = try Wire.json(try await client.send(.get, "/almaws/v1/users?format=json&limit=1&offset=7", key: lectern.sandboxKey).body)
            let id = try #require((list["user"] as? [[String: Any]])?.first?["primary_id"] as? String)
            let before = try await client.send(.get, "/almaws/v1/users/\(id)", key: lectern.sandboxKey, headers: Self.json)
            var user = try Wire.json(before.body)
            user["first_name"] = "Changed"
            let body = String(decoding: try JSONSerialization.data(withJSONObject: user), as: UTF8.self)
            let put = try await client.send(.put, "/almaws/v1/users/\(id)", key: lectern.sandboxKey, headers: Self.jsonBody, body: body)
            #expect(put.status == 200)
            let after = try Wire.json(try await client.send(.get, "/almaws/v1/users/\(id)", key: lectern.sandboxKey, headers: Self.json).body)
            var expected = try Wire.json(before.body)
            expected["first_name"] = "Changed"
            expected["full_name"] = after["full_name"]
            #expect((after["full_name"] as? String)?.hasPrefix("Changed ") == true)
            // Compared as canonical JSON (sorted keys): every value and its JSON type must match.
            func canonical(_ object: [String: Any]) throws -> String {
                String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
            }
            #expect(try canonical(after) == (try canonical(expected)))

            // The same round trip in XML: GET, PUT the bytes back, GET: identical.
            let xmlBefore = try await client.send(.get, "/almaws/v1/users/\(id)", key: lectern.sandboxKey)
            let xmlPut = try await client.send(.put, "/almaws/v1/users/\(id)", key: lectern.sandboxKey, headers: Self.xmlBody, body: xmlBefore.text)
            #expect(xmlPut.status == 200)
            let xmlAfter = try await client.send(.get, "/almaws/v1/users/\(id)", key: lectern.sandboxKey)
            #expect(xmlAfter.text == xmlBefore.text)
        }
    }

    @Test func putIsSwapAllButKeepsRolesWhenNoneAreSent() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer2 = try await client.send(.post, "/almaws/v1/users", key: lectern.sandboxKey, headers: Self.xmlBody, body: Self.newUserXML)
            #expect(answer2.status == 200)
            let replacement = """
                <user><primary_id>ada.lovelace</primary_id><first_name>Augusta Ada</first_name><last_name>King</last_name>
                <user_group>FACULTY</user_group><contact_info><emails><email preferred="true"><email_address>countess@demo.edu</email_address>
                <email_types><email_type>personal</email_type></email_types></email></emails></contact_info></user>
                """
            let put = try await client.send(
                .put,
                "/almaws/v1/users/ada.lovelace?format=json",
                key: lectern.sandboxKey,
                headers: Self.xmlBody,
                body: replacement
            )
            #expect(put.status == 200)
            let user = try Wire.json(put.body)
            #expect(user["last_name"] as? String == "King")
            let emails = (user["contact_info"] as? [String: Any])?["email"] as? [[String: Any]] ?? []
            #expect(emails.map { $0["email_address"] as? String } == ["countess@demo.edu"])
            #expect(
                (user["contact_info"] as? [String: Any])?["address"] == nil
                    || ((user["contact_info"] as? [String: Any])?["address"] as? [Any])?.isEmpty == true
            )
            #expect(user["user_identifier"] == nil || (user["user_identifier"] as? [Any])?.isEmpty == true)
            #expect((user["user_role"] as? [[String: Any]])?.count == 1)
            // The barcode went with the identifiers: it no longer finds the user, and is free again.
            let byBarcode = try await client.send(.get, "/almaws/v1/users/ADA-0001?format=json", key: lectern.sandboxKey)
            #expect(try Wire.jsonErrorCodes(byBarcode.body) == ["401861"])
        }
    }

    @Test func deleteAnswers204AndTheUserIsGone() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer3 = try await client.send(.post, "/almaws/v1/users", key: lectern.sandboxKey, headers: Self.xmlBody, body: Self.newUserXML)
            #expect(answer3.status == 200)
            let deleted = try await client.send(.delete, "/almaws/v1/users/ada.lovelace", key: lectern.sandboxKey)
            #expect(deleted.status == 204)
            #expect(deleted.body.isEmpty)
            let gone = try await client.send(.get, "/almaws/v1/users/ada.lovelace", key: lectern.sandboxKey)
            #expect(try Wire.xml(gone.body).text("errorCode") == "401861")
            let again = try await client.send(.delete, "/almaws/v1/users/ada.lovelace?format=json", key: lectern.sandboxKey)
            #expect(try Wire.jsonErrorCodes(again.body) == ["401861"])
        }
    }

    @Test func aUserDeletedAndCreatedAgainIsNeverAnsweredFromTheOldRendering() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            for name in ["Ada", "Augusta"] {
                let body = Self.newUserXML.replacingOccurrences(of: "<first_name>Ada</first_name>", with: "<first_name>\(name)</first_name>")
                let created = try await client.send(.post, "/almaws/v1/users", key: lectern.sandboxKey, headers: Self.xmlBody, body: body)
                #expect(created.status == 200)
                for _ in 0..<2 {
                    let read = try await client.send(.get, "/almaws/v1/users/ada.lovelace", key: lectern.sandboxKey, headers: Self.json)
                    #expect(try Wire.json(read.body)["first_name"] as? String == name)
                }
                let deleted = try await client.send(.delete, "/almaws/v1/users/ada.lovelace", key: lectern.sandboxKey)
                #expect(deleted.status == 204)
            }
        }
    }

    @Test func authenticatesWithPasswordParameterOrHeader() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer4 = try await client.send(.post, "/almaws/v1/users", key: lectern.sandboxKey, headers: Self.xmlBody, body: Self.newUserXML)
            #expect(answer4.status == 200)
            let byParameter = try await client.send(
                .post,
                "/almaws/v1/users/ada.lovelace?op=auth&password=analytical-engine",
                key: lectern.sandboxKey
            )
            #expect(byParameter.status == 204)
            let byHeader = try await client.send(
                .post,
                "/almaws/v1/users/ADA-0001?op=auth",
                key: lectern.sandboxKey,
                headers: [HTTPField.Name("Exl-User-Pw")!: "analytical%2Dengine"]
            )
            #expect(byHeader.status == 204)
            let wrong = try await client.send(.post, "/almaws/v1/users/ada.lovelace?op=auth&password=wrong&format=json", key: lectern.sandboxKey)
            #expect(try Wire.jsonErrorCodes(wrong.body) == ["401866"])
            let none = try await client.send(.post, "/almaws/v1/users/ada.lovelace?op=auth&format=json", key: lectern.sandboxKey)
            #expect(try Wire.jsonErrorCodes(none.body) == ["401866"])
        }
    }

    @Test func briefViewAndExpandedCounts() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer5 = try await client.send(.post, "/almaws/v1/users", key: lectern.sandboxKey, headers: Self.xmlBody, body: Self.newUserXML)
            #expect(answer5.status == 200)
            let brief = try Wire.json(
                try await client.send(.get, "/almaws/v1/users/ada.lovelace?view=brief&format=json", key: lectern.sandboxKey).body
            )
            #expect(brief["user_role"] == nil)
            #expect((brief["contact_info"] as? [String: Any])?["address"] == nil)
            #expect(((brief["contact_info"] as? [String: Any])?["email"] as? [Any])?.count == 1)
            let expanded = try Wire.json(
                try await client.send(.get, "/almaws/v1/users/ada.lovelace?expand=loans,requests,fees&format=json", key: lectern.sandboxKey).body
            )
            #expect((expanded["loans"] as? [String: Any])?["value"] as? String == "0")
            #expect(((expanded["fees"] as? [String: Any])?["link"] as? String)?.hasSuffix("/almaws/v1/users/ada.lovelace/fees") == true)
        }
    }

    @Test func testEndpointAnswersGetAndPost() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer6 = try await client.send(.get, "/almaws/v1/users/operation/test", key: lectern.sandboxKey)
            #expect(answer6.status == 200)
            let answer7 = try await client.send(.post, "/almaws/v1/users/operation/test", key: lectern.sandboxKey)
            #expect(answer7.status == 200)
        }
    }

    @Test func oneInstitutionNeverSeesAnothersUsers() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let list = try Wire.json(try await client.send(.get, "/almaws/v1/users?format=json&limit=1", key: lectern.sandboxKey).body)
            let id = try #require((list["user"] as? [[String: Any]])?.first?["primary_id"] as? String)
            let other = try Wire.json(try await client.send(.get, "/almaws/v1/users?format=json&q=ALL~\(id)", key: lectern.otherKey).body)
            #expect(other["total_record_count"] as? Int == 0)
            let direct = try await client.send(.get, "/almaws/v1/users/\(id)?format=json", key: lectern.otherKey)
            #expect(try Wire.jsonErrorCodes(direct.body) == ["401861"])
            let delete = try await client.send(.delete, "/almaws/v1/users/\(id)?format=json", key: lectern.otherKey)
            #expect(try Wire.jsonErrorCodes(delete.body) == ["401861"])
            let answer8 = try await client.send(.get, "/almaws/v1/users/\(id)", key: lectern.sandboxKey)
            #expect(answer8.status == 200)
        }
    }
}
