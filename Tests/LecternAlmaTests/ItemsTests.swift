import Foundation
import HTTPTypes
import LecternAlma
import LecternCore
import LecternRepresentation
import LecternSQLite
import LecternStore
import LecternTesting
import Testing

/// Items over HTTP: `…/holdings/{holding_id}/items[/{item_pid}]`, the scan operation and the
/// barcode lookup `GET /almaws/v1/items?item_barcode=`.
struct ItemsTests {
    /// A bib with one holding at MAIN/STACKS.
    static func shelf(_ catalog: Catalog) async throws -> (mmsID: String, holdingID: String) {
        let mmsID = try await catalog.createBib()
        return (mmsID, try await catalog.createHolding(mmsID))
    }

    /// The names of every `item_data`'s members, in document order.
    static func itemDataMembers(_ xml: XMLSummary) -> [String] {
        xml.paths.map { $0.split(separator: "/") }.filter { $0.dropLast().last == "item_data" }.map { String($0.last!) }
    }

    static func itemPath(_ mmsID: String, _ holdingID: String, _ pid: String? = nil) -> String {
        "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)/items" + (pid.map { "/\($0)" } ?? "")
    }

    // MARK: - Create and read

    @Test func createsAnItemInXMLAndReadsItWithItsBibAndHolding() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let (mmsID, holdingID) = try await Self.shelf(catalog)
            let created = try await client.send(
                .post,
                Self.itemPath(mmsID, holdingID),
                key: lectern.sandboxKey,
                headers: Catalog.xmlBody,
                body: Samples.item(barcode: "ITEM-0001")
            )
            #expect(created.status == 200)
            let xml = try Wire.xml(created.body)
            #expect(xml.root == "item")
            let pid = try #require(xml.text("pid"))
            #expect(Catalog.isCatalogID(pid, prefix: "23"))
            #expect(pid.suffix(4) == mmsID.suffix(4))
            #expect(xml.rootAttributes["link"]?.hasSuffix(Self.itemPath(mmsID, holdingID, pid)) == true)
            #expect(xml.text("barcode") == "ITEM-0001")
            #expect(xml.text("description") == "v. 1")

