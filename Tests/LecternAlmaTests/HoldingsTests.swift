import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// `/almaws/v1/bibs/{mms_id}/holdings[/{holding_id}]` over HTTP: MARC holdings records, written
/// in XML only, whose 852 must name a library and one of its locations.
struct HoldingsTests {
    @Test func createsReadsListsAndUpdatesAHolding() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib()
            let created = try await client.send(
                .post,
                "/almaws/v1/bibs/\(mmsID)/holdings",
                key: lectern.sandboxKey,
                headers: Catalog.xmlBody,
                body: Samples.holding()
            )
            #expect(created.status == 200)
            let xml = try Wire.xml(created.body)
            #expect(xml.root == "holding")
            let holdingID = try #require(xml.text("holding_id"))
            #expect(Catalog.isCatalogID(holdingID, prefix: "22"))
            #expect(holdingID.suffix(4) == mmsID.suffix(4))
            #expect(xml.text("suppress_from_publishing") == "false")
            let record = try #require(try MARCFields.records(in: created.body).first)
            #expect(record.control("001") == [holdingID])
            #expect(record.control("004") == [mmsID])
            let sent = try MARCFields.records(in: Array(Samples.holding().utf8))[0]
            #expect(record.withoutControlFields(["001", "004", "005"]) == sent)

