import Crypto

/// A key's SHA-256 digest as the key directory's cache holds it.
///
/// The cache is read on every call: four words hash and compare faster than the 64 hex digits
/// stored in the registry (``APIKey/hash(_:)``), and need no string built per call.
struct KeyDigest: Hashable, Sendable {
    private let words: SIMD4<UInt64>

    /// The digest of `key`.
    init(key: Substring) {
        var hasher = SHA256()
        var key = key
        key.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        var words = SIMD4<UInt64>()
        hasher.finalize().withUnsafeBytes { bytes in
            for index in 0..<4 { words[index] = bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self) }
        }
        self.words = words
    }

    /// The digest written as 64 hex digits, as the registry stores it, or `nil` if it is not one.
    init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes = [UInt8](repeating: 0, count: 32)
        for index in 0..<32 {
            guard let high = Self.value(of: digits[2 * index]), let low = Self.value(of: digits[2 * index + 1]) else { return nil }
            bytes[index] = high << 4 | low
        }
        var words = SIMD4<UInt64>()
        bytes.withUnsafeBytes { bytes in
            for index in 0..<4 { words[index] = bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self) }
        }
        self.words = words
    }

    private static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
