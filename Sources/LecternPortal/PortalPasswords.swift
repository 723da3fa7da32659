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

    /// Refuses a password ``PasswordPolicy`` does not allow for this account.
    static func check(_ password: String, name: String = "", email: String = "") throws(PortalError) {
        if let problem = PasswordPolicy.problem(password, name: name, email: email) { throw PortalError(problem) }
    }
}
