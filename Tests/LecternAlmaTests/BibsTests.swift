import Foundation
import FoundationXML
import HTTPTypes
import LecternTesting
import Testing

/// `/almaws/v1/bibs` and `/almaws/v1/bibs/{mms_id}` over HTTP, in XML and JSON, on bibs the tests
/// create themselves (the demo catalogue may or may not be seeded).
struct BibsTests {
    // MARK: - Create and read

    @Test func createsABibInXMLAndReadsItBackWithTheFieldsLiftedFromMARC() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let created = try await client.send(.post, "/almaws/v1/bibs", key: lectern.sandboxKey, headers: Catalog.xmlBody, body: Samples.bib())
            #expect(created.status == 200)
            #expect(created.headers[.contentType] == "application/xml;charset=UTF-8")
            let xml = try Wire.xml(created.body)
            #expect(xml.root == "bib")
            let mmsID = try #require(xml.text("mms_id"))
            #expect(Catalog.isCatalogID(mmsID, prefix: "99"))
            let record = try #require(try MARCFields.records(in: created.body).first)
            #expect(record.control("001") == [mmsID])
            #expect(record.control("005").count == 1)
            #expect(xml.text("title") == "Introduction to algorithms /")
            #expect(xml.text("author") == "Cormen, Thomas H.")
            #expect(xml.text("isbn") == "9780262033848")
            #expect(xml.texts["network_number"] == [Samples.systemNumber])
            #expect(xml.text("complete_edition") == "3rd ed.")
            #expect(xml.text("place_of_publication") == "Cambridge, Mass. :")
            #expect(xml.text("publisher_const") == "MIT Press,")
            #expect(xml.text("date_of_publication") == "c2009.")
            #expect(xml.texts["issn"] == nil)
            // The record is kept as sent, apart from 001 and 005.
            #expect(record.withoutControlFields(["001", "005"]) == Samples.bibRecord.withoutControlFields(["001", "005"]))

