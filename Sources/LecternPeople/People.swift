import Foundation
public import LecternRepresentation
public import LecternStore

extension Kind {
    /// A user (`rest_user.xsd`), by primary id: Alma's users, Esploro's researchers among them.
    public static let user = Kind(rawValue: "user")
    /// A code table, by name.
    public static let codeTable = Kind(rawValue: "code_table")
}

/// How people become stored documents, for whoever loads data (the demo institution).
public enum PeopleDocuments {
    /// A user, already in canonical form; `passwordHash` from a `PasswordHasher`.
    public static func user(_ user: Node, passwordHash: String? = nil) -> Document {
        UserDocument.make(UserRules.normalize(user), passwordHash: passwordHash, modified: ISO8601DateFormatter().string(from: Date()))
    }
}
