import Crypto
public import LecternCore
import _CryptoExtras

/// Passwords as `pbkdf2-sha256$ROUNDS$SALT$DIGEST` (hex), through swift-crypto's PBKDF2.
public struct PBKDF2PasswordHasher: PasswordHasher {
    /// Iterations of the key derivation.
    public var rounds: Int

    /// Creates a hasher.
    public init(rounds: Int = 20_000) {
        self.rounds = rounds
    }

    public func hash(_ password: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return "pbkdf2-sha256$\(rounds)$\(Self.hex(salt))$\(Self.hex(derive(password, salt: salt, rounds: rounds)))"
    }

    public func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$")
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let rounds = Int(parts[1]), (1...10_000_000).contains(rounds),
            let salt = Self.bytes(parts[2])
        else { return false }
        return ConstantTime.equals(Self.hex(derive(password, salt: salt, rounds: rounds)), String(parts[3]))
    }

    private func derive(_ password: String, salt: [UInt8], rounds: Int) -> [UInt8] {
        let key = try? KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8),
            salt: salt,
            using: .sha256,
            outputByteCount: 32,
            unsafeUncheckedRounds: rounds
        )
        return key.map { $0.withUnsafeBytes { Array($0) } } ?? []
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    private static func bytes(_ hex: Substring) -> [UInt8]? {
        let characters = Array(hex)
        guard characters.count % 2 == 0 else { return nil }
        return stride(from: 0, to: characters.count, by: 2).compactMap { UInt8(String(characters[$0...$0 + 1]), radix: 16) }
    }
}