            // GET in XML and JSON.
            let read = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)", key: lectern.sandboxKey)
            #expect(read.status == 200)
            #expect(try MARCFields.records(in: read.body) == [record])
            let json = try Wire.json(
                try await client.send(.get, "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)", key: lectern.sandboxKey, headers: Catalog.json).body
            )
            #expect(json["holding_id"] as? String == holdingID)
            #expect(json["suppress_from_publishing"] as? String == "false")
            #expect(try MARCFields.anies(try #require((json["anies"] as? [String])?.first)) == record)

            // The list: brief holdings with library and location described, and the bib.
            let list = try CanonicalJSON(
                json: try await client.send(.get, "/almaws/v1/bibs/\(mmsID)/holdings?format=json", key: lectern.sandboxKey).body
            )
            #expect(list["total_record_count"] == .number(1))
            guard case .array(let holdings) = list["holding"], holdings.count == 1 else {
                Issue.record("no holding array in \(list)")
                return
            }
            #expect(holdings[0]["holding_id"] == .string(holdingID))
            #expect(holdings[0]["library"] == .object(["value": .string("MAIN"), "desc": .string("Main Library")]))
            #expect(holdings[0]["location"] == .object(["value": .string("STACKS"), "desc": .string("Main Stacks")]))
            #expect(holdings[0]["call_number"] == .string("QA76.6 .C662 2009"))
            #expect(holdings[0]["suppress_from_publishing"] == .string("false"))
            guard case .string(let link) = holdings[0]["link"] else {
                Issue.record("holding without link")
                return
            }
            #expect(link.hasSuffix("/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)"))
            #expect(list["bib_data"]?["mms_id"] == .string(mmsID))
            #expect(list["bib_data"]?["title"] == .string("Introduction to algorithms /"))
            let listXML = try Wire.xml(try await client.send(.get, "/almaws/v1/bibs/\(mmsID)/holdings", key: lectern.sandboxKey).body)
            #expect(listXML.root == "holdings")
            #expect(listXML.rootAttributes["total_record_count"] == "1")
            #expect(listXML.attributes["library"]?.first?["desc"] == "Main Library")
            #expect(listXML.texts["suppress_from_publishing"] == ["false"])
            // A brief holding has the recorded elements, in the recorded order (issue 26, item 4).
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Recorded/bibsys-example/holdings.xml")
            let recorded = try Wire.xml(Array(try Data(contentsOf: url)))
            func briefHolding(_ xml: XMLSummary) -> [String] {
                var seen: [String] = []
                for path in xml.paths where path.hasPrefix("holdings/holding/") && !seen.contains(path) { seen.append(path) }
                return seen
            }
            #expect(briefHolding(listXML) == briefHolding(recorded))

            // PUT: the holding moves to the reference shelves, keeps its id and creation.
            let moved = read.text.replacingOccurrences(of: #"<subfield code="c">STACKS</subfield>"#, with: #"<subfield code="c">REF</subfield>"#)
            #expect(moved != read.text)
            let put = try await client.send(
                .put,
                "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)",
                key: lectern.sandboxKey,
                headers: Catalog.xmlBody,
                body: moved
            )
            #expect(put.status == 200)
            let after = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)", key: lectern.sandboxKey)
            let afterRecord = try #require(try MARCFields.records(in: after.body).first)
            #expect(afterRecord.data("852").first?.subfield("c") == "REF")
            #expect(afterRecord.control("001") == [holdingID])
            #expect(afterRecord.control("004") == [mmsID])
            #expect(try Wire.xml(after.body).text("created_date") == xml.text("created_date"))
            let listAfter = try Wire.xml(try await client.send(.get, "/almaws/v1/bibs/\(mmsID)/holdings", key: lectern.sandboxKey).body)
            #expect(listAfter.texts["location"] == ["REF"])
            #expect(listAfter.attributes["location"]?.first?["desc"] == "Reference")
            let holdings1 = try await catalog.holdingCount(mmsID)
            #expect(holdings1 == 1)
        }
    }

    @Test func writesAreXMLOnly() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib()
            let holdingID = try await catalog.createHolding(mmsID)
            let json = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)?format=json", key: lectern.sandboxKey)
            let before = try await catalog.probe()
            let post = try await client.send(
                .post,
                "/almaws/v1/bibs/\(mmsID)/holdings",
                key: lectern.sandboxKey,
                headers: Catalog.jsonBody,
                body: json.text
            )
            #expect(post.status == 400)
            #expect(try Wire.jsonErrorCodes(post.body) == ["60105"])
            let put = try await client.send(
                .put,
                "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)",
                key: lectern.sandboxKey,
                headers: Catalog.jsonBody,
                body: json.text.replacingOccurrences(of: "STACKS", with: "REF")
            )
            #expect(try Wire.jsonErrorCodes(put.body) == ["60105"])
            let after2 = try await catalog.probe()
            #expect(after2 == before + 1)
            let holdings3 = try await catalog.holdingCount(mmsID)
            #expect(holdings3 == 1)
            let after = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)?format=json", key: lectern.sandboxKey)
            #expect(after.text == json.text)
        }
    }

    static let invalidHoldings: [(String, String)] = [
        ("unknown library", Samples.holding(library: "NOPE", location: "STACKS")),
        ("unknown location", Samples.holding(library: "MAIN", location: "NOPE")),
        ("a location of another library", Samples.holding(library: "MAIN", location: "JOURNALS")),
        ("no 852", Samples.holding().replacingOccurrences(of: #"tag="852""#, with: #"tag="866""#)),
        ("no 852 $c", Samples.holding().replacingOccurrences(of: #"<subfield code="c">STACKS</subfield>"#, with: "")),
        ("no record", "<holding><suppress_from_publishing>false</suppress_from_publishing></holding>"),
        ("not MARC", Samples.holding().replacingOccurrences(of: #"tag="852""#, with: #"tag="85""#)),
    ]

    @Test(arguments: invalidHoldings)
    func anInvalidHoldingIsRefusedAndNothingIsWritten(name: String, body: String) async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib()
            let holdingID = try await catalog.createHolding(mmsID)
            let stored = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)", key: lectern.sandboxKey)
            let before = try await catalog.probe()
            let post = try await client.send(
                .post,
                "/almaws/v1/bibs/\(mmsID)/holdings?format=json",
                key: lectern.sandboxKey,
                headers: Catalog.xmlBody,
                body: body
            )
            #expect(post.status == 400)
            #expect(try Wire.jsonErrorCodes(post.body) == ["402211"])
            let put = try await client.send(
                .put,
                "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)?format=json",
                key: lectern.sandboxKey,
                headers: Catalog.xmlBody,
                body: body
            )
            #expect(put.status == 400)
            #expect(try Wire.jsonErrorCodes(put.body) == ["402211"])
            let after4 = try await catalog.probe()
            #expect(after4 == before + 1)
            let holdings5 = try await catalog.holdingCount(mmsID)
            #expect(holdings5 == 1)
            let after = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)", key: lectern.sandboxKey)
            #expect(after.text == stored.text)
        }
    }

    @Test func unknownHoldingsAndHoldingsOfAnotherBib() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let first = try await catalog.createBib()
            let second = try await catalog.createBib(Samples.bib(title: "Second", systemNumber: "(H)2"))
            let holdingID = try await catalog.createHolding(first)
            let unknown = "22999999999\(holdingID.suffix(4))"
            for path in ["/almaws/v1/bibs/\(first)/holdings/\(unknown)", "/almaws/v1/bibs/\(second)/holdings/\(holdingID)"] {
                let get = try await client.send(.get, path + "?format=json", key: lectern.sandboxKey)
                #expect(get.status == 400)
                #expect(try Wire.jsonErrorCodes(get.body) == ["60213"], "\(path)")
                let delete = try await client.send(.delete, path + "?format=json", key: lectern.sandboxKey)
                #expect(try Wire.jsonErrorCodes(delete.body) == ["60213"], "\(path)")
                let put = try await client.send(
                    .put,
                    path + "?format=json",
                    key: lectern.sandboxKey,
                    headers: Catalog.xmlBody,
                    body: Samples.holding()
                )
                #expect(try Wire.jsonErrorCodes(put.body) == ["60213"], "\(path)")
            }
            let unknownBib = try await client.send(
                .post,
                "/almaws/v1/bibs/99999999999\(first.suffix(4))/holdings?format=json",
                key: lectern.sandboxKey,
                headers: Catalog.xmlBody,
                body: Samples.holding()
            )
            #expect(try Wire.jsonErrorCodes(unknownBib.body) == ["402203"])
            let badBib = try await client.send(.get, "/almaws/v1/bibs/holdings/holdings?format=json", key: lectern.sandboxKey)
            #expect(try Wire.jsonErrorCodes(badBib.body) == ["402204"])
            let holdings6 = try await catalog.holdingCount(first)
            #expect(holdings6 == 1)
            let holdings7 = try await catalog.holdingCount(second)
            #expect(holdings7 == 0)
        }
    }

    @Test func aHoldingWithItemsCannotBeDeleted() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib()
            let holdingID = try await catalog.createHolding(mmsID)
            let pid = try await catalog.createItem(mmsID, holdingID, barcode: "HOLD-0001")
            let blocked = try await client.send(.delete, "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)?format=json", key: lectern.sandboxKey)
            #expect(blocked.status == 400)
            #expect(try Wire.jsonErrorCodes(blocked.body) == ["60214"])
            let holdings8 = try await catalog.holdingCount(mmsID)
            #expect(holdings8 == 1)
            let items9 = try await catalog.itemCount(mmsID)
            #expect(items9 == 1)

            let itemDeleted = try await client.send(
                .delete,
                "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)/items/\(pid)",
                key: lectern.sandboxKey
            )
            #expect(itemDeleted.status == 204)
            let deleted = try await client.send(.delete, "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)", key: lectern.sandboxKey)
            #expect(deleted.status == 204)
            #expect(deleted.body.isEmpty)
            let gone = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)?format=json", key: lectern.sandboxKey)
            #expect(try Wire.jsonErrorCodes(gone.body) == ["60213"])
            // bib=retain is the default: the bib stays, without holdings.
            let holdings10 = try await catalog.holdingCount(mmsID)
            #expect(holdings10 == 0)
            _ = try await catalog.bibJSON(mmsID)
        }
    }

    @Test func deletingTheLastHoldingWithBibDeleteDeletesTheBib() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib()
            let first = try await catalog.createHolding(mmsID)
            let second = try await catalog.createHolding(mmsID, library: "SCI", location: "STACKS")
            // Not the last holding: the bib stays.
            let one = try await client.send(.delete, "/almaws/v1/bibs/\(mmsID)/holdings/\(first)?bib=delete", key: lectern.sandboxKey)
            #expect(one.status == 204)
            let holdings11 = try await catalog.holdingCount(mmsID)
            #expect(holdings11 == 1)
            // The last one: the bib goes with it.
            let last = try await client.send(.delete, "/almaws/v1/bibs/\(mmsID)/holdings/\(second)?bib=delete", key: lectern.sandboxKey)
            #expect(last.status == 204)
            let bib = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)?format=json", key: lectern.sandboxKey)
            #expect(try Wire.jsonErrorCodes(bib.body) == ["402203"])
            let found12 = try await catalog.bibsWithSystemNumber(Samples.systemNumber)
            #expect(found12 == [])
        }
    }

    @Test func deletingTheLastHoldingWithBibSuppressSuppressesTheBib() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib()
            let before = try await catalog.bibJSON(mmsID)
            #expect(before["suppress_from_publishing"] as? String == "false")
            let holdingID = try await catalog.createHolding(mmsID)
            let deleted = try await client.send(.delete, "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)?bib=suppress", key: lectern.sandboxKey)
            #expect(deleted.status == 204)
            let after = try await catalog.bibJSON(mmsID)
            #expect(after["suppress_from_publishing"] as? String == "true")
            #expect(after["title"] as? String == before["title"] as? String)
            let beforeRecord = try MARCFields.anies(try #require((before["anies"] as? [String])?.first))
            let afterRecord = try MARCFields.anies(try #require((after["anies"] as? [String])?.first))
            #expect(afterRecord.withoutControlFields(["005"]) == beforeRecord.withoutControlFields(["005"]))
        }
    }

    @Test func anUnknownBibActionIsRefusedAndKeepsTheHolding() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib()
            let holdingID = try await catalog.createHolding(mmsID)
            let refused = try await client.send(
                .delete,
                "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)?bib=explode&format=json",
                key: lectern.sandboxKey
            )
            #expect(refused.status == 400)
            #expect(try Wire.jsonErrorCodes(refused.body).count == 1)
            let holdings13 = try await catalog.holdingCount(mmsID)
            #expect(holdings13 == 1)
        }
    }

    @Test func anotherInstitutionAndReadOnlyKeysCannotTouchHoldings() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib()
            let holdingID = try await catalog.createHolding(mmsID)
            let path = "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)"
            let read = try await client.send(.get, path + "?format=json", key: lectern.otherKey)
            #expect(try Wire.jsonErrorCodes(read.body) == ["402203"])
            let delete = try await client.send(.delete, path + "?format=json", key: lectern.otherKey)
            #expect(try Wire.jsonErrorCodes(delete.body) == ["402203"])
            let create = try await client.send(
                .post,
                "/almaws/v1/bibs/\(mmsID)/holdings?format=json",
                key: lectern.otherKey,
                headers: Catalog.xmlBody,
                body: Samples.holding()
            )
            #expect(try Wire.jsonErrorCodes(create.body) == ["402203"])
            let readOnly = try await client.send(
                .post,
                "/almaws/v1/bibs/\(mmsID)/holdings",
                key: lectern.readOnlyKey,
                headers: Catalog.xmlBody,
                body: Samples.holding()
            )
            #expect(readOnly.status == 403)
            let readOnlyDelete = try await client.send(.delete, path, key: lectern.readOnlyKey)
            #expect(readOnlyDelete.status == 403)
            let holdings14 = try await catalog.holdingCount(mmsID)
            #expect(holdings14 == 1)
        }
    }
}