            // GET in XML: the same bib, with its holdings link.
            let read = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)", key: lectern.sandboxKey)
            #expect(read.status == 200)
            let readXML = try Wire.xml(read.body)
            #expect(readXML.text("mms_id") == mmsID)
            #expect(readXML.attributes["holdings"]?.first?["link"]?.hasSuffix("/almaws/v1/bibs/\(mmsID)/holdings") == true)
            #expect(try MARCFields.records(in: read.body) == [record])

            // GET in JSON: `anies` holds the record; lifted fields as strings, a missing ISSN as null.
            let json = try await catalog.bibJSON(mmsID)
            #expect(json["mms_id"] as? String == mmsID)
            #expect(json["title"] as? String == "Introduction to algorithms /")
            #expect(json["author"] as? String == "Cormen, Thomas H.")
            #expect(json["isbn"] as? String == "9780262033848")
            #expect(json["issn"] is NSNull)
            #expect(json["network_number"] as? [String] == [Samples.systemNumber])
            #expect(json["record"] == nil)
            let anies = try #require(json["anies"] as? [String])
            #expect(anies.count == 1)
            #expect(anies[0].hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-16\"?>"))
            #expect(try MARCFields.anies(anies[0]) == record)
            #expect((json["holdings"] as? [String: Any])?["link"] as? String == readXML.attributes["holdings"]?.first?["link"])
            #expect((json["holdings"] as? [String: Any])?["value"] is NSNull)
        }
    }

    @Test func createsABibFromJSONWithAnies() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let anies = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + Samples.record(title: "Gödel, Escher, Bach :", systemNumber: "(JSON)42")
            let body = String(
                decoding: try JSONSerialization.data(withJSONObject: ["anies": [anies], "suppress_from_publishing": "false"]),
                as: UTF8.self
            )
            let created = try await client.send(.post, "/almaws/v1/bibs", key: lectern.sandboxKey, headers: Catalog.jsonBody, body: body)
            #expect(created.status == 200)
            #expect(created.headers[.contentType] == "application/json;charset=UTF-8")
            let bib = try Wire.json(created.body)
            let mmsID = try #require(bib["mms_id"] as? String)
            #expect(Catalog.isCatalogID(mmsID, prefix: "99"))
            #expect(bib["title"] as? String == "Gödel, Escher, Bach :")
            #expect(bib["network_number"] as? [String] == ["(JSON)42"])
            let record = try MARCFields.anies(try #require((bib["anies"] as? [String])?.first))
            #expect(record.control("001") == [mmsID])
            #expect(record.withoutControlFields(["001", "005"]) == (try MARCFields.anies(anies)).withoutControlFields(["001", "005"]))
            // Read back in XML: the same record.
            let read = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)", key: lectern.sandboxKey)
            #expect(try MARCFields.records(in: read.body) == [record])
            let found1 = try await catalog.bibsWithSystemNumber("(JSON)42")
            #expect(found1 == [mmsID])
        }
    }

    // MARK: - Update

    @Test func putReplacesTheRecordAndKeepsTheBibsIdentity() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib()
            let before = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)", key: lectern.sandboxKey)
            let beforeXML = try Wire.xml(before.body)
            // What a cataloguer does: GET, edit the MARC, PUT the whole bib back.
            let edited = before.text
                .replacingOccurrences(of: "Introduction to algorithms /", with: "Introduction to algorithms, revised /")
                .replacingOccurrences(of: Samples.systemNumber, with: "(LECTERN)edited-1")
                .replacingOccurrences(
                    of: "</record>",
                    with: #"<datafield ind1=" " ind2=" " tag="500"><subfield code="a">Added note.</subfield></datafield></record>"#
                )
            let put = try await client.send(.put, "/almaws/v1/bibs/\(mmsID)", key: lectern.sandboxKey, headers: Catalog.xmlBody, body: edited)
            #expect(put.status == 200)
            let after = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)", key: lectern.sandboxKey)
            let afterXML = try Wire.xml(after.body)
            let expected = try #require(try MARCFields.records(in: Array(edited.utf8)).first)
            let stored = try #require(try MARCFields.records(in: after.body).first)
            #expect(stored.withoutControlFields(["005"]) == expected.withoutControlFields(["005"]))
            #expect(stored.data("500").map(\.subfields) == [[.init(code: "a", value: "Added note.")]])
            #expect(stored.control("001") == [mmsID])
            #expect(afterXML.text("mms_id") == mmsID)
            #expect(afterXML.text("title") == "Introduction to algorithms, revised /")
            #expect(afterXML.texts["network_number"] == ["(LECTERN)edited-1"])
            #expect(afterXML.text("created_date") == beforeXML.text("created_date"))
            #expect(afterXML.text("created_by") == beforeXML.text("created_by"))
            // The old system number no longer finds the bib; the new one does.
            let found2 = try await catalog.bibsWithSystemNumber(Samples.systemNumber)
            #expect(found2 == [])
            let found3 = try await catalog.bibsWithSystemNumber("(LECTERN)edited-1")
            #expect(found3 == [mmsID])
            // The JSON form shows the same record.
            let json = try await catalog.bibJSON(mmsID)
            #expect(try MARCFields.anies(try #require((json["anies"] as? [String])?.first)) == stored)
        }
    }

    @Test func putWithJSONIsNotSupportedAndChangesNothing() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib()
            let before = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)?format=json", key: lectern.sandboxKey)
            let body = before.text.replacingOccurrences(of: "Introduction to algorithms /", with: "Changed through JSON")
            let put = try await client.send(.put, "/almaws/v1/bibs/\(mmsID)", key: lectern.sandboxKey, headers: Catalog.jsonBody, body: body)
            #expect(put.status == 400)
            #expect(try Wire.jsonErrorCodes(put.body) == ["60105"])
            let after = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)?format=json", key: lectern.sandboxKey)
            #expect(try CanonicalJSON(json: after.body) == CanonicalJSON(json: before.body))
        }
    }

    @Test func putOfARecordThatIsNotMARCIsRefusedAndChangesNothing() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib()
            let before = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)", key: lectern.sandboxKey)
            let broken = before.text.replacingOccurrences(of: #"tag="245""#, with: #"tag="24""#)
            let put = try await client.send(
                .put,
                "/almaws/v1/bibs/\(mmsID)?format=json",
                key: lectern.sandboxKey,
                headers: Catalog.xmlBody,
                body: broken
            )
            #expect(put.status == 400)
            #expect(try Wire.jsonErrorCodes(put.body) == ["4022032"])
            let after = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)", key: lectern.sandboxKey)
            #expect(after.text == before.text)
        }
    }

    // MARK: - Delete

    @Test func deleteIsBlockedByInventoryUntilOverrideRemovesEverything() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib()
            let holdingID = try await catalog.createHolding(mmsID)
            let pid = try await catalog.createItem(mmsID, holdingID, barcode: "DEL-0001")

            let blocked = try await client.send(.delete, "/almaws/v1/bibs/\(mmsID)?format=json", key: lectern.sandboxKey)
            #expect(blocked.status == 400)
            #expect(try Wire.jsonErrorCodes(blocked.body) == ["4022020"])
            let stillThere = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)", key: lectern.sandboxKey)
            #expect(stillThere.status == 200)
            let holdings4 = try await catalog.holdingCount(mmsID)
            #expect(holdings4 == 1)
            let items5 = try await catalog.itemCount(mmsID)
            #expect(items5 == 1)

            let deleted = try await client.send(.delete, "/almaws/v1/bibs/\(mmsID)?override=true", key: lectern.sandboxKey)
            #expect(deleted.status == 204)
            #expect(deleted.body.isEmpty)
            let gone = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)?format=json", key: lectern.sandboxKey)
            #expect(try Wire.jsonErrorCodes(gone.body) == ["402203"])
            let holding = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)?format=json", key: lectern.sandboxKey)
            #expect(try Wire.jsonErrorCodes(holding.body) == ["402203"])
            let item = try await client.send(
                .get,
                "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)/items/\(pid)?format=json",
                key: lectern.sandboxKey
            )
            #expect(try Wire.jsonErrorCodes(item.body) == ["401690"])
            // The barcode went with the item: free again, and no longer found.
            let barcode = try await client.send(.get, "/almaws/v1/items?item_barcode=DEL-0001&format=json", key: lectern.sandboxKey)
            #expect(try Wire.jsonErrorCodes(barcode.body) == ["401689"])
            let other = try await catalog.createBib(Samples.bib(systemNumber: "(LECTERN)other"))
            let otherHolding = try await catalog.createHolding(other)
            _ = try await catalog.createItem(other, otherHolding, barcode: "DEL-0001")
            // And the system number of the deleted bib finds nothing.
            let found6 = try await catalog.bibsWithSystemNumber(Samples.systemNumber)
            #expect(found6 == [])
            let again = try await client.send(.delete, "/almaws/v1/bibs/\(mmsID)?format=json", key: lectern.sandboxKey)
            #expect(try Wire.jsonErrorCodes(again.body) == ["402203"])
        }
    }

    @Test func aBibWithoutInventoryIsDeletedWithoutOverride() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib()
            let deleted = try await client.send(.delete, "/almaws/v1/bibs/\(mmsID)", key: lectern.sandboxKey)
            #expect(deleted.status == 204)
            let gone = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)", key: lectern.sandboxKey)
            #expect(gone.status == 400)
            #expect(try Wire.xml(gone.body).text("errorCode") == "402203")
        }
    }

    // MARK: - GET /bibs

    @Test func listsSeveralBibsByMMSIDSkippingUnknownOnes() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            var ids: [String] = []
            for index in 1...3 { ids.append(try await catalog.createBib(Samples.bib(title: "Volume \(index)", systemNumber: "(LIST)\(index)"))) }
            let unknown = "99000000000000\(ids[0].suffix(4))"
            let query = [ids[0], unknown, ids[1], "not-a-number", ids[2]].joined(separator: ",")

            let xmlAnswer = try await client.send(.get, "/almaws/v1/bibs?mms_id=\(query)", key: lectern.sandboxKey)
            #expect(xmlAnswer.status == 200)
            let xml = try Wire.xml(xmlAnswer.body)
            #expect(xml.root == "bibs")
            #expect(xml.rootAttributes["total_record_count"] == "3")
            #expect(xml.texts["mms_id"] == ids)
            #expect(xml.texts["title"] == ["Volume 1", "Volume 2", "Volume 3"])
            #expect(try MARCFields.records(in: xmlAnswer.body).count == 3)

            let jsonAnswer = try await client.send(.get, "/almaws/v1/bibs?mms_id=\(query)", key: lectern.sandboxKey, headers: Catalog.json)
            let json = try Wire.json(jsonAnswer.body)
            #expect(json["total_record_count"] as? Int == 3)
            let bibs = try #require(json["bib"] as? [[String: Any]])
            #expect(bibs.map { $0["mms_id"] as? String } == ids)
            #expect(bibs.allSatisfy { ($0["anies"] as? [String])?.count == 1 })

            // One id is still a list.
            let one = try Wire.json(try await client.send(.get, "/almaws/v1/bibs?mms_id=\(ids[1])&format=json", key: lectern.sandboxKey).body)
            #expect((one["bib"] as? [[String: Any]])?.map { $0["mms_id"] as? String } == [ids[1]])
        }
    }

    @Test func noBibFoundIsAnEmptyListAsRecorded() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let recorded = try CanonicalJSON(json: try RecordedFile.bytes("pulibrary-bibdata/not_found.json"))
            let json = try await client.send(.get, "/almaws/v1/bibs?mms_id=99000000000000001&format=json", key: lectern.sandboxKey)
            #expect(json.status == 200)
            #expect(try CanonicalJSON(json: json.body) == recorded)
            let byOtherID = try await client.send(.get, "/almaws/v1/bibs?other_system_id=(NONE)0&format=json", key: lectern.sandboxKey)
            #expect(try CanonicalJSON(json: byOtherID.body) == recorded)
            let xml = try await client.send(.get, "/almaws/v1/bibs?mms_id=99000000000000001", key: lectern.sandboxKey)
            let summary = try Wire.xml(xml.body)
            #expect(summary.root == "bibs")
            #expect(summary.rootAttributes["total_record_count"] == "0")
            #expect(summary.paths == ["bibs"])
        }
    }

    @Test func atMostOneHundredMMSIDsAreAccepted() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib()
            let fillers = (1...99).map { "9900000000\(1000 + $0)" }
            let hundred = try await client.send(
                .get,
                "/almaws/v1/bibs?format=json&mms_id=\(([mmsID] + fillers).joined(separator: ","))",
                key: lectern.sandboxKey
            )
            #expect(hundred.status == 200)
            #expect(try Wire.json(hundred.body)["total_record_count"] as? Int == 1)
            let tooMany = try await client.send(
                .get,
                "/almaws/v1/bibs?format=json&mms_id=\(([mmsID] + fillers + ["99000000009999"]).joined(separator: ","))",
                key: lectern.sandboxKey
            )
            #expect(tooMany.status == 400)
            #expect(try Wire.jsonErrorCodes(tooMany.body).count == 1)
            let none = try await client.send(.get, "/almaws/v1/bibs?format=json&mms_id=", key: lectern.sandboxKey)
            #expect(none.status == 400)
            let noParameter = try await client.send(.get, "/almaws/v1/bibs?format=json", key: lectern.sandboxKey)
            #expect(noParameter.status == 400)
            #expect(try Wire.jsonErrorCodes(noParameter.body).count == 1)
        }
    }

    @Test func findsABibByOtherSystemIDAndByHoldingsID() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib(Samples.bib(systemNumber: "(OCoLC)ocm00012345"))
            _ = try await catalog.createBib(Samples.bib(title: "Another book", systemNumber: "(OCoLC)ocm00099999"))
            let found7 = try await catalog.bibsWithSystemNumber("(OCoLC)ocm00012345")
            #expect(found7 == [mmsID])
            let found8 = try await catalog.bibsWithSystemNumber("(OCoLC)ocm0001234")
            #expect(found8 == [])
            let xml = try await client.send(
                .get,
                "/almaws/v1/bibs?other_system_id=\(Catalog.escaped("(OCoLC)ocm00012345"))",
                key: lectern.sandboxKey
            )
            #expect(try Wire.xml(xml.body).texts["mms_id"] == [mmsID])

            let holdingID = try await catalog.createHolding(mmsID)
            let byHolding = try Wire.json(
                try await client.send(.get, "/almaws/v1/bibs?holdings_id=\(holdingID)&format=json", key: lectern.sandboxKey).body
            )
            #expect((byHolding["bib"] as? [[String: Any]])?.map { $0["mms_id"] as? String } == [mmsID])
            #expect(byHolding["total_record_count"] as? Int == 1)
        }
    }

    // MARK: - Views and expansions

    @Test func briefViewDropsTheRecord() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib()
            let xml = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)?view=brief", key: lectern.sandboxKey)
            let summary = try Wire.xml(xml.body)
            #expect(summary.text("mms_id") == mmsID)
            #expect(summary.text("title") == "Introduction to algorithms /")
            #expect(!summary.paths.contains { $0 == "bib/record" || $0.hasPrefix("bib/record/") })
            let json = try Wire.json(try await client.send(.get, "/almaws/v1/bibs/\(mmsID)?view=brief&format=json", key: lectern.sandboxKey).body)
            #expect(json["anies"] == nil)
            #expect(json["mms_id"] as? String == mmsID)
            let list = try Wire.json(
                try await client.send(.get, "/almaws/v1/bibs?mms_id=\(mmsID)&view=brief&format=json", key: lectern.sandboxKey).body
            )
            let bib = try #require((list["bib"] as? [[String: Any]])?.first)
            #expect(bib["anies"] == nil)
            #expect(bib["title"] as? String == "Introduction to algorithms /")
            // view=full is the default.
            let full = try Wire.json(try await client.send(.get, "/almaws/v1/bibs/\(mmsID)?view=full&format=json", key: lectern.sandboxKey).body)
            #expect((full["anies"] as? [String])?.count == 1)
        }
    }

    @Test func physicalAvailabilityFollowsTheItems() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib()
            let main = try await catalog.createHolding(mmsID, library: "MAIN", location: "STACKS", callNumber: ("QA76.6", ".C662 2009"))
            let first = try await catalog.createItem(mmsID, main, barcode: "AVA-0001")
            _ = try await catalog.createItem(mmsID, main, barcode: "AVA-0002")
            let science = try await catalog.createHolding(mmsID, library: "SCI", location: "JOURNALS")

            func availability() async throws -> [MARCFields.Field] {
                let answer = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)?expand=p_avail", key: lectern.sandboxKey)
                #expect(answer.status == 200)
                let record = try #require(try MARCFields.records(in: answer.body).first)
                return record.data("AVA")
            }
            var fields = try await availability()
            #expect(fields.count == 2)
            let mainField = try #require(fields.first { $0.subfield("8") == main })
            #expect(mainField.subfield("0") == mmsID)
            #expect(mainField.subfield("a") == "DEMO")
            #expect(mainField.subfield("b") == "MAIN")
            #expect(mainField.subfield("c") == "Main Stacks")
            #expect(mainField.subfield("d") == "QA76.6 .C662 2009")
            #expect(mainField.subfield("e") == "available")
            #expect(mainField.subfield("f") == "2")
            #expect(mainField.subfield("g") == "0")
            #expect(mainField.subfield("j") == "STACKS")
            #expect(mainField.subfield("k") == "0")
            // The recorded order (php-alma-client/bib_response_with_availability.xml), without $i.
            #expect(mainField.subfields.map(\.code) == ["0", "8", "a", "b", "c", "d", "e", "f", "g", "j", "k", "p", "q"])
            #expect(mainField.subfield("q") == "Main Library")
            let scienceField = try #require(fields.first { $0.subfield("8") == science })
            #expect(scienceField.subfield("b") == "SCI")
            #expect(scienceField.subfield("j") == "JOURNALS")
            #expect(scienceField.subfield("f") == "0")

            // One item scanned in at another library is in transit: one unavailable.
            let scan = try await client.send(
                .post,
                "/almaws/v1/bibs/\(mmsID)/holdings/\(main)/items/\(first)?op=scan&library=SCI&circ_desk=DEFAULT_CIRC_DESK",
                key: lectern.sandboxKey
            )
            #expect(scan.status == 200)
            fields = try await availability()
            let afterScan = try #require(fields.first { $0.subfield("8") == main })
            #expect(afterScan.subfield("f") == "2")
            #expect(afterScan.subfield("g") == "1")
            #expect(afterScan.subfield("e") == "available")

            // In JSON, the AVA fields are in the `anies` record.
            let json = try Wire.json(try await client.send(.get, "/almaws/v1/bibs/\(mmsID)?expand=p_avail&format=json", key: lectern.sandboxKey).body)
            let jsonRecord = try MARCFields.anies(try #require((json["anies"] as? [String])?.first))
            #expect(jsonRecord.data("AVA") == fields)
            // The list answers them too.
            let list = try await client.send(.get, "/almaws/v1/bibs?mms_id=\(mmsID)&expand=p_avail", key: lectern.sandboxKey)
            #expect(try MARCFields.records(in: list.body).first?.data("AVA") == fields)

            // Availability is computed, never stored: the plain record has no AVA.
            let plain = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)", key: lectern.sandboxKey)
            #expect(try MARCFields.records(in: plain.body).first?.data("AVA") == [])
        }
    }

    @Test func expandRequestsShowsTheCountWithItsLink() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib()
            let json = try CanonicalJSON(
                json: try await client.send(.get, "/almaws/v1/bibs/\(mmsID)?expand=requests&format=json", key: lectern.sandboxKey).body
            )
            #expect(json["requests"]?["value"] == .number(0))
            guard case .string(let link) = json["requests"]?["link"] else {
                Issue.record("requests has no link: \(json["requests"] ?? .null)")
                return
            }
            #expect(link.hasSuffix("/almaws/v1/bibs/\(mmsID)/requests"))
            let plain = try CanonicalJSON(json: try await client.send(.get, "/almaws/v1/bibs/\(mmsID)?format=json", key: lectern.sandboxKey).body)
            #expect(plain["requests"] == .null)
        }
    }

    // MARK: - Identifiers, tenants, keys

    @Test func badAndUnknownMMSIDs() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib()
            let unknown = "99999999999\(mmsID.suffix(4))"
            for (method, path, code) in [
                (HTTPRequest.Method.get, "/almaws/v1/bibs/abc", "402204"),
                (.get, "/almaws/v1/bibs/\(unknown)", "402203"),
                (.delete, "/almaws/v1/bibs/\(unknown)", "402203"),
                (.get, "/almaws/v1/bibs/\(unknown)/holdings", "402203"),
                (.delete, "/almaws/v1/bibs/12ab", "402204"),
            ] {
                let answer = try await client.send(method, path + "?format=json", key: lectern.sandboxKey)
                #expect(answer.status == 400, "\(method) \(path)")
                #expect(try Wire.jsonErrorCodes(answer.body) == [code], "\(method) \(path)")
            }
            let put = try await client.send(
                .put,
                "/almaws/v1/bibs/\(unknown)?format=json",
                key: lectern.sandboxKey,
                headers: Catalog.xmlBody,
                body: Samples.bib()
            )
            #expect(try Wire.jsonErrorCodes(put.body) == ["402203"])
        }
    }

    @Test func anotherInstitutionCannotSeeOrChangeTheBibs() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib()
            let holdingID = try await catalog.createHolding(mmsID)
            let pid = try await catalog.createItem(mmsID, holdingID, barcode: "ISO-0001")
            let other = lectern.otherKey
            let read = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)?format=json", key: other)
            #expect(read.status == 400)
            #expect(try Wire.jsonErrorCodes(read.body) == ["402203"])
            let put = try await client.send(.put, "/almaws/v1/bibs/\(mmsID)?format=json", key: other, headers: Catalog.xmlBody, body: Samples.bib())
            #expect(try Wire.jsonErrorCodes(put.body) == ["402203"])
            let delete = try await client.send(.delete, "/almaws/v1/bibs/\(mmsID)?override=true&format=json", key: other)
            #expect(try Wire.jsonErrorCodes(delete.body) == ["402203"])
            let list = try Wire.json(try await client.send(.get, "/almaws/v1/bibs?mms_id=\(mmsID)&format=json", key: other).body)
            #expect(list["total_record_count"] as? Int == 0)
            let bySystemNumber = try await Catalog(client: client, key: other).bibsWithSystemNumber(Samples.systemNumber)
            #expect(bySystemNumber == [])
            let holdings = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)/holdings?format=json", key: other)
            #expect(try Wire.jsonErrorCodes(holdings.body) == ["402203"])
            let item = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)/items/\(pid)?format=json", key: other)
            #expect(try Wire.jsonErrorCodes(item.body) == ["401690"])
            let barcode = try await client.send(.get, "/almaws/v1/items?item_barcode=ISO-0001&format=json", key: other)
            #expect(try Wire.jsonErrorCodes(barcode.body) == ["401689"])
            // DEMO still has all of it, unchanged.
            let bib9 = try await catalog.bibJSON(mmsID)["title"]
            #expect(bib9 as? String == "Introduction to algorithms /")
            let items10 = try await catalog.itemCount(mmsID)
            #expect(items10 == 1)
        }
    }

    @Test func readOnlyAndGuestKeysCannotWrite() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let mmsID = try await catalog.createBib()
            let before = try await catalog.probe()
            for key in [lectern.readOnlyKey, lectern.guestKey] {
                let post = try await client.send(
                    .post,
                    "/almaws/v1/bibs",
                    key: key,
                    headers: Catalog.xmlBody,
                    body: Samples.bib(systemNumber: "(RO)1")
                )
                #expect(post.status == 403)
                #expect(try Wire.xml(post.body).text("errorCode") == "UNAUTHORIZED")
                let delete = try await client.send(.delete, "/almaws/v1/bibs/\(mmsID)", key: key)
                #expect(delete.status == 403)
                let read = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)", key: key)
                #expect(read.status == 200)
            }
            let found11 = try await catalog.bibsWithSystemNumber("(RO)1")
            #expect(found11 == [])
            let after12 = try await catalog.probe()
            #expect(after12 == before + 1)
        }
    }

    @Test func testEndpointAnswersGetAndPost() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let get = try await client.send(.get, "/almaws/v1/bibs/test", key: lectern.sandboxKey)
            #expect(get.status == 200)
            let post = try await client.send(.post, "/almaws/v1/bibs/test", key: lectern.sandboxKey)
            #expect(post.status == 200)
        }
    }

    // MARK: - Bad input

    struct BadBib: Sendable, CustomTestStringConvertible {
        var name: String
        var body: String
        var json: Bool
        var status: Int
        /// The expected error code, read from the JSON error (or the XML one for gateway errors).
        var code: String
        var query = ""
        var testDescription: String { name }
    }

    static let badBibs: [BadBib] = [
        BadBib(name: "malformed XML", body: "<bib><record><leader>x</record>", json: false, status: 400, code: "GENERAL_ERROR"),
        BadBib(
            name: "two leaders",
            body: Samples.bib().replacingOccurrences(of: "<record>", with: "<record><leader>00000cam a2200000 a 4500</leader>"),
            json: false,
            status: 400,
            code: "4022032"
        ),
        BadBib(
            name: "a data field tag of two characters",
            body: Samples.bib().replacingOccurrences(of: #"tag="100""#, with: #"tag="10""#),
            json: false,
            status: 400,
            code: "4022032"
        ),
        BadBib(
            name: "a control field with a data field tag",
            body: Samples.bib().replacingOccurrences(of: #"<controlfield tag="008">"#, with: #"<controlfield tag="245">"#),
            json: false,
            status: 400,
            code: "4022032"
        ),
        BadBib(
            name: "a leader of the wrong length",
            body: Samples.bib().replacingOccurrences(of: "00000cam a2200000 a 4500", with: "00000cam"),
            json: false,
            status: 400,
            code: "4022032"
        ),
        BadBib(
            name: "no leader",
            body: Samples.bib().replacingOccurrences(of: "<leader>00000cam a2200000 a 4500</leader>", with: ""),
            json: false,
            status: 400,
            code: "4022032"
        ),
        BadBib(
            name: "a foreign element in the record",
            body: Samples.bib().replacingOccurrences(of: "</record>", with: "<note>hello</note></record>"),
            json: false,
            status: 400,
            code: "4022032"
        ),
        BadBib(
            name: "validate=true without 245",
            body: Samples.bib().replacingOccurrences(of: #"tag="245""#, with: #"tag="246""#),
            json: false,
            status: 400,
            code: "4022032",
            query: "validate=true"
        ),
        BadBib(
            name: "no record",
            body: "<bib><suppress_from_publishing>false</suppress_from_publishing></bib>",
            json: false,
            status: 400,
            code: "401664"
        ),
        BadBib(name: "no record in JSON", body: #"{"suppress_from_publishing":"false"}"#, json: true, status: 400, code: "401664"),
        BadBib(name: "another object", body: "<holding><record/></holding>", json: false, status: 400, code: "401676"),
        BadBib(name: "garbage JSON", body: #"{"anies": ["<record>"#, json: true, status: 400, code: "401676"),
        BadBib(name: "a JSON array", body: "[1,2,3]", json: true, status: 400, code: "401676"),
        BadBib(name: "anies that is not XML", body: #"{"anies":["no markup here"]}"#, json: true, status: 400, code: "401676"),
        BadBib(
            name: "anies with a bad tag",
            body: String(
                decoding: try! JSONSerialization.data(withJSONObject: [
                    "anies": [Samples.record(title: "T", systemNumber: "(BAD)1").replacingOccurrences(of: #"tag="245""#, with: #"tag="2455""#)]
                ]),
                as: UTF8.self
            ),
            json: true,
            status: 400,
            code: "4022032"
        ),
    ]

    @Test(arguments: badBibs)
    func badBibsAreRefusedAndWriteNothing(_ bad: BadBib) async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let existing = try await catalog.createBib()
            let before = try await catalog.probe()
            let uri = "/almaws/v1/bibs?format=json" + (bad.query.isEmpty ? "" : "&\(bad.query)")
            let answer = try await client.send(
                .post,
                uri,
                key: lectern.sandboxKey,
                headers: bad.json ? Catalog.jsonBody : Catalog.xmlBody,
                body: bad.body
            )
            #expect(answer.status == bad.status)
            if bad.code.allSatisfy(\.isNumber) {
                #expect(try Wire.jsonErrorCodes(answer.body) == [bad.code])
            } else {
                #expect(try Wire.xml(answer.body).text("errorCode") == bad.code)
            }
            // Nothing written: no catalogue number was used, no bib has the sample's system number
            // but the one created before, and the same body PUT on that bib changes nothing.
            let after13 = try await catalog.probe()
            #expect(after13 == before + 1)
            let found14 = try await catalog.bibsWithSystemNumber(Samples.systemNumber)
            #expect(found14 == [existing])
            let stored = try await client.send(.get, "/almaws/v1/bibs/\(existing)", key: lectern.sandboxKey)
            let put = try await client.send(
                .put,
                "/almaws/v1/bibs/\(existing)?format=json" + (bad.query.isEmpty ? "" : "&\(bad.query)"),
                key: lectern.sandboxKey,
                headers: bad.json ? Catalog.jsonBody : Catalog.xmlBody,
                body: bad.body
            )
            #expect(put.status == 400)
            let after = try await client.send(.get, "/almaws/v1/bibs/\(existing)", key: lectern.sandboxKey)
            #expect(after.text == stored.text)
        }
    }
}

// MARK: - Test support shared by the catalogue suites

/// The recordings copied into `Recorded/`, as bytes.
enum RecordedFile {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Recorded")

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(path)))
    }
}

/// Sample catalogue records, as a client would send them.
enum Samples {
    static let systemNumber = "(LECTERN)sample-0001"

    /// A MARCXML bibliographic record (no namespace, as Alma embeds it).
    static func record(title: String = "Introduction to algorithms /", systemNumber: String = Samples.systemNumber) -> String {
        """
        <record><leader>00000cam a2200000 a 4500</leader><controlfield tag="001">SRC-0001</controlfield>\
        <controlfield tag="008">090311s2009    mau      b    001 0 eng  </controlfield>\
        <datafield ind1=" " ind2=" " tag="020"><subfield code="a">9780262033848</subfield><subfield code="q">hardcover</subfield></datafield>\
        <datafield ind1=" " ind2=" " tag="035"><subfield code="a">\(systemNumber)</subfield></datafield>\
        <datafield ind1="1" ind2=" " tag="100"><subfield code="a">Cormen, Thomas H.</subfield></datafield>\
        <datafield ind1="1" ind2="0" tag="245"><subfield code="a">\(title)</subfield><subfield code="c">Thomas H. Cormen ... [et al.].</subfield></datafield>\
        <datafield ind1=" " ind2=" " tag="250"><subfield code="a">3rd ed.</subfield></datafield>\
        <datafield ind1=" " ind2="1" tag="264"><subfield code="a">Cambridge, Mass. :</subfield><subfield code="b">MIT Press,</subfield>\
        <subfield code="c">c2009.</subfield></datafield>\
        <datafield ind1=" " ind2=" " tag="650"><subfield code="a">Computer programming.</subfield></datafield></record>
        """
    }

    /// A `<bib>` with ``record(title:systemNumber:)``.
    static func bib(title: String = "Introduction to algorithms /", systemNumber: String = Samples.systemNumber) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><bib><suppress_from_publishing>false</suppress_from_publishing>"
            + record(title: title, systemNumber: systemNumber) + "</bib>"
    }

    /// The record of ``bib(title:systemNumber:)`` as the tests read it.
    static let bibRecord = try! MARCFields.records(in: Array(record().utf8))[0]

    /// A MARC holdings record for `library` and `location`; `callNumber` is 852 $h and $i.
    static func holding(library: String = "MAIN", location: String = "STACKS", callNumber: (String, String) = ("QA76.6", ".C662 2009")) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?><holding><record><leader>00000nx  a2200000zn 4500</leader>\
        <controlfield tag="008">1011252u    8   4001uueng0000000</controlfield>\
        <datafield ind1="0" ind2=" " tag="852"><subfield code="b">\(library)</subfield><subfield code="c">\(location)</subfield>\
        <subfield code="h">\(callNumber.0)</subfield><subfield code="i">\(callNumber.1)</subfield></datafield></record></holding>
        """
    }

    /// An `<item>` with `barcode`.
    static func item(barcode: String, description: String = "v. 1", extra: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?><item><item_data><barcode>\(barcode)</barcode>\
        <physical_material_type>BOOK</physical_material_type><policy>01</policy><description>\(description)</description>\
        <public_note>Shelved with the reference works.</public_note>\(extra)</item_data></item>
        """
    }
}

