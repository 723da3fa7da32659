import Foundation
import LecternDiscovery
import LecternRepresentation
import Testing

/// The JSON the normalizer writes, against the recorded Primo answers in `Recorded/`.
struct PNXShapeTests {
    let pnx = PNXNormalizer(institution: "01LECTERN_INST").record(
        bib: TestRecords.defoe,
        mmsID: TestRecords.defoeMMS,
        holdings: TestRecords.defoeHoldings
    )

    /// Keys Lectern writes that the two recorded answers lack, each with its evidence.
    static let documentedElsewhere: [String: Set<String>] = [
        // VE local record (PRIMO.md §4, KB): place, contents, mms, version; edition and series
        // are out-of-the-box VE display fields (PRIMO.md §4 display, UST; CB series-Series.txt).
        "display": ["edition", "place", "contents", "mms", "version", "series"],
        // PRIMO.md §4 search: contributor (7XX), isbn (the recorded answers are articles).
        "search": ["contributor", "isbn"],
        // PRIMO.md §4 facets: library (holding library codes).
        "facets": ["library"],
        // auinit: the KB VE record; isbn: PRIMO.md §4 addata; aucorp: the corporate author of
        // the classic addata section [unverified for VE].
        "addata": ["auinit", "isbn", "aucorp"],
    ]

    @Test func everyLeafIsAnArrayOfStringsExceptTheSourceID() throws {
        let json = try pnx.readBack()
        #expect(try JSONSerialization.jsonObject(with: Data(pnx.rendered)) is [String: Any])
        for section in json.keys {
            for key in json[section]!.keys {
                let value = json[section]![key]!
                if section == "control", key == "sourceid" {
                    #expect(value == .string("alma"))
                    continue
                }
                guard case .array(let elements) = value, !elements.isEmpty else {
                    Issue.record("\(section).\(key) is not a non-empty array")
                    continue
                }
                for element in elements {
                    guard case .string(let text) = element, !text.isEmpty else {
                        Issue.record("\(section).\(key) holds \(element.kind)")
                        continue
                    }
                }
            }
        }
    }

    @Test func sectionsAreThoseOfTheRecordedVEAnswer() throws {
        let ours = try pnx.readBack().keys
        #expect(ours == ["control", "display", "links", "search", "sort", "facets", "delivery", "addata"])
        for recordedPNX in try recordedPNXs("primo_search_success.json") {
            #expect(Set(recordedPNX.keys) == Set(ours))
        }
        // The classic answer has four more (ranking, frbr, dedup, browse) and all of ours.
        for recordedPNX in try recordedPNXs("primo_pnxs_get_record.json") {
            #expect(Set(ours).isSubset(of: Set(recordedPNX.keys)))
        }
    }

    @Test func everyFieldNameIsRecordedOrDocumented() throws {
        var known: [String: Set<String>] = [:]
        for file in ["primo_search_success.json", "primo_pnxs_get_record.json"] {
            for recordedPNX in try recordedPNXs(file) {
                for section in recordedPNX.keys { known[section, default: []].formUnion(recordedPNX[section]!.keys) }
            }
        }
        #expect(known["control"]?.contains("sourcerecordid") == true)
        let records = [
            pnx,
            PNXNormalizer(institution: "X").record(bib: TestRecords.article, mmsID: "3"),
            PNXNormalizer(institution: "X").record(bib: TestRecords.video, mmsID: "4"),
            PNXNormalizer(institution: "X").record(bib: TestRecords.tolstoy, mmsID: "5"),
        ]
        for record in records {
            for (name, section) in record.sections {
                let allowed = known[name, default: []].union(Self.documentedElsewhere[name] ?? [])
                for field in section.names where !allowed.contains(field) {
                    Issue.record("\(name).\(field) is neither in a recorded answer nor documented")
                }
            }
        }
    }

    @Test func recordedLeavesAreArraysOfStrings() throws {
        // The rule the normalizer follows, checked on the recordings themselves.
        for file in ["primo_search_success.json"] {
            for recordedPNX in try recordedPNXs(file) {
                for section in recordedPNX.keys {
                    for key in recordedPNX[section]!.keys {
                        let elements = recordedPNX[section]![key]!.elements
                        #expect(!elements.isEmpty && elements.allSatisfy { $0.scalarText != nil && $0.kind == "a string" })
                    }
                }
            }
        }
    }

    @Test func theClassicLocalRecordAgreesOnSharedValues() throws {
        // S:primo/primo_pnxs_get_record.yml: a video's classic PNX. Where the mapping is the same
        // in both flavours, Lectern writes values of the same form.
        let classic = try #require(try recordedPNXs("primo_pnxs_get_record.json").first)
        #expect(classic["control"]?["sourceformat"] == .array([.string("MARC21")]))
        #expect(classic["links"]?["linktorsrc"]?.elements.first?.scalarText?.hasPrefix("$$U") == true)
        #expect(classic["delivery"]?["delcategory"] == .array([.string("Alma-E")]))
        #expect(classic["facets"]?["topic"] == .array([.string("Operas\u{2013}Excerpts")]))
        #expect(classic["facets"]?["prefilter"] == .array([.string("audio_video")]))
        let video = PNXNormalizer(institution: "X").record(bib: TestRecords.video, mmsID: "4")
        #expect(video.facets["prefilter"] == ["audio_video"])
        #expect(video.addata["ristype"] == classic["addata"]?["ristype"]?.elements.compactMap(\.scalarText))
        #expect(video.addata["genre"] == classic["addata"]?["genre"]?.elements.compactMap(\.scalarText))
    }
}
