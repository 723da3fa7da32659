/// A set of ASCII bytes, tested with two shifts: the punctuation rules run for every subfield of
/// every record written, so they never build a `CharacterSet` or a regular expression.
struct ASCIISet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// The set of the ASCII characters in `characters`; any other byte is ignored.
    init(_ characters: StaticString) {
        characters.withUTF8Buffer { bytes in
            for byte in bytes { insert(byte) }
        }
    }

    private mutating func insert(_ byte: UInt8) {
        if byte < 64 {
            low |= 1 << UInt64(byte)
        } else if byte < 128 {
            high |= 1 << UInt64(byte - 64)
        }
    }

    /// Whether `byte` is in the set; bytes of 128 and above never are.
    func contains(_ byte: UInt8) -> Bool {
        if byte < 64 { return low & (1 << UInt64(byte)) != 0 }
        if byte < 128 { return high & (1 << UInt64(byte - 64)) != 0 }
        return false
    }

    /// Whether the set holds the subfield code `code` (subfield codes are ASCII).
    func contains(_ code: Character) -> Bool {
        guard let byte = code.asciiValue else { return false }
        return contains(byte)
    }

    /// Space, tab, CR and LF: the whitespace MARC data carries.
    static let whitespace = ASCIISet(" \t\r\n")
    /// The digits `0`–`9`: numeric subfield codes, which no PNX rule takes unless it names them.
    static let digits = ASCIISet("0123456789")
}
