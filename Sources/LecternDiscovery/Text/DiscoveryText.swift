/// The one text normalization behind `exact` and `begins_with` matching, facet values and sort
/// keys, used on both sides: ``DiscoveryIndex`` applies it to record values, and the search
/// handler applies it to query values, so the two always compare equal for equal text.
///
/// `normalized("Über Größe: Anne-Marie's “Notes”")` is `"uber grosse anne marie s notes"`:
/// letters and digits lowercased, Latin diacritics folded (`é` → `e`, `ß` → `ss`, `Ø` → `o`),
/// combining marks dropped, every other character a word break, words separated by single
/// spaces. Letters of other scripts are kept, lowercased where Unicode defines a lowercase.
///
/// It is a byte loop with a table for Latin-1 and Latin Extended-A, cheap enough to run on
/// every value of every record during a bulk import.
public enum DiscoveryText {
    /// `text` lowercased, folded and reduced to words separated by single spaces.
    public static func normalized(_ text: String) -> String {
        if let ascii = normalizedASCII(text) { return ascii }
        var out = Output(capacity: text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                    out.append(byte)
                } else if byte >= 0x41 && byte <= 0x5A {
                    out.append(byte + 0x20)
                } else {
                    out.pendingSpace = true
                }
            } else if let folded = LatinFold.fold(value) {
                if folded.isEmpty {
                    out.pendingSpace = true
                } else {
                    out.append(contentsOf: folded)
                }
            } else if LatinFold.isCombiningMark(value) {
                continue
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if scalar.properties.changesWhenLowercased {
                    out.append(contentsOf: scalar.properties.lowercaseMapping)
                } else {
                    out.append(contentsOf: String(scalar))
                }
            } else {
                out.pendingSpace = true
            }
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// ``normalized(_:)`` of ASCII text, straight from its UTF-8 bytes; `nil` when `text` is not ASCII.
    private static func normalizedASCII(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { source -> String? in
            var isASCII = true
            let result = String(unsafeUninitializedCapacity: source.count) { target in
                var length = 0
                var pendingSpace = false
                for byte in source {
                    let mapped = asciiMap[Int(byte)]
                    if mapped == 0 {
                        pendingSpace = true
                    } else if mapped == 0xFF {
                        isASCII = false
                        return 0
                    } else {
                        // At most one byte per input byte: a space only replaces a separator
                        // that came before it.
                        if pendingSpace, length > 0 {
                            target[length] = 0x20
                            length += 1
                        }
                        pendingSpace = false
                        target[length] = mapped
                        length += 1
                    }
                }
                return length
            }
            return isASCII ? result : nil
        }
    }

    /// Per byte: the lowercase letter or digit it stands for, `0` for a separator, `0xFF` for
    /// a byte of a non-ASCII character.
    private static let asciiMap: [UInt8] = (0..<256).map { value -> UInt8 in
        let byte = UInt8(value)
        if byte >= 0x80 { return 0xFF }
        if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) { return byte }
        if byte >= 0x41 && byte <= 0x5A { return byte + 0x20 }
        return 0
    }

    /// `values` joined by `separator` (one ASCII byte), in one allocation.
    static func join(_ values: [String], separator: UInt8) -> String {
        if values.count == 1 { return values[0] }
        var total = max(0, values.count - 1)
        for value in values { total += value.utf8.count }
        return String(unsafeUninitializedCapacity: total) { target in
            var length = 0
            for (index, value) in values.enumerated() {
                if index > 0 {
                    target[length] = separator
                    length += 1
                }
                var value = value
                value.withUTF8 { bytes in
                    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
                    (target.baseAddress! + length).update(from: base, count: bytes.count)
                    length += bytes.count
                }
            }
            return length
        }
    }

    /// The words of ``normalized(_:)``: `words("War and Peace.")` is `["war", "and", "peace"]`.
    public static func words(_ text: String) -> [String] {
        let normalized = normalized(text)
        guard !normalized.isEmpty else { return [] }
        return normalized.split(separator: " ").map(String.init)
    }

    /// UTF-8 output with at most one space between words and none at either end.
    private struct Output {
        var bytes: [UInt8] = []
        var pendingSpace = false

        init(capacity: Int) {
            bytes.reserveCapacity(capacity)
        }

        mutating func append(_ byte: UInt8) {
            if pendingSpace, !bytes.isEmpty { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(byte)
        }

        mutating func append(contentsOf text: String) {
            if pendingSpace, !bytes.isEmpty { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(contentsOf: text.utf8)
        }
    }
}
