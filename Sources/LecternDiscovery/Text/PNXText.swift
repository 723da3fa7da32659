// The punctuation rules of Primo VE's MARC normalization (PRIMO.md §4 "General rules",
// from VE-MAP), written as byte scans over UTF-8: no Foundation, no regular expressions.

enum PNXText {
    /// Title, series, is-part-of, relation, creator and contributor: `,/=:;` at the end.
    static let headingPunctuation = ASCIISet(",/=:;")
    /// Subjects lose trailing full stops.
    static let subjectPunctuation = ASCIISet(".")
    /// Creation dates lose `]:,=/.` at the end.
    static let dateTrailing = ASCIISet("]:,=/.")
    /// ... and `[` at the start.
    static let dateLeading = ASCIISet("[")
    /// Publisher and place: brackets and parentheses are deleted wherever they are.
    static let brackets = ASCIISet("[]()")
    /// Facet and citation forms of names and titles: heading punctuation and full stops.
    static let namePunctuation = ASCIISet(",/=:;.")

    /// `text` without the whitespace and the characters of `set` at its end.
    static func trimmingTrailing(_ text: String, _ set: ASCIISet) -> String {
        let utf8 = text.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex {
            let before = utf8.index(before: end)
            let byte = utf8[before]
            guard ASCIISet.whitespace.contains(byte) || set.contains(byte) else { break }
            end = before
        }
        if end == utf8.endIndex { return text }
        return String(text[utf8.startIndex..<end])
    }

    /// `text` without the whitespace and the characters of `set` at its start.
    static func trimmingLeading(_ text: String, _ set: ASCIISet) -> String {
        let utf8 = text.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex {
            let byte = utf8[start]
            guard ASCIISet.whitespace.contains(byte) || set.contains(byte) else { break }
            start = utf8.index(after: start)
        }
        if start == utf8.startIndex { return text }
        return String(text[start..<utf8.endIndex])
    }

    /// `text` without whitespace at either end.
    static func trimmed(_ text: String) -> String {
        trimmingLeading(trimmingTrailing(text, ASCIISet.whitespace), ASCIISet.whitespace)
    }

    /// `text` without any character of `set`, and with runs of spaces made single.
    static func removing(_ set: ASCIISet, from text: String) -> String {
        var found = false
        for byte in text.utf8 where set.contains(byte) {
            found = true
            break
        }
        guard found else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 where !set.contains(byte) {
            if byte == 0x20, bytes.last == 0x20 { continue }
            bytes.append(byte)
        }
        return trimmed(String(decoding: bytes, as: UTF8.self))
    }

    /// The first run of four ASCII digits in `text` (`"c1997."` → `"1997"`), or `nil`.
    static func firstYear(_ text: String) -> String? {
        var run = 0
        var index = text.utf8.startIndex
        var runStart = index
        while index < text.utf8.endIndex {
            let byte = text.utf8[index]
            if byte >= 0x30 && byte <= 0x39 {
                if run == 0 { runStart = index }
                run += 1
                if run == 4 {
                    let end = text.utf8.index(after: index)
                    let next = end < text.utf8.endIndex ? text.utf8[end] : 0
                    if next < 0x30 || next > 0x39 { return String(text[runStart..<end]) }
                }
            } else {
                run = 0
            }
            index = text.utf8.index(after: index)
        }
        return nil
    }

    /// Whether every byte of `text` is an ASCII digit (and there is at least one).
    static func isDigits(_ text: some Collection<UInt8>) -> Bool {
        !text.isEmpty && text.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}

/// Joins values with separators, skipping empty ones: how the normalization rules concatenate
/// "subfields without sort". It gathers UTF-8 bytes and makes one string at the end, which is
/// several times cheaper than growing a `String` part by part.
struct TextJoiner {
    private var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(96)
    }

    /// Appends `value`, trimmed, after a space.
    mutating func add(_ value: String) {
        var value = value
        value.withUTF8 { buffer in
            var start = 0
            var end = buffer.count
            while start < end, ASCIISet.whitespace.contains(buffer[start]) { start += 1 }
            while end > start, ASCIISet.whitespace.contains(buffer[end - 1]) { end -= 1 }
            guard start < end else { return }
            if !bytes.isEmpty { bytes.append(0x20) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<end]))
        }
    }

    /// Appends `value` as is, after `separator` when something came before.
    mutating func add(_ value: String, separator: String) {
        guard !value.isEmpty else { return }
        if !bytes.isEmpty { bytes.append(contentsOf: separator.utf8) }
        bytes.append(contentsOf: value.utf8)
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// The joined text.
    var text: String { bytes.isEmpty ? "" : String(decoding: bytes, as: UTF8.self) }
}

extension [String] {
    /// Appends `value` unless it is empty or already present (values keep their first position).
    mutating func appendUnique(_ value: String) {
        guard !value.isEmpty, !contains(value) else { return }
        append(value)
    }

    /// Appends `value` unless it is empty.
    mutating func appendNonEmpty(_ value: String) {
        guard !value.isEmpty else { return }
        append(value)
    }
}
