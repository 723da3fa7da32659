import Foundation
import HTTPTypes
import LecternCore
import LecternTesting
import Testing

/// Any `item_data` a client can send to `PUT …/items/{item_pid}` is either refused with a
/// documented 4xx and changes nothing, or accepted and read back as sent.
struct ItemWritePropertyTests {
    /// Values for an item's fields, as JSON literals.
    static let values =
        [
            "", "plain", "2020-01-15Z", "2020-02-30", "yesterday", "true", "perhaps", "<i>&amp;</i>", "\u{1}", "\u{FFFE}",
            String(repeating: "n", count: 255), String(repeating: "o", count: 4_001), "LOAN", "MISSING", "NOT_A_CODE",
        ].map(UserWritePropertyTests.literal) + ["7", "false", "null"]
    /// The fields of `item_data` a PUT may carry.
    static let fields = [
        "description", "public_note", "fulfillment_note", "internal_note_1", "arrival_date", "inventory_date", "is_magnetic",
        "process_type", "pieces", "pages", "year_of_issue",
    ]

    static func body(_ fields: [String: String]) -> String {
        let members = (["barcode": UserWritePropertyTests.literal("PROP-1")].merging(fields) { $1 })
            .map { "\(UserWritePropertyTests.literal($0.key)):\($0.value)" }.joined(separator: ",")
        return #"{"item_data":{"# + members + #",\#(#""physical_material_type":{"value":"BOOK"}"#)}}"#
    }

    @Test func everyPutIsRefusedWholeOrReadBackAsSent() async throws {
        let lectern = try await TestLectern.make()
        var random = SeededGenerator(seed: 2026_12_08)
        var bodies: [[String: String]] = []
        for _ in 0..<50 {
            var fields: [String: String] = [:]
            for _ in 0..<(1 + random.int(3)) { fields[random.pick(Self.fields)] = random.pick(Self.values) }
            bodies.append(fields)
        }
        try await lectern.withClient { [bodies] client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib()
            let holdingID = try await catalog.createHolding(mmsID)
            let pid = try await catalog.createItem(mmsID, holdingID, barcode: "PROP-1")
            let path = "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)/items/\(pid)"
            var accepted = 0
            for fields in bodies {
                let before = try await client.send(.get, path + "?format=json", key: lectern.sandboxKey)
                let answer = try await client.send(
                    .put,
                    path + "?format=json",
                    key: lectern.sandboxKey,
                    headers: [.contentType: "application/json"],
                    body: Self.body(fields)
                )
                let after = try await client.send(.get, path + "?format=json", key: lectern.sandboxKey)
                let item = try #require(try Wire.json(after.body)["item_data"] as? [String: Any])
                if answer.status == 200 {
                    accepted += 1
                    for (name, literal) in fields {
                        let sent = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: .fragmentsAllowed)
                        let back = item[name]
                        let shown = (back as? [String: Any])?["value"] ?? back
                        switch sent {
                        case let text as String where name == "is_magnetic":
                            #expect(shown as? Bool == (text == "true"), "\(name): \(text)")
                        case let text as String where !text.isEmpty:
                            #expect(shown as? String == text, "\(name) sent \(text.prefix(40)), read \(String(describing: shown).prefix(60))")
                        default:
                            break
                        }
                    }
                } else {
                    #expect(answer.status == 400, "\(fields): \(answer.status) \(answer.text)")
                    #expect(try Wire.jsonErrorCodes(answer.body).count == 1)
                    #expect(
                        NSDictionary(dictionary: try Wire.json(after.body)).isEqual(to: try Wire.json(before.body)),
                        "a refused PUT changed the item: \(fields)"
                    )
                }
            }
            #expect(accepted > 5)
            #expect(accepted < bodies.count)
        }
    }
}