/// The catalogue over HTTP, for setting up and checking what a test needs.
struct Catalog {
    let client: LecternClient
    let key: String

    static let json: HTTPFields = [.accept: "application/json"]
    static let jsonBody: HTTPFields = [.accept: "application/json", .contentType: "application/json"]
    static let xmlBody: HTTPFields = [.contentType: "application/xml"]

    /// Whether `id` has the form of Alma's catalogue ids: the kind's two digits, digits only,
    /// ending with the institution's four digits.
    static func isCatalogID(_ id: String, prefix: String) -> Bool {
        id.hasPrefix(prefix) && id.count >= 12 && id.allSatisfy(\.isASCII) && id.allSatisfy(\.isNumber)
    }

    /// The catalogue counter's number in an id (`99` + `10000000 + n` + four digits).
    static func number(_ id: String) -> Int {
        (Int(id.dropFirst(2).dropLast(4)) ?? 0) - 10_000_000
    }

    static func escaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    /// Creates a bib from `xml` and answers its MMS id.
    func createBib(_ xml: String = Samples.bib()) async throws -> String {
        let answer = try await client.send(.post, "/almaws/v1/bibs?format=json", key: key, headers: Self.xmlBody, body: xml)
        try #require(answer.status == 200, "\(answer.text)")
        return try #require(try Wire.json(answer.body)["mms_id"] as? String)
    }

