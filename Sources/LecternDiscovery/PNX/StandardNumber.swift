/// ISBN, ISSN and OCLC number forms, for searching and citations.
enum StandardNumber {
    /// The compact ISBN at the start of an 020 `$a` (`"0-14-143982-4 (pbk.)"` → `"0141439824"`),
    /// or `nil` when it does not have 10 or 13 characters.
    static func isbn(_ text: String) -> String? {
        var characters: [UInt8] = []
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                characters.append(byte)
            } else if byte == UInt8(ascii: "X") || byte == UInt8(ascii: "x") {
                characters.append(UInt8(ascii: "X"))
            } else if byte == UInt8(ascii: "-") {
                continue
            } else if !characters.isEmpty {
                break
            }
        }
        guard characters.count == 10 || characters.count == 13 else { return nil }
        return String(decoding: characters, as: UTF8.self)
    }

    /// Every ISBN in both forms, so that a search with either matches: `0141439824` adds
    /// `9780141439822`, and a `978` ISBN-13 adds its ISBN-10.
    static func searchISBNs(_ recorded: [String]) -> [String] {
        var values: [String] = []
        for text in recorded {
            guard let isbn = isbn(text) else { continue }
            values.appendUnique(isbn)
            if let other = isbn.utf8.count == 10 ? isbn13(isbn) : isbn10(isbn) { values.appendUnique(other) }
        }
        return values
    }

    /// The ISBN-13 of an ISBN-10.
    static func isbn13(_ isbn10: String) -> String? {
        let digits = Array(isbn10.utf8)
        guard digits.count == 10, PNXText.isDigits(digits[0..<9]) else { return nil }
        let body = Array("978".utf8) + digits[0..<9]
        var sum = 0
        for (index, byte) in body.enumerated() { sum += Int(byte - 0x30) * (index % 2 == 0 ? 1 : 3) }
        let check = (10 - sum % 10) % 10
        return String(decoding: body, as: UTF8.self) + String(check)
    }

    /// The ISBN-10 of a `978` ISBN-13, or `nil`.
    static func isbn10(_ isbn13: String) -> String? {
        let digits = Array(isbn13.utf8)
        guard digits.count == 13, PNXText.isDigits(digits), digits[0..<3].elementsEqual("978".utf8) else { return nil }
        let body = digits[3..<12]
        var sum = 0
        for (offset, byte) in body.enumerated() { sum += Int(byte - 0x30) * (10 - offset) }
        let check = (11 - sum % 11) % 11
        return String(decoding: body, as: UTF8.self) + (check == 10 ? "X" : String(check))
    }

    /// An ISSN as `NNNN-NNNC` (`"0953-8585"`), or `nil` when the text has not eight characters.
    static func issn(_ text: String) -> String? {
        var characters: [UInt8] = []
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                characters.append(byte)
            } else if byte == UInt8(ascii: "X") || byte == UInt8(ascii: "x") {
                characters.append(UInt8(ascii: "X"))
            } else if byte == UInt8(ascii: "-") || byte == 0x20 {
                if characters.count == 8 { break }
            } else if !characters.isEmpty {
                break
            }
        }
        guard characters.count == 8 else { return nil }
        return String(decoding: characters[0..<4], as: UTF8.self) + "-" + String(decoding: characters[4..<8], as: UTF8.self)
    }

    /// The OCLC number of an 035 `$a` (`"(OCoLC)ocm12345678"` → `"12345678"`), or `nil`.
    static func oclcNumber(_ text: String) -> String? {
        let prefix = "(OCoLC)"
        guard text.hasPrefix(prefix) else { return nil }
        var number = Substring(text.dropFirst(prefix.count))
        for letters in ["ocm", "ocn", "on"] where number.hasPrefix(letters) {
            number = number.dropFirst(letters.count)
            break
        }
        let trimmed = PNXText.trimmed(String(number))
        return PNXText.isDigits(trimmed.utf8) ? trimmed : nil
    }
}
