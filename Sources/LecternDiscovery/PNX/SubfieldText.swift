import LecternMARC

// Subfield selection as the normalization rules phrase it: "subfields a,b,f without sort"
// (the named codes, in record order) and "excluding num subfields".

enum SubfieldText {
    /// The values of the subfields whose code is in `codes`, in record order, joined by spaces.
    static func join(_ subfields: [MARCRecord.Subfield], _ codes: ASCIISet) -> String {
        var joiner = TextJoiner()
        for subfield in subfields where codes.contains(subfield.code) {
            joiner.add(subfield.value)
        }
        return joiner.text
    }

    /// The values of every non-numeric subfield not in `excluded`, in record order, joined by spaces.
    static func joinNonNumeric(_ subfields: [MARCRecord.Subfield], excluding excluded: ASCIISet? = nil) -> String {
        var joiner = TextJoiner()
        for subfield in subfields {
            guard let code = subfield.code.asciiValue, !ASCIISet.digits.contains(code) else { continue }
            if let excluded, excluded.contains(code) { continue }
            joiner.add(subfield.value)
        }
        return joiner.text
    }

    /// The first value of subfield `code`, trimmed, or `""`.
    static func first(_ subfields: [MARCRecord.Subfield], _ code: Character) -> String {
        for subfield in subfields where subfield.code == code {
            let value = PNXText.trimmed(subfield.value)
            if !value.isEmpty { return value }
        }
        return ""
    }

    /// Every value of subfield `code`, trimmed, empty ones dropped.
    static func all(_ subfields: [MARCRecord.Subfield], _ code: Character) -> [String] {
        var values: [String] = []
        for subfield in subfields where subfield.code == code {
            values.appendNonEmpty(PNXText.trimmed(subfield.value))
        }
        return values
    }

    /// The tag `$6` links an 880 to (`"245-01/(N"` → 245), or `nil`.
    static func linkedTag(_ subfields: [MARCRecord.Subfield]) -> Int? {
        for subfield in subfields where subfield.code == "6" {
            return tagNumber(subfield.value)
        }
        return nil
    }

    /// The number of a three-digit tag (`"245"` → 245); `nil` when the text does not start with three digits.
    static func tagNumber(_ tag: String) -> Int? {
        var number = 0
        var count = 0
        for byte in tag.utf8 {
            guard count < 3 else { break }
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            number = number * 10 + Int(byte - 0x30)
            count += 1
        }
        return count == 3 ? number : nil
    }
}
