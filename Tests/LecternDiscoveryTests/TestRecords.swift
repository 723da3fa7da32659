import LecternDiscovery
import LecternMARC

/// A 40-character 008 with `values` at their positions (0-based), blanks elsewhere.
func fixed008(_ values: [Int: String]) -> String {
    var bytes = [UInt8](repeating: 0x20, count: 40)
    for (position, value) in values {
        for (offset, byte) in value.utf8.enumerated() where position + offset < 40 {
            bytes[position + offset] = byte
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// A data field.
func field(_ tag: String, _ indicators: String = "  ", _ subfields: (Character, String)...) -> MARCRecord.Field {
    let indicators = Array(indicators)
    return .data(
        tag: tag,
        indicator1: indicators[0],
        indicator2: indicators[1],
        subfields: subfields.map { MARCRecord.Subfield($0.0, $0.1) }
    )
}

enum TestRecords {
    static let defoeMMS = "991234567890123"

    /// Robinson Crusoe in Penguin Classics, catalogued in RDA: nonfiling article, 264, series,
    /// two ISBNs, subjects with subdivisions, a genre term, an editor and a link.
    static let defoe = MARCRecord(
        leader: "00000cam a2200000 i 4500",
        fields: [
            .control(tag: "001", value: defoeMMS),
            .control(tag: "008", value: fixed008([0: "031119", 6: "s", 7: "2003", 15: "enk", 31: "1", 35: "eng", 39: "d"])),
            field("020", "  ", ("a", "9780141439822"), ("q", "(paperback)")),
            field("020", "  ", ("a", "0141439823")),
            field("035", "  ", ("a", "(OCoLC)ocm53287839")),
            field("035", "  ", ("a", "(UkLiDM)b12345")),
            field("100", "1 ", ("a", "Defoe, Daniel,"), ("d", "1661?-1731,"), ("e", "author.")),
            field(
                "245",
                "14",
                ("a", "The life and strange surprizing adventures of Robinson Crusoe, of York, mariner /"),
                ("c", "Daniel Defoe ; edited with an introduction by John Richetti.")
            ),
            field("250", "  ", ("a", "Penguin classics edition.")),
            field("264", " 1", ("a", "London :"), ("b", "Penguin Books,"), ("c", "2003.")),
            field("264", " 4", ("c", "©2001")),
            field("300", "  ", ("a", "xl, 269 pages :"), ("b", "illustrations ;"), ("c", "20 cm.")),
            field("490", "1 ", ("a", "Penguin classics")),
            field("500", "  ", ("a", "Originally published: London : W. Taylor, 1719.")),
            field("505", "0 ", ("a", "Introduction -- Robinson Crusoe -- Notes.")),
            field("520", "  ", ("a", "A shipwrecked mariner survives for twenty-eight years on a desert island.")),
            field("650", " 0", ("a", "Castaways"), ("v", "Fiction.")),
            field("650", " 0", ("a", "Survival"), ("x", "Psychological aspects"), ("v", "Fiction."), ("0", "http://id.loc.gov/x")),
            field("651", " 0", ("a", "Islands"), ("z", "Caribbean Area"), ("v", "Fiction.")),
            field("655", " 7", ("a", "Adventure fiction."), ("2", "lcgft")),
            field("700", "1 ", ("a", "Richetti, John J.,"), ("e", "editor.")),
            field("830", " 0", ("a", "Penguin classics.")),
            field("856", "40", ("u", "https://example.org/crusoe"), ("z", "Full text")),
        ]
    )

    static let defoeHoldings = [
        DiscoveryHolding(
            libraryCode: "MAIN",
            libraryName: "Main Library",
            locationCode: "STACKS",
            locationName: "Stacks",
            callNumber: "PR3403 .A1 2003",
            availableItems: 1,
            totalItems: 2
        ),
        DiscoveryHolding(
            libraryCode: "LAW",
            libraryName: "Law Library",
            locationCode: "RES",
            locationName: "",
            availableItems: 0,
            totalItems: 1
        ),
    ]

    /// War and peace in translation, with its Cyrillic title in an 880 and an older 260 imprint.
    static let tolstoy = MARCRecord(
        leader: "00000cam a2200000 a 4500",
        fields: [
            .control(tag: "001", value: "990000000000002"),
            .control(tag: "008", value: fixed008([0: "830512", 6: "s", 7: "1983", 15: "nyu", 35: "eng", 39: "d"])),
            field("041", "1 ", ("a", "eng"), ("h", "rus")),
            field("100", "1 ", ("a", "Tolstoy, Leo,"), ("c", "graf,"), ("d", "1828-1910.")),
            field("245", "10", ("6", "880-01"), ("a", "War and peace /"), ("c", "Leo Tolstoy ; translated by Louise and Aylmer Maude.")),
            field("880", "10", ("6", "245-01/(N"), ("a", "Война и мир /"), ("c", "Лев Толстой.")),
            field("260", "  ", ("a", "New York :"), ("b", "Oxford University Press,"), ("c", "[1983]")),
            field("650", " 0", ("a", "Napoleonic Wars, 1800-1815"), ("v", "Fiction.")),
            field("651", " 0", ("a", "Russia"), ("x", "History"), ("y", "1801-1917"), ("v", "Fiction.")),
        ]
    )

    /// A journal article: leader `nab`, a 773 host item with an ISSN.
    static let article = MARCRecord(
        leader: "00000nab a2200000 i 4500",
        fields: [
            .control(tag: "008", value: fixed008([6: "s", 7: "2001", 21: "p", 35: "eng"])),
            field("100", "1 ", ("a", "Smith, Jane Q.")),
            field("245", "10", ("a", "Popcorn physics :"), ("b", "a study.")),
            field("773", "0 ", ("t", "Journal of things."), ("g", "Vol. 3, no. 2 (2001), p. 5-10"), ("x", "12345679")),
        ]
    )

    /// A DVD: leader `ngm`, 008/33 `v`.
    static let video = MARCRecord(
        leader: "00000ngm a2200000 i 4500",
        fields: [
            .control(tag: "008", value: fixed008([6: "s", 7: "2010", 33: "v", 35: "fre"])),
            field("245", "00", ("a", "Popcorn :"), ("b", "the movie.")),
            field("264", " 1", ("a", "[Paris] :"), ("b", "[Films du Maïs],"), ("c", "[2010]")),
        ]
    )
}