    /// Creates a throw-away bib and answers the catalogue number it got: two probes around an
    /// operation differ by one exactly when the operation used no catalogue number (wrote no
    /// bib, holding or item).
    func probe() async throws -> Int {
        Self.number(try await createBib(Samples.bib(title: "Probe", systemNumber: "(PROBE)\(UUID().uuidString)")))
    }

    /// Creates a holding of `mmsID` and answers its id.
    func createHolding(
        _ mmsID: String,
        library: String = "MAIN",
        location: String = "STACKS",
        callNumber: (String, String) = ("QA76.6", ".C662 2009")
    ) async throws -> String {
        let answer = try await client.send(
            .post,
            "/almaws/v1/bibs/\(mmsID)/holdings?format=json",
            key: key,
            headers: Self.xmlBody,
            body: Samples.holding(library: library, location: location, callNumber: callNumber)
        )
        try #require(answer.status == 200, "\(answer.text)")
        return try #require(try Wire.json(answer.body)["holding_id"] as? String)
    }

    /// Creates an item with `barcode` in the holding and answers its pid.
    func createItem(_ mmsID: String, _ holdingID: String, barcode: String, extra: String = "") async throws -> String {
        let answer = try await client.send(
            .post,
            "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)/items?format=json",
            key: key,
            headers: Self.xmlBody,
            body: Samples.item(barcode: barcode, extra: extra)
        )
        try #require(answer.status == 200, "\(answer.text)")
        let item = try Wire.json(answer.body)
        return try #require((item["item_data"] as? [String: Any])?["pid"] as? String)
    }

