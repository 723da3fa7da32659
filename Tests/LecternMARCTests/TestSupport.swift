import Foundation
import LecternMARC

/// The contents of a file in `Fixtures/`, found next to this source file.
func fixture(_ name: String) throws -> Data {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(name)
    return try Data(contentsOf: url)
}

/// `bytes` of a string, for building ISO 2709 records by hand.
func bytes(_ string: String) -> [UInt8] {
    Array(string.utf8)
}

/// The record with the leader positions the ISO 2709 writer computes or fixes (lengths,
/// encoding, `22`, `4500`) blanked out, so records compare by content.
func normalized(_ record: MARCRecord) -> MARCRecord {
    var leader = Array(record.leader.utf8)
    if leader.count == 24 {
        for index in [0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 14, 15, 16, 20, 21, 22, 23] {
            leader[index] = UInt8(ascii: "#")
        }
    }
    return MARCRecord(leader: String(decoding: leader, as: UTF8.self), fields: record.fields)
}

/// Builds an ISO 2709 record from its parts, computing the lengths unless told otherwise.
func iso(
    leader template: String = "00000nam a2200000 a 4500",
    directory: [UInt8],
    data: [UInt8],
    length: Int? = nil,
    base: Int? = nil
) -> [UInt8] {
    let base = base ?? 24 + directory.count + 1
    let length = length ?? 24 + directory.count + 1 + data.count + 1
    var leader = Array(template.utf8)
    leader.replaceSubrange(0..<5, with: Array(String(format: "%05d", length).utf8))
    leader.replaceSubrange(12..<17, with: Array(String(format: "%05d", base).utf8))
    return leader + directory + [0x1E] + data + [0x1D]
}

/// Records with non-ASCII content (French, German, Chinese, Hebrew), as a cataloguer would enter them.
let multilingualRecords: [MARCRecord] = [
    MARCRecord(
        leader: "00000cam a2200000 i 4500",
        fields: [
            .control(tag: "001", value: "991234567890123"),
            .control(tag: "008", value: "190312s2019    fr            000 0 fre d"),
            .data(tag: "020", indicator1: " ", indicator2: " ", subfields: [.init("a", "9782070368228")]),
            .data(tag: "100", indicator1: "1", indicator2: " ", subfields: [.init("a", "Écho, Zoé,"), .init("e", "auteur.")]),
            .data(
                tag: "245",
                indicator1: "1",
                indicator2: "0",
                subfields: [.init("a", "Les misérables à Montréal :"), .init("b", "über Größe und Übermaß /"), .init("c", "Zoé Écho.")]
            ),
            .data(
                tag: "264",
                indicator1: " ",
                indicator2: "1",
                subfields: [.init("a", "Paris :"), .init("b", "Éditions Gallimard,"), .init("c", "2019.")]
            ),
            .data(tag: "650", indicator1: " ", indicator2: "0", subfields: [.init("a", "Käse"), .init("z", "Zürich.")]),
        ]
    ),
    MARCRecord(
        leader: "00000cam a2200000 a 4500",
        fields: [
            .control(tag: "001", value: "991234567890124"),
            .data(tag: "245", indicator1: "0", indicator2: "0", subfields: [.init("a", "中文信息处理 /"), .init("c", "王小明著.")]),
            .data(tag: "880", indicator1: "1", indicator2: "0", subfields: [.init("6", "245-01/$1"), .init("a", "红楼梦")]),
            .data(tag: "500", indicator1: " ", indicator2: " ", subfields: [.init("a", "Emoji 📚 and a combining é (e + U+0301).")]),
        ]
    ),
    MARCRecord(
        leader: "00000cam a2200000 a 4500",
        fields: [
            .control(tag: "001", value: "991234567890125"),
            .data(tag: "245", indicator1: "1", indicator2: "0", subfields: [.init("a", "ספר בראשית /"), .init("c", "שלום עליכם.")]),
            .data(tag: "546", indicator1: " ", indicator2: " ", subfields: [.init("a", "Text in Hebrew (עברית).")]),
            .data(tag: "035", indicator1: " ", indicator2: " ", subfields: [.init("a", "(OCoLC)12345 & <more> \"quoted\"")]),
            .data(tag: "999", indicator1: " ", indicator2: " ", subfields: []),
        ]
    ),
]
