import Crypto

/// API keys: how they look, how they are made, how they are stored.
///
/// A key is `l7xx` followed by 32 lower-case hex digits, as the Developer Network issues them.
/// It is 128 random bits, so an unsalted SHA-256 digest is a safe thing to store and look up by;
/// the key itself is shown once, when it is created, and never stored.
public enum APIKey {
    /// A new random key.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = (0..<32).map { _ in hexDigits[Int(generator.next(upperBound: UInt8(16)))] }
        return "l7xx" + String(digits)
    }

    /// Whether `key` is shaped like a key (anything else is refused as INVALID_REQUEST).
    public static func isWellFormed(_ key: some StringProtocol) -> Bool {
        guard (20...64).contains(key.utf8.count) else { return false }
        return key.utf8.allSatisfy { (48...57).contains($0) || (97...122).contains($0) || (65...90).contains($0) }
    }

    /// The stored form of a key: its SHA-256 digest in hex.
    public static func hash(_ key: some StringProtocol) -> String {
        let digest = SHA256.hash(data: Array(key.utf8))
        return String(unsafeUninitializedCapacity: 64) { buffer in
            var index = 0
            for byte in digest {
                buffer[index] = hexBytes[Int(byte >> 4)]
                buffer[index + 1] = hexBytes[Int(byte & 0x0f)]
                index += 2
            }
            return index
        }
    }

    /// The part of a key shown in listings.
    public static func prefix(_ key: String) -> String { String(key.prefix(8)) }

    private static let hexDigits = Array("0123456789abcdef")
    private static let hexBytes = Array("0123456789abcdef".utf8)
}
