import Foundation
import HTTPTypes
import LecternAlma
import LecternCore
import LecternRepresentation
import LecternSQLite
import LecternStore
import LecternTesting
import Testing

/// The schemas the OpenAPI documents give the objects, against what the API answers: every
/// member of every answer is where its schema says, of the type it says.
struct AnswerSchemaTests {
    /// Calls of the demo data, each with the document and the documented path that describe it.
    static let calls: [(document: String, template: String, call: String)] = [
        ("users", "/almaws/v1/users", "/almaws/v1/users?limit=5&expand=full"),
        ("users", "/almaws/v1/users/{user_id}", "/almaws/v1/users/{first_user}"),
        ("bibs", "/almaws/v1/bibs/{mms_id}", "/almaws/v1/bibs/{first_bib}"),
        ("bibs", "/almaws/v1/bibs", "/almaws/v1/bibs?mms_id={first_bib}"),
        ("bibs", "/almaws/v1/bibs/{mms_id}/holdings", "/almaws/v1/bibs/{first_bib}/holdings"),
        ("bibs", "/almaws/v1/bibs/{mms_id}/holdings/{holding_id}/items", "/almaws/v1/bibs/{first_bib}/holdings/ALL/items"),
        ("users", "/almaws/v1/users/{user_id}/loans", "/almaws/v1/users/{loan_user}/loans"),
        ("users", "/almaws/v1/users/{user_id}/loans/{loan_id}", "/almaws/v1/users/{loan_user}/loans/{loan_id}"),
        ("users", "/almaws/v1/users/{user_id}/requests", "/almaws/v1/users/{request_user}/requests"),
        ("users", "/almaws/v1/users/{user_id}/fees", "/almaws/v1/users/{fee_user}/fees?status=CLOSED"),
        ("bibs", "/almaws/v1/bibs/{mms_id}/loans", "/almaws/v1/bibs/{loan_bib}/loans"),
        ("bibs", "/almaws/v1/bibs/{mms_id}/requests", "/almaws/v1/bibs/{request_bib}/requests"),
        ("bibs", "/almaws/v1/bibs/{mms_id}/request-options", "/almaws/v1/bibs/{first_bib}/request-options?user_id=someone"),
        ("conf", "/almaws/v1/conf/libraries", "/almaws/v1/conf/libraries"),
        ("conf", "/almaws/v1/conf/departments", "/almaws/v1/conf/departments"),
        ("conf", "/almaws/v1/conf/code-tables/{codeTableName}", "/almaws/v1/conf/code-tables/UserGroups"),
        ("courses", "/almaws/v1/courses", "/almaws/v1/courses?limit=5"),
        ("courses", "/almaws/v1/courses/{course_id}", "/almaws/v1/courses/{course}?view=full"),
        ("courses", "/almaws/v1/courses/{course_id}/users", "/almaws/v1/courses/{course}/users"),
        ("courses", "/almaws/v1/courses/{course_id}/reading-lists", "/almaws/v1/courses/{course}/reading-lists"),
        ("courses", "/almaws/v1/courses/{course_id}/reading-lists/{reading_list_id}", "/almaws/v1/courses/{course}/reading-lists/{list}?view=full"),
        (
            "courses", "/almaws/v1/courses/{course_id}/reading-lists/{reading_list_id}/citations",
            "/almaws/v1/courses/{course}/reading-lists/{list}/citations"
        ),
        (
            "courses", "/almaws/v1/courses/{course_id}/reading-lists/{reading_list_id}/citations/{citation_id}/tags",
            "/almaws/v1/courses/{course}/reading-lists/{list}/citations/{citation}/tags"
        ),
        (
            "courses", "/almaws/v1/courses/{course_id}/reading-lists/{reading_list_id}/owners",
            "/almaws/v1/courses/{course}/reading-lists/{list}/owners"
        ),
        ("analytics", "/almaws/v1/analytics/paths", "/almaws/v1/analytics/paths?path=/shared"),
        ("analytics", "/almaws/v1/analytics/paths/{path}", "/almaws/v1/analytics/paths/%2Fshared%2FLectern%20Demo%20University%2FReports"),
        (
            "analytics", "/almaws/v1/analytics/reports",
            "/almaws/v1/analytics/reports?path=%2Fshared%2FLectern%20Demo%20University%2FReports%2FUsers%2FUsers%20by%20group%20and%20expiry"
        ),
        ("primo", "/primo/v1/pnxs", "/primo/v1/pnxs?q=any,contains,the&limit=5"),
        ("primo", "/primo/v1/pnxs", "/primo/v1/pnxs?q=any,contains,the&limit=5&skipDelivery=true"),
        ("primo", "/primo/v1/pnxs/{context}/{docid}", "/primo/v1/pnxs/L/{first_record}"),
        ("researchers", "/esploro/v1/researchers", "/esploro/v1/researchers?limit=3&expand=full"),
        ("assets", "/esploro/v1/assets", "/esploro/v1/assets?org_code=DEPT_CS&limit=3"),
    ]