    /// The bib in JSON.
    func bibJSON(_ mmsID: String, query: String = "") async throws -> [String: Any] {
        let answer = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)?format=json\(query)", key: key)
        try #require(answer.status == 200, "\(answer.text)")
        return try Wire.json(answer.body)
    }

    /// The MMS ids `other_system_id=` finds.
    func bibsWithSystemNumber(_ number: String) async throws -> [String] {
        let answer = try await client.send(.get, "/almaws/v1/bibs?other_system_id=\(Self.escaped(number))&format=json", key: key)
        try #require(answer.status == 200, "\(answer.text)")
        let body = try Wire.json(answer.body)
        let ids = (body["bib"] as? [[String: Any]] ?? []).compactMap { $0["mms_id"] as? String }
        #expect(body["total_record_count"] as? Int == ids.count)
        return ids
    }

    /// The number of holdings of `mmsID`, from its holdings list.
    func holdingCount(_ mmsID: String) async throws -> Int {
        let answer = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)/holdings?format=json", key: key)
        try #require(answer.status == 200, "\(answer.text)")
        return try #require(try Wire.json(answer.body)["total_record_count"] as? Int)
    }

    /// The number of items of `mmsID` in `holdingID` (all of them for `ALL`).
    func itemCount(_ mmsID: String, _ holdingID: String = "ALL") async throws -> Int {
        let answer = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)/items?limit=0&format=json", key: key)
        try #require(answer.status == 200, "\(answer.text)")
        return try #require(try Wire.json(answer.body)["total_record_count"] as? Int)
    }
}

