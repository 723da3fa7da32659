/// Hashes and checks user passwords; implemented where cryptography lives (`LecternGateway`).
public protocol PasswordHasher: Sendable {
    /// The stored form of `password` (salted, slow).
    func hash(_ password: String) -> String
    /// Whether `password` matches the stored form `hash`.
    func verify(_ password: String, against hash: String) -> Bool
}