            let json = try CanonicalJSON(
                json: try await client.send(.get, Self.itemPath(mmsID, holdingID, pid) + "?format=json", key: lectern.sandboxKey).body
            )
            #expect(json["bib_data"]?["mms_id"] == .string(mmsID))
            #expect(json["bib_data"]?["title"] == .string("Introduction to algorithms /"))
            #expect(json["bib_data"]?["network_number"] == .array([.string(Samples.systemNumber)]))
            #expect(json["holding_data"]?["holding_id"] == .string(holdingID))
            #expect(json["holding_data"]?["call_number"] == .string("QA76.6 .C662 2009"))
            #expect(
                json["holding_data"]?["call_number_type"] == .object(["value": .string("0"), "desc": .string("Library of Congress classification")])
            )
            #expect(json["holding_data"]?["in_temp_location"] == .bool(false))
            let data = try #require(json["item_data"])
            #expect(data["pid"] == .string(pid))
            #expect(data["barcode"] == .string("ITEM-0001"))
            #expect(data["base_status"] == .object(["value": .string("1"), "desc": .string("Item in place")]))
            #expect(data["physical_material_type"] == .object(["value": .string("BOOK"), "desc": .string("Book")]))
            #expect(data["library"] == .object(["value": .string("MAIN"), "desc": .string("Main Library")]))
            #expect(data["location"] == .object(["value": .string("STACKS"), "desc": .string("Main Stacks")]))
            #expect(data["public_note"] == .string("Shelved with the reference works."))
            #expect(data["requested"] == .bool(false))
            #expect(data["is_magnetic"] == .bool(false))
            guard case .string(let created_date) = data["creation_date"] else {
                Issue.record("no creation date")
                return
            }
            #expect(created_date.hasSuffix("Z"))
            #expect(json["additional_info"] == nil)
            // The XML answer of the create is the item as GET shows it.
            let getXML = try await client.send(.get, Self.itemPath(mmsID, holdingID, pid), key: lectern.sandboxKey)
            #expect(try Wire.xml(getXML.body).texts == xml.texts)
        }
    }

    /// An item is stored without the members Alma shows when it has no value for them (about 760
    /// of an imported item's 1,260 bytes), and a GET and a list show them, in the
    /// recorded item's order (`bibsys-example/item.xml`).
    @Test func membersWithoutValueAreNotStoredButShownInTheRecordedOrder() async throws {
        let recorded = Self.itemDataMembers(try Wire.xml(try RecordedFile.bytes("bibsys-example/item.xml")))
        let shownEmpty = [
            "po_line", "year_of_issue", "enumeration_a", "chronology_m", "process_type", "inventory_price", "storage_location_id",
            "statistics_note_3", "temp_call_number", "temp_policy",
        ]
        let shownFalse = ["is_magnetic", "awaiting_reshelving", "requested", "in_temp_location"]
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let (mmsID, holdingID) = try await Self.shelf(catalog)
            let pid = try await catalog.createItem(mmsID, holdingID, barcode: "EMPTY-0001")
            let stored = try await lectern.store.read(in: Tenant(institution: "DEMO", environment: .sandbox)) {
                try await $0.document(.item, id: pid)
            }
            let body = try #require(stored?.body)
            let storedMembers = ["holding_data", "item_data"].flatMap { body.child($0)?.children.map(\.name) ?? [] }
            #expect(storedMembers.contains("barcode"))
            #expect(Set(storedMembers).isDisjoint(with: shownEmpty + shownFalse))

            for path in [Self.itemPath(mmsID, holdingID, pid), Self.itemPath(mmsID, holdingID)] {
                let xml = try Wire.xml(try await client.send(.get, path, key: lectern.sandboxKey).body)
                for name in shownEmpty { #expect(xml.texts[name] == [""], "\(name) in \(path)") }
                for name in shownFalse { #expect(xml.texts[name] == ["false"], "\(name) in \(path)") }
                let ours = Self.itemDataMembers(xml)
                #expect(ours.filter(recorded.contains) == recorded.filter(ours.contains), "\(path)")
            }
        }
    }

    @Test func createsAnItemFromJSON() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let (mmsID, holdingID) = try await Self.shelf(catalog)
            let body = #"""
                {"item_data":{"barcode":"JSON-0001","physical_material_type":{"value":"DVD"},"base_status":{"value":"0"},
                 "location":{"value":"MEDIA"},"enumeration_a":"v. 2","is_magnetic":true}}
                """#
            let created = try await client.send(
                .post,
                Self.itemPath(mmsID, holdingID),
                key: lectern.sandboxKey,
                headers: Catalog.jsonBody,
                body: body
            )
            #expect(created.status == 200)
            let json = try CanonicalJSON(json: created.body)
            let data = try #require(json["item_data"])
            #expect(data["barcode"] == .string("JSON-0001"))
            #expect(data["physical_material_type"] == .object(["value": .string("DVD"), "desc": .string("DVD")]))
            #expect(data["base_status"] == .object(["value": .string("0"), "desc": .string("Item not in place")]))
            #expect(data["location"] == .object(["value": .string("MEDIA"), "desc": .string("Media Center")]))
            #expect(data["library"] == .object(["value": .string("MAIN"), "desc": .string("Main Library")]))
            #expect(data["enumeration_a"] == .string("v. 2"))
            #expect(data["is_magnetic"] == .bool(true))
            let items1 = try await catalog.itemCount(mmsID)
            #expect(items1 == 1)
        }
    }

    // MARK: - Lists

    @Test func listsPageWithLimitAndOffsetAndAllHoldings() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let (mmsID, main) = try await Self.shelf(catalog)
            let science = try await catalog.createHolding(mmsID, library: "SCI", location: "STACKS")
            var mainItems: Set<String> = []
            for index in 1...5 { mainItems.insert(try await catalog.createItem(mmsID, main, barcode: "PAGE-M\(index)")) }
            var scienceItems: Set<String> = []
            for index in 1...2 { scienceItems.insert(try await catalog.createItem(mmsID, science, barcode: "PAGE-S\(index)")) }

            func page(_ holdingID: String, _ query: String) async throws -> (total: Int?, pids: [String]) {
                let answer = try await client.send(.get, Self.itemPath(mmsID, holdingID) + "?format=json&\(query)", key: lectern.sandboxKey)
                try #require(answer.status == 200, "\(answer.text)")
                let body = try Wire.json(answer.body)
                let items = body["item"] as? [[String: Any]] ?? []
                return (body["total_record_count"] as? Int, items.compactMap { ($0["item_data"] as? [String: Any])?["pid"] as? String })
            }
            let first = try await page(main, "limit=2")
            let second = try await page(main, "limit=2&offset=2")
            let third = try await page(main, "limit=2&offset=4")
            #expect(first.total == 5 && second.total == 5 && third.total == 5)
            #expect([first.pids.count, second.pids.count, third.pids.count] as [Int] == [2, 2, 1])
            #expect(Set(first.pids + second.pids + third.pids) == mainItems)
            let firstPage2 = try await page(main, "").pids.count
            #expect(firstPage2 == 5)
            let beyond = try await page(main, "offset=10")
            #expect(beyond.total == 5)
            #expect(beyond.pids.isEmpty)
            let countOnly = try await page(main, "limit=0")
            #expect(countOnly.total == 5)
            #expect(countOnly.pids.isEmpty)

            let sciencePage = try await page(science, "")
            #expect(sciencePage.total == 2)
            #expect(Set(sciencePage.pids) == scienceItems)
            let all = try await page("ALL", "limit=100")
            #expect(all.total == 7)
            #expect(Set(all.pids) == mainItems.union(scienceItems))
            let allPaged = try await page("ALL", "limit=3&offset=6")
            #expect(allPaged.total == 7)
            #expect(allPaged.pids.count == 1)

            // Every listed item shows its own holding.
            let allJSON = try Wire.json(
                try await client.send(.get, Self.itemPath(mmsID, "ALL") + "?format=json&limit=100", key: lectern.sandboxKey).body
            )
            for item in allJSON["item"] as? [[String: Any]] ?? [] {
                let pid = (item["item_data"] as? [String: Any])?["pid"] as? String ?? ""
                let holding = (item["holding_data"] as? [String: Any])?["holding_id"] as? String
                #expect(holding == (mainItems.contains(pid) ? main : science))
                #expect((item["link"] as? String)?.hasSuffix(Self.itemPath(mmsID, holding ?? "", pid)) == true)
            }

            // XML: the count is an attribute of <items>.
            let xml = try Wire.xml(try await client.send(.get, Self.itemPath(mmsID, main) + "?limit=2", key: lectern.sandboxKey).body)
            #expect(xml.root == "items")
            #expect(xml.rootAttributes["total_record_count"] == "5")
            #expect(xml.texts["pid"]?.count == 2)

            for bad in ["limit=101", "limit=-1", "offset=-1", "limit=ten"] {
                let answer = try await client.send(.get, Self.itemPath(mmsID, main) + "?format=json&\(bad)", key: lectern.sandboxKey)
                #expect(answer.status == 400, "\(bad)")
            }
        }
    }

    @Test func listingItemsOfAnUnknownBibOrHoldingFails() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let (mmsID, holdingID) = try await Self.shelf(catalog)
            let other = try await catalog.createBib(Samples.bib(title: "Other", systemNumber: "(I)2"))
            let suffix = mmsID.suffix(4)
            for (bib, holding) in [
                ("99999999999\(suffix)", holdingID), (mmsID, "22999999999\(suffix)"), (other, holdingID), ("99999999999\(suffix)", "ALL"),
            ] {
                let answer = try await client.send(.get, Self.itemPath(bib, holding) + "?format=json", key: lectern.sandboxKey)
                #expect(answer.status == 400)
                #expect(try Wire.jsonErrorCodes(answer.body) == ["401688"], "\(bib)/\(holding)")
            }
        }
    }

    // MARK: - Barcodes

    @Test func aDuplicateBarcodeIsRefusedAndNothingIsWritten() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let (mmsID, holdingID) = try await Self.shelf(catalog)
            let otherBib = try await catalog.createBib(Samples.bib(title: "Other", systemNumber: "(I)3"))
            let otherHolding = try await catalog.createHolding(otherBib, library: "MED", location: "STACKS")
            _ = try await catalog.createItem(mmsID, holdingID, barcode: "DUP-0001")
            let second = try await catalog.createItem(otherBib, otherHolding, barcode: "DUP-0002")
            let secondBefore = try await client.send(.get, Self.itemPath(otherBib, otherHolding, second), key: lectern.sandboxKey)
            let before = try await catalog.probe()

            for (bib, holding) in [(mmsID, holdingID), (otherBib, otherHolding)] {
                let again = try await client.send(
                    .post,
                    Self.itemPath(bib, holding) + "?format=json",
                    key: lectern.sandboxKey,
                    headers: Catalog.xmlBody,
                    body: Samples.item(barcode: "DUP-0001")
                )
                #expect(again.status == 400)
                #expect(try Wire.jsonErrorCodes(again.body) == ["40166404"])
            }
            // An update to a barcode another item has is refused too, and the item is unchanged.
            let put = try await client.send(
                .put,
                Self.itemPath(otherBib, otherHolding, second) + "?format=json",
                key: lectern.sandboxKey,
                headers: Catalog.xmlBody,
                body: Samples.item(barcode: "DUP-0001", description: "changed")
            )
            #expect(put.status == 400)
            #expect(try Wire.jsonErrorCodes(put.body) == ["40166404"])

            let after3 = try await catalog.probe()
            #expect(after3 == before + 1)
            let items4 = try await catalog.itemCount(mmsID)
            #expect(items4 == 1)
            let items5 = try await catalog.itemCount(otherBib)
            #expect(items5 == 1)
            let secondAfter = try await client.send(.get, Self.itemPath(otherBib, otherHolding, second), key: lectern.sandboxKey)
            #expect(try Wire.xml(secondAfter.body).texts == Wire.xml(secondBefore.body).texts)
            // The barcode still finds the first item.
            let lookup = try await client.send(.get, "/almaws/v1/items?item_barcode=DUP-0001", key: lectern.sandboxKey)
            #expect(lookup.status == 302)
            #expect(lookup.headers[.location]?.contains("/bibs/\(mmsID)/holdings/\(holdingID)/items/") == true)
        }
    }

    static let invalidFields: [(String, String)] = [
        ("unknown location", "<location>NOPE</location>"),
        ("location of another library", "<location>JOURNALS</location>"),
        ("unknown library", "<library>NOPE</library>"),
        ("unknown base status", "<base_status>7</base_status>"),
        ("unknown material type", "<physical_material_type>SPACESHIP</physical_material_type>"),
    ]

    @Test(arguments: invalidFields)
    func anItemWithAnInvalidFieldIsRefused(name: String, field: String) async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let (mmsID, holdingID) = try await Self.shelf(catalog)
            let body = "<item><item_data><barcode>BAD-0001</barcode>\(field)</item_data></item>"
            let before = try await catalog.probe()
            let answer = try await client.send(
                .post,
                Self.itemPath(mmsID, holdingID) + "?format=json",
                key: lectern.sandboxKey,
                headers: Catalog.xmlBody,
                body: body
            )
            #expect(answer.status == 400)
            #expect(try Wire.jsonErrorCodes(answer.body) == ["40166404"])
            let after6 = try await catalog.probe()
            #expect(after6 == before + 1)
            let items7 = try await catalog.itemCount(mmsID)
            #expect(items7 == 0)
            let lookup = try await client.send(.get, "/almaws/v1/items?item_barcode=BAD-0001&format=json", key: lectern.sandboxKey)
            #expect(try Wire.jsonErrorCodes(lookup.body) == ["401689"])
        }
    }

    @Test func barcodeLookupRedirectsToTheItemKeepingTheOtherParameters() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let (mmsID, holdingID) = try await Self.shelf(catalog)
            let pid = try await catalog.createItem(mmsID, holdingID, barcode: "3210 1044/7")
            let answer = try await client.send(
                .get,
                "/almaws/v1/items?item_barcode=\(Catalog.escaped("3210 1044/7"))&format=json&view=label",
                key: lectern.sandboxKey
            )
            #expect(answer.status == 302)
            #expect(answer.body.isEmpty)
            let location = try #require(answer.headers[.location])
            let url = try #require(URLComponents(string: location))
            #expect(url.path == Self.itemPath(mmsID, holdingID, pid))
            let query = Dictionary(uniqueKeysWithValues: (url.queryItems ?? []).map { ($0.name, $0.value ?? "") })
            #expect(query == ["format": "json", "view": "label"])

            // Following the redirect answers the item, in the format asked for.
            let followed = try await client.send(.get, url.path + "?" + (url.percentEncodedQuery ?? ""), key: lectern.sandboxKey)
            #expect(followed.status == 200)
            #expect(followed.headers[.contentType] == "application/json;charset=UTF-8")
            let item = try Wire.json(followed.body)
            #expect((item["item_data"] as? [String: Any])?["barcode"] as? String == "3210 1044/7")
            #expect((item["item_data"] as? [String: Any])?["pid"] as? String == pid)

            // Without other parameters, the Location is the bare item URL.
            let bare = try await client.send(.get, "/almaws/v1/items?item_barcode=\(Catalog.escaped("3210 1044/7"))", key: lectern.sandboxKey)
            #expect(bare.status == 302)
            let bareLocation = try #require(bare.headers[.location])
            let bareURL = try #require(URLComponents(string: bareLocation))
            #expect(bareURL.path == Self.itemPath(mmsID, holdingID, pid))
            #expect(bareURL.queryItems == nil)
            let xml = try await client.send(.get, bareURL.path, key: lectern.sandboxKey)
            #expect(try Wire.xml(xml.body).text("barcode") == "3210 1044/7")
        }
    }

    @Test func anUnknownBarcodeIsTheRecordedError() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let recorded = try CanonicalJSON(json: try RecordedFile.bytes("php-alma-client/item_barcode_error_response.json"))
                .replacing(key: "trackingId", with: .string("any"))
            let answer = try await client.send(.get, "/almaws/v1/items?item_barcode=123&format=json", key: lectern.sandboxKey)
            #expect(answer.status == 400)
            let json = try CanonicalJSON(json: answer.body).replacing(key: "trackingId", with: .string("any"))
            #expect(json.differences(from: recorded) == [])
            let xml = try await client.send(.get, "/almaws/v1/items?item_barcode=123", key: lectern.sandboxKey)
            #expect(try Wire.xml(xml.body).text("errorCode") == "401689")
            let empty = try await client.send(.get, "/almaws/v1/items?item_barcode=&format=json", key: lectern.sandboxKey)
            #expect(try Wire.jsonErrorCodes(empty.body) == ["401689"])
            let missing = try await client.send(.get, "/almaws/v1/items?format=json", key: lectern.sandboxKey)
            #expect(try Wire.jsonErrorCodes(missing.body) == ["401689"])
        }
    }

    // MARK: - Update

    @Test func putIsSwapAllButKeepsThePidAndCreationDate() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let (mmsID, holdingID) = try await Self.shelf(catalog)
            let pid = try await catalog.createItem(mmsID, holdingID, barcode: "SWAP-0001")
            let path = Self.itemPath(mmsID, holdingID, pid)
            let before = try CanonicalJSON(json: try await client.send(.get, path + "?format=json", key: lectern.sandboxKey).body)
            // The client sends another pid and creation date: neither is taken.
            let replacement = """
                <item><item_data><pid>23000000000001</pid><creation_date>2001-01-01Z</creation_date><barcode>SWAP-0002</barcode>\
                <internal_note_1>Rebound 2024.</internal_note_1><location>REF</location></item_data></item>
                """
            let put = try await client.send(.put, path + "?format=json", key: lectern.sandboxKey, headers: Catalog.xmlBody, body: replacement)
            #expect(put.status == 200)
            let answered = try CanonicalJSON(json: put.body)
            let after = try CanonicalJSON(json: try await client.send(.get, path + "?format=json", key: lectern.sandboxKey).body)
            #expect(after == answered)
            let data = try #require(after["item_data"])
            #expect(data["pid"] == .string(pid))
            #expect(data["creation_date"] == before["item_data"]?["creation_date"])
            #expect(data["barcode"] == .string("SWAP-0002"))
            #expect(data["internal_note_1"] == .string("Rebound 2024."))
            #expect(data["location"] == .object(["value": .string("REF"), "desc": .string("Reference")]))
            // Swap-all: what was not sent is gone.
            #expect(data["description"] == .string(""))
            #expect(data["public_note"] == .string(""))
            #expect(data["policy"]?["value"] == .string(""))
            // The barcodes follow: the old one is free, the new one finds the item.
            let old = try await client.send(.get, "/almaws/v1/items?item_barcode=SWAP-0001&format=json", key: lectern.sandboxKey)
            #expect(try Wire.jsonErrorCodes(old.body) == ["401689"])
            let new = try await client.send(.get, "/almaws/v1/items?item_barcode=SWAP-0002", key: lectern.sandboxKey)
            #expect(new.headers[.location]?.hasSuffix(path) == true)
            let items8 = try await catalog.itemCount(mmsID)
            #expect(items8 == 1)
            _ = try await catalog.createItem(mmsID, holdingID, barcode: "SWAP-0001")

            // The GET answer PUT back as it is changes nothing but the modification date.
            let xml = try await client.send(.get, path, key: lectern.sandboxKey)
            let same = try await client.send(.put, path, key: lectern.sandboxKey, headers: Catalog.xmlBody, body: xml.text)
            #expect(same.status == 200)
            let again = try await client.send(.get, path, key: lectern.sandboxKey)
            var expected = try Wire.xml(xml.body).texts
            var actual = try Wire.xml(again.body).texts
            expected["modification_date"] = nil
            actual["modification_date"] = nil
            #expect(actual == expected)
        }
    }

    @Test func unknownItemsAndItemsOfAnotherHolding() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let (mmsID, holdingID) = try await Self.shelf(catalog)
            let otherHolding = try await catalog.createHolding(mmsID, library: "SCI", location: "STACKS")
            let pid = try await catalog.createItem(mmsID, holdingID, barcode: "WHERE-0001")
            for path in [Self.itemPath(mmsID, holdingID, "23999999999\(pid.suffix(4))"), Self.itemPath(mmsID, otherHolding, pid)] {
                for method in [HTTPRequest.Method.get, .delete] {
                    let answer = try await client.send(method, path + "?format=json", key: lectern.sandboxKey)
                    #expect(answer.status == 400)
                    #expect(try Wire.jsonErrorCodes(answer.body) == ["401690"], "\(method) \(path)")
                }
                let scan = try await client.send(
                    .post,
                    path + "?op=scan&library=MAIN&circ_desk=DEFAULT_CIRC_DESK&format=json",
                    key: lectern.sandboxKey
                )
                #expect(try Wire.jsonErrorCodes(scan.body) == ["401690"])
            }
            let items9 = try await catalog.itemCount(mmsID)
            #expect(items9 == 1)
        }
    }

    // MARK: - Scan in

    @Test func scanAtAnotherLibraryPutsTheItemInTransitAndAtHomeBackInPlace() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let (mmsID, holdingID) = try await Self.shelf(catalog)
            let pid = try await catalog.createItem(mmsID, holdingID, barcode: "SCAN-0001")
            let path = Self.itemPath(mmsID, holdingID, pid)

            let transit = try await client.send(
                .post,
                path + "?op=scan&library=SCI&circ_desk=DEFAULT_CIRC_DESK&format=json",
                key: lectern.sandboxKey
            )
            #expect(transit.status == 200)
            let scanned = try CanonicalJSON(json: transit.body)
            #expect(scanned["item_data"]?["base_status"] == .object(["value": .string("0"), "desc": .string("Item not in place")]))
            #expect(scanned["item_data"]?["process_type"] == .object(["value": .string("TRANSIT"), "desc": .string("Transit")]))
            // Worded as recorded (php-alma-client/scanin_transit_response.json), with the home library's name.
            #expect(
                scanned["additional_info"]
                    == .string(
                        "Item's destination is: Main Library. Request/Process Type: Transit for reshelving. Requester: . Requester ID: . Place in Queue: 1"
                    )
            )
            #expect(scanned["item_data"]?["library"]?["value"] == .string("MAIN"))
            // The state is stored; additional_info belongs to the scan answer only.
            let read = try CanonicalJSON(json: try await client.send(.get, path + "?format=json", key: lectern.sandboxKey).body)
            #expect(read["item_data"]?["base_status"]?["value"] == .string("0"))
            #expect(read["item_data"]?["process_type"]?["value"] == .string("TRANSIT"))
            #expect(read["additional_info"] == nil)

            // Scanned in at a desk of its own library: back in place, no process.
            let home = try await client.send(
                .post,
                path + "?op=scan&library=MAIN&circ_desk=RESERVES_DESK&format=json",
                key: lectern.sandboxKey
            )
            #expect(home.status == 200)
            let back = try CanonicalJSON(json: home.body)
            #expect(back["item_data"]?["base_status"] == .object(["value": .string("1"), "desc": .string("Item in place")]))
            #expect(back["item_data"]?["process_type"]?["value"] == .string(""))
            guard case .string(let info) = back["additional_info"] else {
                Issue.record("no additional_info in \(back)")
                return
            }
            #expect(info.contains("Main Library"))
            #expect(!info.contains("Transit"))

            // In XML too.
            let xml = try await client.send(.post, path + "?op=scan&library=MED&circ_desk=DEFAULT_CIRC_DESK", key: lectern.sandboxKey)
            let summary = try Wire.xml(xml.body)
            #expect(summary.text("base_status") == "0")
            #expect(summary.text("process_type") == "TRANSIT")
            #expect(summary.text("additional_info")?.hasPrefix("Item's destination is: Main Library.") == true)
        }
    }

    @Test func scanInADepartmentUntilDone() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let (mmsID, holdingID) = try await Self.shelf(catalog)
            let pid = try await catalog.createItem(mmsID, holdingID, barcode: "DEPT-0001")
            let path = Self.itemPath(mmsID, holdingID, pid)

            let working = try CanonicalJSON(
                json: try await client.send(.post, path + "?op=scan&department=DIGI_DEPT&format=json", key: lectern.sandboxKey).body
            )
            let data = try #require(working["item_data"])
            #expect(data["base_status"]?["value"] == .string("0"))
            #expect(data["process_type"] == .object(["value": .string("WORK_ORDER_DEPARTMENT"), "desc": .string("In Process")]))
            #expect(data["work_order_at"] == .object(["value": .string("DIGI_DEPT"), "desc": .string("Digitization Services")]))
            #expect(data["work_order_type"]?["value"] == .string("AcqWorkOrder"))
            #expect(working["additional_info"] != nil)
            let stored = try CanonicalJSON(json: try await client.send(.get, path + "?format=json", key: lectern.sandboxKey).body)
            #expect(stored["item_data"]?["process_type"]?["value"] == .string("WORK_ORDER_DEPARTMENT"))

            let done = try CanonicalJSON(
                json: try await client.send(.post, path + "?op=scan&department=DIGI_DEPT&done=true&format=json", key: lectern.sandboxKey).body
            )
            #expect(done["item_data"]?["base_status"]?["value"] == .string("1"))
            #expect(done["item_data"]?["process_type"]?["value"] == .string(""))
            #expect(done["item_data"]?["work_order_at"] == nil)
            #expect(done["item_data"]?["work_order_type"] == nil)
        }
    }

    @Test func scansThatNameNoPlaceAreRefusedAndChangeNothing() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let (mmsID, holdingID) = try await Self.shelf(catalog)
            let pid = try await catalog.createItem(mmsID, holdingID, barcode: "NOSCAN-0001")
            let path = Self.itemPath(mmsID, holdingID, pid)
            let before = try await client.send(.get, path, key: lectern.sandboxKey)
            for query in [
                "op=scan", "op=scan&library=MAIN", "op=scan&circ_desk=DEFAULT_CIRC_DESK", "op=scan&library=SCI&circ_desk=RESERVES_DESK",
                "op=scan&library=NOPE&circ_desk=DEFAULT_CIRC_DESK", "op=scan&department=NOPE",
            ] {
                let answer = try await client.send(.post, path + "?\(query)&format=json", key: lectern.sandboxKey)
                #expect(answer.status == 400)
                #expect(try Wire.jsonErrorCodes(answer.body) == ["402502"], "\(query)")
            }
            let unsupported = try await client.send(.post, path + "?op=fly&format=json", key: lectern.sandboxKey)
            #expect(unsupported.status == 400)
            #expect(try Wire.jsonErrorCodes(unsupported.body).count == 1)
            let after = try await client.send(.get, path, key: lectern.sandboxKey)
            #expect(after.text == before.text)
        }
    }

    // MARK: - Delete

    @Test func deletingTheLastItemWithHoldingsDeleteRemovesTheHolding() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let (mmsID, holdingID) = try await Self.shelf(catalog)
            let first = try await catalog.createItem(mmsID, holdingID, barcode: "LAST-0001")
            let second = try await catalog.createItem(mmsID, holdingID, barcode: "LAST-0002")
            // Not the last item: the holding stays.
            let one = try await client.send(.delete, Self.itemPath(mmsID, holdingID, first) + "?holdings=delete", key: lectern.sandboxKey)
            #expect(one.status == 204)
            let holdings10 = try await catalog.holdingCount(mmsID)
            #expect(holdings10 == 1)
            let items11 = try await catalog.itemCount(mmsID)
            #expect(items11 == 1)
            let gone = try await client.send(.get, Self.itemPath(mmsID, holdingID, first) + "?format=json", key: lectern.sandboxKey)
            #expect(try Wire.jsonErrorCodes(gone.body) == ["401690"])
            // The last item: the holding goes too, the bib stays (bib=retain).
            let last = try await client.send(.delete, Self.itemPath(mmsID, holdingID, second) + "?holdings=delete", key: lectern.sandboxKey)
            #expect(last.status == 204)
            let holdings12 = try await catalog.holdingCount(mmsID)
            #expect(holdings12 == 0)
            let holding = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)?format=json", key: lectern.sandboxKey)
            #expect(try Wire.jsonErrorCodes(holding.body) == ["60213"])
            _ = try await catalog.bibJSON(mmsID)
        }
    }

    @Test func deletingTheLastItemWithRetainKeepsAnEmptyHoldingAndBibDeleteRemovesAll() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let (mmsID, holdingID) = try await Self.shelf(catalog)
            let first = try await catalog.createItem(mmsID, holdingID, barcode: "KEEP-0001")
            let deleted = try await client.send(.delete, Self.itemPath(mmsID, holdingID, first), key: lectern.sandboxKey)
            #expect(deleted.status == 204)
            let holdings13 = try await catalog.holdingCount(mmsID)
            #expect(holdings13 == 1)
            let items14 = try await catalog.itemCount(mmsID, holdingID)
            #expect(items14 == 0)

            let second = try await catalog.createItem(mmsID, holdingID, barcode: "KEEP-0002")
            let all = try await client.send(.delete, Self.itemPath(mmsID, holdingID, second) + "?holdings=delete&bib=delete", key: lectern.sandboxKey)
            #expect(all.status == 204)
            let bib = try await client.send(.get, "/almaws/v1/bibs/\(mmsID)?format=json", key: lectern.sandboxKey)
            #expect(try Wire.jsonErrorCodes(bib.body) == ["402203"])

            let bad = try await catalog.createBib(Samples.bib(title: "Kept", systemNumber: "(I)4"))
            let badHolding = try await catalog.createHolding(bad)
            let item = try await catalog.createItem(bad, badHolding, barcode: "KEEP-0003")
            let refused = try await client.send(
                .delete,
                Self.itemPath(bad, badHolding, item) + "?holdings=explode&format=json",
                key: lectern.sandboxKey
            )
            #expect(refused.status == 400)
            let items15 = try await catalog.itemCount(bad)
            #expect(items15 == 1)
        }
    }

    // MARK: - Keys and tenants

    @Test func anotherInstitutionAndReadOnlyKeysCannotTouchItems() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let catalog = Catalog(client: client, key: lectern.sandboxKey)
            let (mmsID, holdingID) = try await Self.shelf(catalog)
            let pid = try await catalog.createItem(mmsID, holdingID, barcode: "KEY-0001")
            let path = Self.itemPath(mmsID, holdingID, pid)
            let otherScan = try await client.send(.post, path + "?op=scan&library=SCI&circ_desk=DEFAULT_CIRC_DESK&format=json", key: lectern.otherKey)
            #expect(try Wire.jsonErrorCodes(otherScan.body) == ["401690"])
            let otherDelete = try await client.send(.delete, path + "?format=json", key: lectern.otherKey)
            #expect(try Wire.jsonErrorCodes(otherDelete.body) == ["401690"])
            let otherList = try await client.send(.get, Self.itemPath(mmsID, "ALL") + "?format=json", key: lectern.otherKey)
            #expect(try Wire.jsonErrorCodes(otherList.body) == ["401688"])
            let otherCreate = try await client.send(
                .post,
                Self.itemPath(mmsID, holdingID) + "?format=json",
                key: lectern.otherKey,
                headers: Catalog.xmlBody,
                body: Samples.item(barcode: "KEY-0002")
            )
            #expect(otherCreate.status == 400)

            for key in [lectern.readOnlyKey, lectern.guestKey] {
                let scan = try await client.send(.post, path + "?op=scan&library=SCI&circ_desk=DEFAULT_CIRC_DESK", key: key)
                #expect(scan.status == 403)
                let create = try await client.send(
                    .post,
                    Self.itemPath(mmsID, holdingID),
                    key: key,
                    headers: Catalog.xmlBody,
                    body: Samples.item(barcode: "KEY-0003")
                )
                #expect(create.status == 403)
                let lookup = try await client.send(.get, "/almaws/v1/items?item_barcode=KEY-0001", key: key)
                #expect(lookup.status == 302)
            }
            let item = try CanonicalJSON(json: try await client.send(.get, path + "?format=json", key: lectern.sandboxKey).body)
            #expect(item["item_data"]?["base_status"]?["value"] == .string("1"))
            let items16 = try await catalog.itemCount(mmsID)
            #expect(items16 == 1)
        }
    }
}