/// MARC records read with Foundation's `XMLParser`, independently of LecternMARC: the leader,
/// and every field with its tag, indicators and subfields, in order.
struct MARCFields: Equatable, CustomStringConvertible {
    struct Subfield: Equatable, CustomStringConvertible {
        var code: String
        var value: String
        var description: String { "$\(code) \(value)" }
    }

    struct Field: Equatable, CustomStringConvertible {
        var tag: String
        /// The value of a control field; `nil` for a data field.
        var value: String?
        var ind1 = ""
        var ind2 = ""
        var subfields: [Subfield] = []

        func subfield(_ code: String) -> String? { subfields.first { $0.code == code }?.value }

        var description: String {
            value.map { "\(tag) \($0)" } ?? "\(tag) [\(ind1)\(ind2)] " + subfields.map(\.description).joined(separator: " ")
        }
    }

    /// Thrown when a body is not what the test expects.
    struct ReadError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    var leaders: [String] = []
    var fields: [Field] = []

    var description: String { (leaders.map { "LDR \($0)" } + fields.map(\.description)).joined(separator: "\n") }

    /// The values of the control fields `tag`.
    func control(_ tag: String) -> [String] { fields.filter { $0.tag == tag && $0.value != nil }.compactMap(\.value) }

    /// The data fields `tag`.
    func data(_ tag: String) -> [Field] { fields.filter { $0.tag == tag && $0.value == nil } }