    @Test func everyAnswerConformsToItsDocumentedSchema() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let users =
                try JSONSerialization.jsonObject(
                    with: Data(
                        try await client.send(.get, "/almaws/v1/users?limit=1", key: lectern.sandboxKey, headers: [.accept: "application/json"]).body
                    )
                ) as? [String: Any]
            let firstUser = try #require(((users?["user"] as? [[String: Any]])?.first?["primary_id"]) as? String)
            let bibs = try await client.send(.get, "/primo/v1/pnxs?q=any,contains,the&limit=1", key: lectern.sandboxKey)
            let docs = (try JSONSerialization.jsonObject(with: Data(bibs.body)) as? [String: Any])?["docs"] as? [[String: Any]]
            let recordID = try #require((((docs?.first?["pnx"] as? [String: Any])?["control"] as? [String: Any])?["recordid"] as? [String])?.first)
            let firstBib = String(recordID.drop { !$0.isNumber })
            let firstRecord = "alma" + firstBib
            // The demo's circulation: a loan, an open request and a paid fee (with its transaction).
            let circulation = try await lectern.store.read(in: Tenant(institution: "DEMO", environment: .sandbox)) { reader in
                (
                    loan: try await reader.find(DocumentQuery(kind: .loan, equals: ["status": "ACTIVE"], limit: 1)).items.first,
                    request: try await reader.find(DocumentQuery(kind: .request, equals: ["open": "true"], limit: 1)).items.first,
                    fee: try await reader.find(DocumentQuery(kind: .fee, equals: ["status": "CLOSED"], limit: 1)).items.first
                )
            }
            // The demo's course reserves: a reading list with citations, and its course.
            let reserves = try await lectern.store.read(in: Tenant(institution: "DEMO", environment: .sandbox)) { reader in
                let citation = try await reader.find(DocumentQuery(kind: .citation, limit: 1)).items.first
                let list = try await reader.document(.readingList, id: citation?.parent ?? "")
                return (citation: citation?.id, list: list?.id, course: list?.fields["courses"])
            }
            let loan = try #require(circulation.loan)
            let request = try #require(circulation.request)
            let fee = try #require(circulation.fee)
            let placeholders = [
                "{first_user}": firstUser, "{first_bib}": firstBib, "{first_record}": firstRecord, "{loan_user}": loan.parent ?? "",
                "{loan_id}": loan.id, "{loan_bib}": loan.body.value("mms_id") ?? "", "{request_user}": request.parent ?? "",
                "{request_bib}": request.body.value("mms_id") ?? "", "{fee_user}": fee.parent ?? "",
                "{course}": try #require(reserves.course), "{list}": try #require(reserves.list), "{citation}": try #require(reserves.citation),
            ]
            var documents: [String: SchemaCheck] = [:]
            for (name, template, call) in Self.calls {
                if documents[name] == nil {
                    let document = try await client.send(.get, "/openapi/\(name).json", key: nil)
                    documents[name] = SchemaCheck(
                        document: try #require(try JSONSerialization.jsonObject(with: Data(document.body)) as? [String: Any])
                    )
                }
                let check = try #require(documents[name])
                let path = placeholders.reduce(call) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
                let answer = try await client.send(.get, path, key: lectern.sandboxKey, headers: [.accept: "application/json"])
                #expect(answer.status == 200, "\(path): \(answer.text)")
                let operation = ((check.document["paths"] as? [String: Any])?[template] as? [String: Any])?["get"] as? [String: Any]
                let schema = try #require(
                    ((((operation?["responses"] as? [String: Any])?["200"] as? [String: Any])?["content"] as? [String: Any])?["application/json"]
                        as? [String: Any])?["schema"] as? [String: Any],
                    "\(template) has no JSON schema"
                )
                let value = try JSONSerialization.jsonObject(with: Data(answer.body))
                let problems = check.problems(value, schema)
                #expect(problems.isEmpty, "\(path): \(problems.prefix(10))")
            }
        }
    }

    @Test func membersCarryWhatTheVendorsXSDSaysOfThem() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let document = try await client.send(.get, "/openapi/users.json", key: nil)
            let root = try #require(try JSONSerialization.jsonObject(with: Data(document.body)) as? [String: Any])
            let user = try #require(((root["components"] as? [String: Any])?["schemas"] as? [String: Any])?["user"] as? [String: Any])
            let properties = try #require(user["properties"] as? [String: Any])
            #expect((properties["primary_id"] as? [String: Any])?["description"] as? String == "The primary identifier of the user.")
            let contact = try #require((properties["contact_info"] as? [String: Any])?["properties"] as? [String: Any])
            let address = try #require(((contact["address"] as? [String: Any])?["items"] as? [String: Any])?["properties"] as? [String: Any])
            #expect((address["line1"] as? [String: Any])?["description"] as? String == "Line 1 of the address.")
        }
    }

    @Test func aSchemaCheckFindsWhatDoesNotConform() {
        let check = SchemaCheck(document: ["components": ["schemas": ["thing": ["type": "object", "properties": ["n": ["type": "number"]]]]]])
        let schema: [String: Any] = ["$ref": "#/components/schemas/thing"]
        #expect(check.problems(["n": 1], schema).isEmpty)
        #expect(check.problems(["n": "1"], schema) == ["$.n: not a number"])
        #expect(check.problems(["n": true], schema) == ["$.n: not a number"])
        #expect(check.problems(["m": 1], schema) == ["$.m: not in the schema"])
    }
}
