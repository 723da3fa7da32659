import LecternCore

/// Numbers for the demo catalogue: ISBN and ISSN with their check digits, Cutter numbers, zero
/// padding and a hash that is the same in every process. Written without Foundation, so that a
/// record costs only a few allocations.
enum DemoCatalogueNumbers {
    private static let zero = UInt8(ascii: "0")

    /// `value` (not negative) in decimal with leading zeros to `width` digits.
    static func padded(_ value: Int, width: Int) -> String {
        var digits = [UInt8](repeating: zero, count: width)
        var rest = value
        var index = width - 1
        while index >= 0 && rest > 0 {
            digits[index] = zero + UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
        return String(decoding: digits, as: UTF8.self)
    }

    /// The two-digit forms of 0 to 99, for dates.
    static let twoDigits: [String] = (0..<100).map { padded($0, width: 2) }

    /// An ISBN-13 starting with `978`, `group` and `registrant`, with random publication digits
    /// and a correct check digit.
    static func isbn(group: String, registrant: String, random: inout SeededGenerator) -> String {
        var digits = Array(("978" + group + registrant).utf8).map { $0 - zero }
        while digits.count < 12 {
            digits.append(UInt8(random.int(10)))
        }
        digits.append(isbnCheckDigit(digits))
        return String(decoding: digits.map { $0 + zero }, as: UTF8.self)
    }

    /// The ISBN-13 check digit of the first twelve `digits` (values 0-9): weights 1 and 3 in
    /// turn, and the digit that brings the sum to a multiple of 10.
    static func isbnCheckDigit(_ digits: [UInt8]) -> UInt8 {
        var sum = 0
        for (index, digit) in digits.prefix(12).enumerated() {
            sum += Int(digit) * (index % 2 == 0 ? 1 : 3)
        }
        return UInt8((10 - sum % 10) % 10)
    }

    /// A random ISSN, `1234-567X`, with a correct check character.
    static func issn(random: inout SeededGenerator) -> String {
        var digits: [UInt8] = [UInt8(random.int(3))]
        for _ in 1..<7 {
            digits.append(UInt8(random.int(10)))
        }
        var bytes = digits.map { $0 + zero }
        bytes.insert(UInt8(ascii: "-"), at: 4)
        bytes.append(issnCheckCharacter(digits))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The ISSN check character of seven `digits`: weights 8 down to 2, modulus 11, `X` for 10.
    static func issnCheckCharacter(_ digits: [UInt8]) -> UInt8 {
        var sum = 0
        for (index, digit) in digits.prefix(7).enumerated() {
            sum += Int(digit) * (8 - index)
        }
        let check = (11 - sum % 11) % 11
        return check == 10 ? UInt8(ascii: "X") : zero + UInt8(check)
    }

    /// The Cutter number of `name` after the Library of Congress Cutter table: the initial,
    /// a digit for the second letter (by the rules for initial vowels, `S`, `Qu` and other
    /// consonants) and a digit for the next letter. "Smith" is `S65`, "Anderson" `A53`.
    static func cutter(_ name: String) -> String {
        let letters = folded(name)
        guard let first = letters.first else { return "A1" }
        var result = [first - 32]  // upper case
        guard letters.count > 1 else { return String(decoding: result + [UInt8(ascii: "1")], as: UTF8.self) }
        var next = 2
        let second = letters[1]
        let digit: Int
        switch first {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"):
            digit = step(second, [("b", 2), ("d", 3), ("l", 4), ("n", 5), ("p", 6), ("r", 7), ("s", 8), ("u", 9)])
        case UInt8(ascii: "s"):
            if second == UInt8(ascii: "c"), letters.count > 2, letters[2] == UInt8(ascii: "h") {
                digit = 3
                next = 3
            } else {
                digit = step(second, [("a", 2), ("e", 4), ("h", 5), ("m", 6), ("t", 7), ("u", 8), ("w", 9)])
            }
        case UInt8(ascii: "q"):
            if second == UInt8(ascii: "u"), letters.count > 2 {
                digit = step(letters[2], [("a", 3), ("e", 4), ("i", 5), ("o", 6), ("r", 7), ("y", 9)])
                next = 3
            } else {
                digit = 2
            }
        default:
            digit = step(second, [("a", 3), ("e", 4), ("i", 5), ("o", 6), ("r", 7), ("u", 8), ("y", 9)])
        }
        result.append(zero + UInt8(digit))
        if next < letters.count {
            result.append(zero + UInt8(step(letters[next], [("a", 3), ("e", 4), ("i", 5), ("m", 6), ("p", 7), ("t", 8), ("w", 9)])))
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The digit of the last step in `table` (letter, digit) whose letter is not after `letter`;
    /// letters before the first step take its digit.
    private static func step(_ letter: UInt8, _ table: [(Character, Int)]) -> Int {
        var digit = table[0].1
        for (start, value) in table where letter >= start.asciiValue! {
            digit = value
        }
        return digit
    }

    /// The lower-case ASCII letters of `name`, with accents removed (`Müller` -> `muller`).
    static func folded(_ name: String) -> [UInt8] {
        var letters: [UInt8] = []
        letters.reserveCapacity(name.utf8.count)
        for scalar in name.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value) | 0x20  // lower case for letters
                if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { letters.append(byte) }
            } else if let base = foldings[scalar] {
                letters.append(base)
            }
        }
        return letters
    }

    /// Accented letters, small and capital, and the ASCII letter they file as.
    private static let foldings: [Unicode.Scalar: UInt8] = {
        let groups = [
            "aàáâãäåāăąæ", "cçćč", "dďđ", "eèéêëēėęě", "iìíîïīĭ", "lł", "nñńň", "oòóôõöøōœ", "rřŕ", "sśšşß", "tťţ", "uùúûüūů", "yýÿ",
            "zźżž",
        ]
        var map: [Unicode.Scalar: UInt8] = [:]
        for group in groups {
            let scalars = Array(group.unicodeScalars)
            for scalar in scalars.dropFirst() {
                map[scalar] = UInt8(scalars[0].value)
                for capital in String(scalar).uppercased().unicodeScalars.prefix(1) where capital != scalar {
                    map[capital] = UInt8(scalars[0].value)
                }
            }
        }
        return map
    }()

    /// FNV-1a over the UTF-8 bytes of `text`: unlike `hashValue`, the same in every run.
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }

    /// A bijection of `0..<1_000_000_000` onto itself, offset by `salt`: spreads consecutive
    /// numbers (record and item indexes) so that barcodes look issued, and never repeats one.
    static func scrambled(_ value: Int, salt: UInt64) -> Int {
        let modulus: UInt64 = 1_000_000_000
        // 3^18 has no factor 2 or 5, so multiplying by it permutes the residues mod 10^9.
        return Int((UInt64(value) &* 387_420_489 &+ salt % modulus) % modulus)
    }
}
