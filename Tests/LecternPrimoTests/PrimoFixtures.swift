import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// Bibs written through the Alma API, as a cataloguer's script would, for Primo to find.
struct CatalogFixture {
    var title: String
    var subtitle: String? = nil
    var author: String = "Fixture, Author"
    var subjects: [String] = []
    var year: String = "2001"
    var language: String = "eng"
    var typeOfRecord: Character = "a"
    var library: String? = "MAIN"
    var suppressed = false

    var xml: String {
        let leader = "00000n\(typeOfRecord)m a2200000 a 4500"
        var fields = [
            #"<controlfield tag="008">010101s\#(year)    xxu           000 0 \#(language) d</controlfield>"#,
            #"<datafield ind1="1" ind2=" " tag="100"><subfield code="a">\#(author)</subfield></datafield>"#,
        ]
        var subfields = #"<subfield code="a">\#(title)\#(subtitle == nil ? "" : " :")</subfield>"#
        if let subtitle { subfields += #"<subfield code="b">\#(subtitle)</subfield>"# }
        // Second indicator: the characters the sort title skips ("The " is 4).
        let nonfiling = title.hasPrefix("The ") ? "4" : "0"
        fields.append(#"<datafield ind1="1" ind2="\#(nonfiling)" tag="245">\#(subfields)</datafield>"#)
        fields.append(
            #"<datafield ind1=" " ind2="1" tag="264"><subfield code="a">Boston :</subfield><subfield code="b">Fixture Press,</subfield><subfield code="c">\#(year).</subfield></datafield>"#
        )
        for subject in subjects {
            fields.append(#"<datafield ind1=" " ind2="0" tag="650"><subfield code="a">\#(subject).</subfield></datafield>"#)
        }
        return """
            <bib><suppress_from_publishing>\(suppressed)</suppress_from_publishing><record><leader>\(leader)</leader>\(fields.joined())</record></bib>
            """
    }

    static func holdingXML(_ library: String) -> String {
        """
        <holding><record><leader>00000nx  a2200000un 4500</leader><controlfield tag="008">1011252u    8   4001uueng0000000</controlfield><datafield ind1="0" ind2=" " tag="852"><subfield code="b">\(library)</subfield><subfield code="c">STACKS</subfield><subfield code="h">QA76</subfield><subfield code="i">.F1 2001</subfield></datafield></record></holding>
        """
    }
}

extension LecternClient {
    /// Creates `fixture` (with a holding in its library) and answers its MMS id.
    func create(_ fixture: CatalogFixture, key: String) async throws -> String {
        let created = try await send(.post, "/almaws/v1/bibs", key: key, headers: [.contentType: "application/xml"], body: fixture.xml)
        #expect(created.status == 200, "\(created.text)")
        let mmsID = try #require(try Wire.xml(created.body).text("mms_id"))
        if let library = fixture.library { try await addHolding(in: library, to: mmsID, key: key) }
        return mmsID
    }

    /// Adds a holding in `library` to the bib `mmsID`.
    func addHolding(in library: String, to mmsID: String, key: String) async throws {
        let holding = try await send(
            .post,
            "/almaws/v1/bibs/\(mmsID)/holdings",
            key: key,
            headers: [.contentType: "application/xml"],
            body: CatalogFixture.holdingXML(library)
        )
        #expect(holding.status == 200, "\(holding.text)")
    }

    /// The id of the first holding of the bib `mmsID`.
    func firstHoldingID(of mmsID: String, key: String) async throws -> String {
        let holdings = try Wire.json(try await send(.get, "/almaws/v1/bibs/\(mmsID)/holdings?format=json", key: key).body)
        return try #require(((holdings["holding"] as? [[String: Any]])?.first)?["holding_id"] as? String)
    }

    /// Creates an item in place (base status 1) on a holding and answers its id.
    func createItem(_ barcode: String, bib mmsID: String, holding holdingID: String, key: String) async throws -> String {
        let item = #"{"item_data":{"barcode":"\#(barcode)","physical_material_type":{"value":"BOOK"},"base_status":{"value":"1"}}}"#
        let path = "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)/items?format=json"
        let created = try await send(.post, path, key: key, headers: [.contentType: "application/json"], body: item)
        #expect(created.status == 200, "\(created.text)")
        return try #require((try Wire.json(created.body)["item_data"] as? [String: Any])?["pid"] as? String)
    }

    /// Scans an item in at the science library, which takes it out of its place.
    func scanAtAnotherLibrary(_ itemID: String, bib mmsID: String, holding holdingID: String, key: String) async throws {
        let scan = "/almaws/v1/bibs/\(mmsID)/holdings/\(holdingID)/items/\(itemID)?op=scan&library=SCI&circ_desk=DEFAULT_CIRC_DESK"
        #expect(try await send(.post, scan, key: key).status == 200)
    }

    /// `GET /primo/v1/search` in the demo view's Everything tab, answered as JSON.
    func search(
        _ parameters: String,
        key: String,
        vid: String = "DEMO:DEFAULT",
        tab: String = "Everything",
        scope: String = "MyInst_and_CI"
    )
        async throws -> Answer
    {
        try await send(.get, "/primo/v1/search?vid=\(vid)&tab=\(tab)&scope=\(scope)&\(parameters)", key: key)
    }
}

/// A Primo search answer read with Foundation's parser (never with Lectern's own engine).
struct SearchResult {
    var json: [String: Any]

    init(_ answer: Answer) throws {
        #expect(answer.status == 200, "\(answer.text)")
        json = try Wire.json(answer.body)
    }

    var info: [String: Any] { json["info"] as? [String: Any] ?? [:] }
    var total: Int { info["total"] as? Int ?? -1 }
    var docs: [[String: Any]] { json["docs"] as? [[String: Any]] ?? [] }

    /// The MMS ids of the docs, in order.
    var mmsIDs: [String] {
        docs.compactMap { (($0["pnx"] as? [String: Any])?["control"] as? [String: Any])?["sourcerecordid"] as? [String] }.compactMap(\.first)
    }

    /// The counts of one facet, by value.
    func facet(_ name: String) -> [String: Int] {
        let facets = json["facets"] as? [[String: Any]] ?? []
        guard let facet = facets.first(where: { $0["name"] as? String == name }) else { return [:] }
        var counts: [String: Int] = [:]
        for value in facet["values"] as? [[String: Any]] ?? [] {
            if let name = value["value"] as? String, let count = (value["count"] as? String).flatMap(Int.init) { counts[name] = count }
        }
        return counts
    }
}

/// Percent-encodes a query value.
func encoded(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ",-_.*"))) ?? text
}
