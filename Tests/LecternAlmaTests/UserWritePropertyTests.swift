import Foundation
import HTTPTypes
import LecternCore
import LecternTesting
import Testing

/// Any body a client can send to `PUT /users/{id}` is either refused with a documented 4xx and
/// changes nothing, or accepted and read back as sent; and concurrent writers never mix.
struct UserWritePropertyTests {
    /// Values a script, a bad spreadsheet or an attacker may put in a field, as JSON literals.
    static let values: [String] =
        [
            "", "plain", String(repeating: "é", count: 255), String(repeating: "x", count: 256), String(repeating: "y", count: 5_000),
            "2030-12-31Z", "2030-02-30", "not-a-date", "true", "perhaps", "<b>&amp;</b>", "\u{0}", "\u{1}", "\u{FFFE}", "tab\there",
            "line\nbreak", "🦉 owl",
        ].map(Self.literal) + ["5", "-1", "3.5", "true", "null", #"{"nested":"object"}"#, #"["an","array"]"#]
    /// The user's fields a PUT may carry.
    static let fields = [
        "first_name", "middle_name", "last_name", "job_description", "web_site_url", "birth_date", "expiry_date", "purge_date",
        "is_researcher", "pref_first_name", "external_id", "force_password_change",
    ]

    static func literal(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: text, options: .fragmentsAllowed), as: UTF8.self)
    }

    /// A user body with `fields` (JSON literals by name).
    static func body(_ fields: [String: String]) -> String {
        var members = ["primary_id": Self.literal("prop.user"), "user_group": #"{"value":"FACULTY"}"#]
        members.merge(fields) { $1 }
        return "{" + members.map { "\(Self.literal($0.key)):\($0.value)" }.joined(separator: ",") + "}"
    }

    static func read(_ client: LecternClient, key: String) async throws -> [String: Any] {
        let answer = try await client.send(.get, "/almaws/v1/users/prop.user?format=json", key: key)
        try #require(answer.status == 200, "\(answer.text)")
        return try Wire.json(answer.body)
    }

    @Test func everyPutIsRefusedWholeOrReadBackAsSent() async throws {
        let lectern = try await TestLectern.make()
        var random = SeededGenerator(seed: 2026_12_07)
        var bodies: [[String: String]] = []
        for _ in 0..<120 {
            var fields = ["last_name": Self.literal("Base")]
            for _ in 0..<(1 + random.int(3)) { fields[random.pick(Self.fields)] = random.pick(Self.values) }
            bodies.append(fields)
        }
        try await lectern.withClient { [bodies] client in
            let created = try await client.send(
                .post,
                "/almaws/v1/users",
                key: lectern.sandboxKey,
                headers: [.contentType: "application/json"],
                body: Self.body(["last_name": Self.literal("Base")])
            )
            try #require(created.status == 200, "\(created.text)")
            var accepted = 0
            for fields in bodies {
                let before = try await Self.read(client, key: lectern.sandboxKey)
                let answer = try await client.send(
                    .put,
                    "/almaws/v1/users/prop.user?format=json",
                    key: lectern.sandboxKey,
                    headers: [.contentType: "application/json"],
                    body: Self.body(fields)
                )
                let after = try await Self.read(client, key: lectern.sandboxKey)
                if answer.status == 200 {
                    accepted += 1
                    for (name, literal) in fields {
                        let sent = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: .fragmentsAllowed)
                        let back = after[name]
                        switch sent {
                        case let text as String where name == "is_researcher":
                            #expect(back as? Bool == (text == "true"), "\(name): \(text)")
                        case let text as String where !text.isEmpty:
                            #expect(back as? String == text, "\(name) sent \(text.prefix(40)), read \(String(describing: back).prefix(40))")
                        default:
                            break
                        }
                    }
                } else {
                    #expect(answer.status == 400, "\(fields): \(answer.status) \(answer.text)")
                    #expect(try Wire.jsonErrorCodes(answer.body).count == 1)
                    #expect(NSDictionary(dictionary: after).isEqual(to: before), "a refused PUT changed the user: \(fields)")
                }
            }
            #expect(accepted > 10)
            #expect(accepted < bodies.count)
        }
    }

    @Test func fiftyConcurrentWritersNeverMixTwoWrites() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let key = lectern.sandboxKey
            for index in 0..<10 {
                let created = try await client.send(
                    .post,
                    "/almaws/v1/users",
                    key: key,
                    headers: [.contentType: "application/json"],
                    body: Self.body(["primary_id": Self.literal("writer.\(index)"), "last_name": Self.literal("Start")])
                )
                try #require(created.status == 200, "\(created.text)")
            }
            let statuses = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
                for writer in 0..<50 {
                    group.addTask {
                        let target = writer < 25 ? "writer.0" : "writer.\(writer % 10)"
                        let name = Self.literal("W\(writer)")
                        let body = Self.body([
                            "primary_id": Self.literal(target), "first_name": name, "last_name": name, "job_description": name,
                        ])
                        let answer = try await client.send(
                            .put,
                            "/almaws/v1/users/\(target)?format=json",
                            key: key,
                            headers: [.contentType: "application/json"],
                            body: body
                        )
                        return (writer, answer.status)
                    }
                }
                var statuses: [Int: Int] = [:]
                for try await (writer, status) in group { statuses[writer] = status }
                return statuses
            }
            #expect(statuses.values.allSatisfy { $0 == 200 }, "\(statuses)")
            for index in 0..<10 {
                let answer = try await client.send(.get, "/almaws/v1/users/writer.\(index)?format=json", key: key)
                let user = try Wire.json(answer.body)
                let first = try #require(user["first_name"] as? String)
                #expect(user["last_name"] as? String == first)
                #expect(user["job_description"] as? String == first)
                #expect(first.hasPrefix("W"))
            }
        }
    }
}
