import Foundation
import HTTPTypes
import LecternCore
import LecternTesting
import Testing

/// One property per write endpoint: any body a client can send is either refused with a
/// documented 4xx and changes nothing, or accepted and read back as sent. Bodies are seeded-random
/// mixes of hostile values (too long, wrong kinds, bad dates, control characters, markup) in the
/// endpoint's text, date and flag fields. (User and item PUTs: `UserWritePropertyTests`, `ItemWritePropertyTests`.)
struct WritePropertyTests {
    /// A write endpoint under test.
    struct Endpoint: Sendable {
        var method: HTTPRequest.Method
        var contentType: String
        var fields: [String]
        /// The paths to write and to read back, after whatever set-up the endpoint needs; `round` numbers the bodies.
        var paths: @Sendable (LecternClient, String, Int) async throws -> (write: String, read: String)
        /// The body carrying `fields` (name to a JSON literal, or the text itself for XML).
        var body: @Sendable ([String: String], Int) -> String
        /// What the read answer shows for `field`, as text.
        var readBack: @Sendable ([UInt8], String) throws -> String?
    }

    static let values = [
        "plain", "2030-12-31Z", "2030-02-30", "not-a-date", "true", "perhaps", "<b>&amp;</b>", "\u{1}", "\u{FFFE}",
        String(repeating: "é", count: 255), String(repeating: "x", count: 4_001), "tab\there", "🦉 owl",
    ]

    static func literal(_ text: String) -> String { UserWritePropertyTests.literal(text) }

    /// A JSON object of `members` (names to JSON literals).
    static func object(_ members: [String: String]) -> String {
        "{" + members.map { "\(Self.literal($0.key)):\($0.value)" }.joined(separator: ",") + "}"
    }

    /// The id of a demo research asset.
    static func demoAssetID(_ client: LecternClient, key: String) async throws -> String {
        let list = try Self.json(try await client.send(.get, "/esploro/v1/assets?org_code=DEPT_CS&limit=1", key: key).body)
        let record = try #require((list["records"] as? [[String: Any]])?.first)
        return try #require((record["originalRepository"] as? [String: Any])?["assetId"] as? String)
    }

    static func check(_ endpoint: Endpoint, seed: UInt64, rounds: Int = 30) async throws {
        var random = SeededGenerator(seed: seed)
        var bodies: [[String: String]] = []
        for _ in 0..<rounds {
            var fields: [String: String] = [:]
            for _ in 0..<(1 + random.int(2)) { fields[random.pick(endpoint.fields)] = random.pick(Self.values) }
            bodies.append(fields)
        }
        let lectern = try await TestLectern.make()
        try await lectern.withClient { [bodies] client in
            var accepted = 0
            /// The object at `path`, following a redirect (`/items?item_barcode=`) as a client does.
            func get(_ path: String) async throws -> Answer {
                let answer = try await client.send(.get, path, key: lectern.sandboxKey, headers: [.accept: "application/json"])
                guard answer.status == 302, let location = answer.headers[.location], let url = URL(string: location) else { return answer }
                let target = url.path + (url.query.map { "?\($0)" } ?? "")
                return try await client.send(.get, target, key: lectern.sandboxKey, headers: [.accept: "application/json"])
            }
            for (round, fields) in bodies.enumerated() {
                let (write, read) = try await endpoint.paths(client, lectern.sandboxKey, round)
                let before = try await get(read)
                let answer = try await client.send(
                    endpoint.method,
                    write,
                    key: lectern.sandboxKey,
                    headers: [.contentType: endpoint.contentType, .accept: "application/json"],
                    body: endpoint.body(fields, round)
                )
                let after = try await get(read)
                if (200..<300).contains(answer.status) {
                    accepted += 1
                    #expect(after.status == 200)
                    for (name, value) in fields {
                        let back = try endpoint.readBack(after.body, name)
                        #expect(back == value, "\(name) sent \(value.prefix(30)), read \(String(describing: back).prefix(40))")
                    }
                } else {
                    #expect(answer.status == 400, "\(fields): \(answer.status) \(answer.text.prefix(300))")
                    #expect(after.status == before.status, "a refused write changed \(read)")
                    if before.status == 200 {
                        #expect(try Self.canonical(after.body) == Self.canonical(before.body), "a refused write changed \(read)")
                    } else {
                        #expect(try Wire.jsonErrorCodes(after.body) == Wire.jsonErrorCodes(before.body))
                    }
                }
            }
            #expect(accepted > 0)
            #expect(accepted < bodies.count)
        }
    }

    static func json(_ bytes: [UInt8]) throws -> [String: Any] { try Wire.json(bytes) }

