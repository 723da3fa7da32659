import Crypto
public import Foundation
import LecternCore

/// Short-lived tokens that let the developer portal's API console call the APIs as one of the
/// developer's keys, which the portal cannot do with the key itself: it stores only its hash.
///
/// A token is `KEYID.EXPIRY.MAC`: the key's row id, the expiry in seconds since 1970, and the hex
/// HMAC-SHA256 of `KEYID.EXPIRY` under a secret drawn at random when the process starts. So a
/// token cannot be forged or altered, it is valid for ``lifetime`` only, and a restart ends every
/// token. A client sends it as `X-Lectern-Console-Token: TOKEN` instead of an API key; the call is
/// then an ordinary call of that key (permissions, thresholds, usage, request log), and a token
/// of a key revoked since it was issued is refused.
public final class ConsoleTokens: Sendable {
    /// How long a token is valid: 10 minutes.
    public static let lifetime: TimeInterval = 600

    private let secret: [UInt8]
    private let clock: @Sendable () -> Date

    /// Creates the issuer with a new random secret; `clock` is replaceable for tests.
    public init(clock: @escaping @Sendable () -> Date = Date.init) {
        var generator = SystemRandomNumberGenerator()
        self.secret = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        self.clock = clock
    }

    /// A token for the key with row id `keyID`, valid for ``lifetime`` from now.
    ///
    /// It does not check the key: the gateway checks it on every call made with the token.
    public func issue(keyID: Int64) -> String {
        let expiry = Int64(clock().timeIntervalSince1970.rounded(.down) + Self.lifetime)
        let message = "\(keyID).\(expiry)"
        return message + "." + mac(message)
    }

    /// The key row id named by `token`, or `nil` when the token was not issued by this process,
    /// was altered, or has expired. The MAC is compared in constant time.
    public func keyID(verifying token: some StringProtocol) -> Int64? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        guard ConstantTime.equals(mac("\(parts[0]).\(parts[1])"), String(parts[2])) else { return nil }
        guard let keyID = Int64(parts[0]), let expiry = Int64(parts[1]), Double(expiry) > clock().timeIntervalSince1970 else { return nil }
        return keyID
    }

    private func mac(_ message: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: secret))
        return code.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
