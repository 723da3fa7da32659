import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// The order of JSON members, compared with current recordings: the members an answer shares
/// with the recording come in the recording's order (issue 26: `link` last, after the element
/// members, in items, their `bib_data` and `holding_data`, libraries and locations), and the
/// members recorded for a location are all there (`accession_placement` included).
struct MemberOrderTests {
    /// A JSON value with its object members in document order, read here (not with Lectern's codec).
    indirect enum Ordered {
        case object([(String, Ordered)])
        case array([Ordered])
        case scalar

        /// The value at `path`: object members by name, the first element of an array.
        func at(_ path: [String]) -> Ordered? {
            var value = self
            for name in path {
                if case .array(let items) = value, let first = items.first { value = first }
                guard case .object(let members) = value, let next = members.first(where: { $0.0 == name })?.1 else { return nil }
                value = next
            }
            if case .array(let items) = value, let first = items.first { return first }
            return value
        }

        var keys: [String] {
            if case .object(let members) = self { members.map(\.0) } else { [] }
        }
    }

    /// A small reader of well-formed JSON that keeps member order.
    struct Reader {
        var bytes: [UInt8]
        var index = 0

        static func parse(_ bytes: [UInt8]) -> Ordered? {
            var reader = Reader(bytes: bytes)
            return reader.value()
        }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func value() -> Ordered? {
            skipSpace()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [(String, Ordered)] = []
                skipSpace()
                if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .object(members)
                }
                while true {
                    skipSpace()
                    guard let name = string() else { return nil }
                    skipSpace()
                    index += 1  // ':'
                    guard let member = value() else { return nil }
                    members.append((name, member))
                    skipSpace()
                    let separator = bytes[index]
                    index += 1
                    if separator == UInt8(ascii: "}") { return .object(members) }
                }
            case UInt8(ascii: "["):
                index += 1
                var items: [Ordered] = []
                skipSpace()
                if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .array(items)
                }
                while true {
                    guard let item = value() else { return nil }
                    items.append(item)
                    skipSpace()
                    let separator = bytes[index]
                    index += 1
                    if separator == UInt8(ascii: "]") { return .array(items) }
                }
            case UInt8(ascii: "\""):
                return string().map { _ in .scalar }
            default:
                while index < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]")].contains(bytes[index]) { index += 1 }
                return .scalar
            }
        }

        mutating func string() -> String? {
            guard bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            defer { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
    }

    static func recorded(_ path: String) throws -> Ordered {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Recorded/\(path)")
        return try #require(Reader.parse(Array(try Data(contentsOf: url))))
    }

    /// The members of `answer` at `path` that the recording (at `recordedPath`, by default the
    /// same) has too, in the answer's order, and those of the recording in its order.
    static func orders(
        _ answer: Ordered,
        _ recording: Ordered,
        at path: [String],
        recordedAt recordedPath: [String]? = nil
    ) throws -> (answer: [String], recorded: [String]) {
        let answerKeys = try #require(answer.at(path)).keys
        let recordedKeys = try #require(recording.at(recordedPath ?? path)).keys
        return (answerKeys.filter(recordedKeys.contains), recordedKeys.filter(answerKeys.contains))
    }

    /// Where an item's members are compared, and with which recording: the current one for the
    /// item and its holding, the fullest `bib_data` (both `issn` and `isbn`) for the bib.
    static let itemParts: [([String], String)] = [
        ([], "pulibrary-bibdata/barcode_32101111979348.json"),
        (["holding_data"], "pulibrary-bibdata/barcode_32101111979348.json"),
        (["item", "bib_data"], "alma_rb/bib_items-pg1.json"),
    ]

    @Test(arguments: itemParts)
    func anItemsMembersComeInTheRecordedOrderWithLinkLast(_ recordedPath: [String], _ file: String) async throws {
        let recording = try Self.recorded(file)
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let (mmsID, holdingID) = try await ItemsTests.shelf(catalog)
            let created = try await client.send(
                .post,
                ItemsTests.itemPath(mmsID, holdingID),
                key: lectern.sandboxKey,
                headers: Catalog.xmlBody,
                body: Samples.item(barcode: "ORDER-0001")
            )
            #expect(created.status == 200)
            let pid = try #require(try Wire.xml(created.body).text("pid"))
            let answer = try await client.send(.get, ItemsTests.itemPath(mmsID, holdingID, pid) + "?format=json", key: lectern.sandboxKey)
            #expect(answer.status == 200)
            let item = try #require(Reader.parse(answer.body))
            // A list of items records the item under `item`.
            let path = recordedPath.first == "item" ? Array(recordedPath.dropFirst()) : recordedPath
            let (mine, theirs) = try Self.orders(item, recording, at: path, recordedAt: recordedPath)
            #expect(mine.count >= 4)
            #expect(mine == theirs)
            #expect(mine.last == "link")
        }
    }

    @Test func librariesAndLocationsComeInTheRecordedOrderWithEveryRecordedMember() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let libraries = try await client.send(.get, "/almaws/v1/conf/libraries?format=json", key: lectern.sandboxKey)
            let (mine, theirs) = try Self.orders(
                try #require(Reader.parse(libraries.body)),
                try Self.recorded("alma_rb/libraries.json"),
                at: ["library"]
            )
            #expect(mine == theirs)
            #expect(mine.last == "link")

            let locations = try await client.send(.get, "/almaws/v1/conf/libraries/MAIN/locations?format=json", key: lectern.sandboxKey)
            let answer = try #require(Reader.parse(locations.body))
            let recording = try Self.recorded("alma_rb/locations.json")
            let (myLocation, recordedLocation) = try Self.orders(answer, recording, at: ["location"])
            #expect(myLocation == recordedLocation)
            #expect(try #require(answer.at(["location"])).keys == recording.at(["location"])?.keys)
        }
    }
}