    /// A `<bib>` whose fields (`"245 a"`: a tag and its `$a`) hold the values, escaped, with a
    /// base title when none is given, and `extra` MARCXML.
    static func bibXML(_ fields: [String: String], extra: String = "") -> String {
        let data = (["245 a": "Base"].merging(fields) { $1 }).sorted { $0.key < $1.key }.map { name, value in
            let escaped = value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            return #"<datafield ind1="1" ind2="0" tag="\#(name.prefix(3))"><subfield code="a">\#(escaped)</subfield></datafield>"#
        }
        return "<bib><record><leader>00000nam a2200000 a 4500</leader>\(extra)\(data.joined())</record></bib>"
    }

    /// A JSON answer with its keys sorted, to compare two answers whole.
    static func canonical(_ bytes: [UInt8]) throws -> Data {
        try JSONSerialization.data(withJSONObject: try json(bytes), options: .sortedKeys)
    }

    @Test func creatingUsers() async throws {
        try await Self.check(
            Endpoint(
                method: .post,
                contentType: "application/json",
                fields: ["first_name", "last_name", "job_description", "birth_date", "expiry_date", "pref_first_name"],
                paths: { _, _, round in ("/almaws/v1/users", "/almaws/v1/users/prop.\(round)") },
                body: { fields, round in
                    var members = ["primary_id": Self.literal("prop.\(round)"), "last_name": Self.literal("Base")]
                    for (name, value) in fields { members[name] = Self.literal(value) }
                    return Self.object(members)
                },
                readBack: { bytes, name in try Self.json(bytes)[name] as? String }
            ),
            seed: 1
        )
    }

    @Test func updatingResearchers() async throws {
        try await Self.check(
            Endpoint(
                method: .put,
                contentType: "application/json",
                fields: ["first_name", "last_name", "pref_last_name", "birth_date", "web_site_url"],
                paths: { client, key, _ in
                    let list = try Self.json(try await client.send(.get, "/esploro/v1/researchers?limit=1&format=json", key: key).body)
                    let id = try #require(((list["user"] as? [[String: Any]])?.first)?["primary_id"] as? String)
                    return ("/esploro/v1/researchers/\(id)", "/esploro/v1/researchers/\(id)")
                },
                body: { fields, _ in
                    let members = ["is_researcher": "true", "last_name": Self.literal("Base")].merging(fields.mapValues(Self.literal)) { $1 }
                    return Self.object(members)
                },
                readBack: { bytes, name in try Self.json(bytes)[name] as? String }
            ),
            seed: 2
        )
    }

    @Test func updatingAssets() async throws {
        try await Self.check(
            Endpoint(
                method: .put,
                contentType: "application/json",
                fields: ["title", "publisher", "description.abstract", "date.published"],
                paths: { client, key, _ in
                    let id = try await Self.demoAssetID(client, key: key)
                    return ("/esploro/v1/assets/\(id)", "/esploro/v1/assets/\(id)")
                },
                body: { fields, _ in Self.assetBody(fields) },
                readBack: { bytes, name in ((try Self.json(bytes)["records"] as? [[String: Any]])?.first?[name]) as? String }
            ),
            seed: 3
        )
    }

    @Test func creatingItems() async throws {
        try await Self.check(
            Endpoint(
                method: .post,
                contentType: "application/json",
                fields: ["description", "public_note", "arrival_date", "internal_note_1", "pieces"],
                paths: { client, key, round in
                    let catalog = Catalog(client: client, key: key)
                    let mmsID = try await catalog.createBib()
                    let holdingID = try await catalog.createHolding(mmsID)
                    let items = "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)/items"
                    return (items, "/almaws/v1/items?item_barcode=PROP-\(round)")
                },
                body: { fields, round in
                    let members = ["barcode": Self.literal("PROP-\(round)")].merging(fields.mapValues(Self.literal)) { $1 }
                    return #"{"item_data":"# + Self.object(members) + "}"
                },
                readBack: { bytes, name in
                    let data = try Self.json(bytes)["item_data"] as? [String: Any]
                    return data?[name] as? String
                }
            ),
            seed: 4,
            rounds: 20
        )
    }

    @Test func updatingBibs() async throws {
        try await Self.check(
            Endpoint(
                method: .put,
                contentType: "application/xml",
                fields: ["245 a", "100 a", "500 a"],
                paths: { client, key, _ in
                    let mmsID = try await Catalog(client: client, key: key).createBib()
                    return ("/almaws/v1/bibs/\(mmsID)", "/almaws/v1/bibs/\(mmsID)")
                },
                body: { fields, _ in Self.bibXML(fields) },
                readBack: { bytes, name in
                    let record = ((try Self.json(bytes)["anies"] as? [String])?.first).flatMap { try? MARCFields.anies($0) }
                    return record?.data(String(name.prefix(3))).first?.subfield("a")
                }
            ),
            seed: 5,
            rounds: 20
        )
    }