    /// The record without the control fields `tags` (001 and 005 are the system's).
    func withoutControlFields(_ tags: Set<String>) -> MARCFields {
        var copy = self
        copy.fields.removeAll { $0.value != nil && tags.contains($0.tag) }
        return copy
    }

    /// Every `<record>` in an XML document, in order.
    static func records(in bytes: [UInt8]) throws -> [MARCFields] {
        let parser = XMLParser(data: Data(bytes))
        let reader = Reader()
        parser.delegate = reader
        guard parser.parse() else { throw MARCFields.ReadError("not well-formed XML: \(String(decoding: bytes.prefix(200), as: UTF8.self))") }
        return reader.records
    }

    /// The record of an `anies` string: the XML declaration (which says UTF-16 of a string that
    /// is not UTF-16 bytes) is dropped, as clients do, and the rest is read as above.
    static func anies(_ string: String) throws -> MARCFields {
        var text = Substring(string)
        if text.hasPrefix("<?xml"), let end = text.range(of: "?>") { text = text[end.upperBound...] }
        let records = try records(in: Array(text.utf8))
        guard records.count == 1 else { throw MARCFields.ReadError("anies holds \(records.count) records") }
        return records[0]
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var records: [MARCFields] = []
        private var inRecord = false
        private var text = ""

        func parser(
            _ parser: XMLParser,
            didStartElement name: String,
            namespaceURI: String?,
            qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            text = ""
            switch name {
            case "record":
                inRecord = true
                records.append(MARCFields())
            case "controlfield" where inRecord:
                records[records.count - 1].fields.append(Field(tag: attributes["tag"] ?? "", value: ""))
            case "datafield" where inRecord:
                records[records.count - 1].fields.append(
                    Field(tag: attributes["tag"] ?? "", value: nil, ind1: attributes["ind1"] ?? "", ind2: attributes["ind2"] ?? "")
                )
            case "subfield" where inRecord:
                let last = records[records.count - 1].fields.count - 1
                if last >= 0 { records[records.count - 1].fields[last].subfields.append(Subfield(code: attributes["code"] ?? "", value: "")) }
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard inRecord else { return }
            let last = records.count - 1
            switch name {
            case "record":
                inRecord = false
            case "leader":
                records[last].leaders.append(text)
            case "controlfield":
                records[last].fields[records[last].fields.count - 1].value = text
            case "subfield":
                let field = records[last].fields.count - 1
                if field >= 0, !records[last].fields[field].subfields.isEmpty {
                    records[last].fields[field].subfields[records[last].fields[field].subfields.count - 1].value = text
                }
            default:
                break
            }
            text = ""
        }
    }
}
