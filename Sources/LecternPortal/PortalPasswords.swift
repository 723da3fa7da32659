import HummingbirdBcrypt

/// Developers' passwords: bcrypt, with a cost that tests may lower.
public struct PortalPasswords: Sendable {
    let cost: UInt8

    /// Creates the hasher; the default cost takes about a tenth of a second per hash.
    public init(cost: UInt8 = 10) {
        self.cost = cost
    }

    func hash(_ password: String) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// A password is 8 to 128 characters.
    static func check(_ password: String) throws(PortalError) {
        guard (8...128).contains(password.count) else { throw PortalError("A password has 8 to 128 characters.") }
    }
}