    @Test func updatingHoldings() async throws {
        try await Self.check(
            Endpoint(
                method: .put,
                contentType: "application/xml",
                fields: ["h", "i", "z"],
                paths: { client, key, _ in
                    let catalog = Catalog(client: client, key: key)
                    let mmsID = try await catalog.createBib()
                    let holding = "/almaws/v1/bibs/\(mmsID)/holdings/\(try await catalog.createHolding(mmsID))"
                    return (holding, holding)
                },
                body: { fields, _ in
                    let subfields = (["h": "QA76"].merging(fields) { $1 }).sorted { $0.key < $1.key }.map { code, value in
                        let escaped = value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                        return #"<subfield code="\#(code)">\#(escaped)</subfield>"#
                    }.joined()
                    return #"<holding><record><leader>00000nx  a2200000un 4500</leader><datafield ind1="0" ind2=" " tag="852">"#
                        + #"<subfield code="b">MAIN</subfield><subfield code="c">STACKS</subfield>\#(subfields)</datafield></record></holding>"#
                },
                readBack: { bytes, code in
                    let record = ((try Self.json(bytes)["anies"] as? [String])?.first).flatMap { try? MARCFields.anies($0) }
                    return record?.data("852").first?.subfield(code)
                }
            ),
            seed: 6,
            rounds: 20
        )
    }

    /// `{"records":[{…}]}` with a base title and type and `fields`.
    static func assetBody(_ fields: [String: String], extra: [String: String] = [:]) -> String {
        let members = ["title": Self.literal("Base"), "resourcetype.esploro": Self.literal("publication.journalArticle")]
            .merging(extra) { $1 }.merging(fields.mapValues(Self.literal)) { $1 }
        return #"{"records":["# + Self.object(members) + "]}"
    }

    static let assetFields = ["title", "publisher", "description.abstract", "date.published"]

    static func firstAsset(_ bytes: [UInt8], _ name: String) throws -> String? {
        ((try Self.json(bytes)["records"] as? [[String: Any]])?.first?[name]) as? String
    }

    @Test func creatingResearchers() async throws {
        try await Self.check(
            Endpoint(
                method: .post,
                contentType: "application/json",
                fields: ["first_name", "last_name", "pref_last_name", "birth_date", "web_site_url"],
                paths: { _, _, round in ("/esploro/v1/researchers", "/esploro/v1/researchers/prop.\(round)") },
                body: { fields, round in
                    let members = ["primary_id": Self.literal("prop.\(round)"), "is_researcher": "true", "last_name": Self.literal("Base")]
                        .merging(fields.mapValues(Self.literal)) { $1 }
                    return Self.object(members)
                },
                readBack: { bytes, name in try Self.json(bytes)[name] as? String }
            ),
            seed: 7
        )
    }

    @Test func creatingAssets() async throws {
        try await Self.check(
            Endpoint(
                method: .post,
                contentType: "application/json",
                fields: Self.assetFields,
                paths: { _, _, round in ("/esploro/v1/assets?is_draft=false", "/esploro/v1/assets?doi=10.5555/prop.\(round)") },
                body: { fields, round in Self.assetBody(fields, extra: ["identifier.doi": Self.literal("10.5555/prop.\(round)")]) },
                readBack: Self.firstAsset
            ),
            seed: 8
        )
    }

    @Test func patchingAssets() async throws {
        try await Self.check(
            Endpoint(
                method: .post,
                contentType: "application/json",
                fields: ["identifier.pmid", "identifier.isbn", "grants.note", "date.published"],
                paths: { client, key, _ in
                    let id = try await Self.demoAssetID(client, key: key)
                    return ("/esploro/v1/assets/\(id)?op=patch&action=replace", "/esploro/v1/assets/\(id)")
                },
                body: { fields, _ in #"{"records":["# + Self.object(fields.mapValues(Self.literal)) + "]}" },
                readBack: Self.firstAsset
            ),
            seed: 9
        )
    }

    @Test func creatingBibs() async throws {
        try await Self.check(
            Endpoint(
                method: .post,
                contentType: "application/xml",
                fields: ["245 a", "100 a", "500 a"],
                paths: { _, _, round in ("/almaws/v1/bibs", "/almaws/v1/bibs?other_system_id=\(Catalog.escaped("(PROP)\(round)"))") },
                body: { fields, round in
                    Self.bibXML(fields, extra: #"<datafield ind1=" " ind2=" " tag="035"><subfield code="a">(PROP)\#(round)</subfield></datafield>"#)
                },
                readBack: { bytes, name in
                    let bib = (try Self.json(bytes)["bib"] as? [[String: Any]])?.first
                    let record = ((bib?["anies"] as? [String])?.first).flatMap { try? MARCFields.anies($0) }
                    return record?.data(String(name.prefix(3))).first?.subfield("a")
                }
            ),
            seed: 10,
            rounds: 20
        )
    }
}
