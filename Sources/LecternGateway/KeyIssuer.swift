public import LecternCore
public import LecternStore

/// Creates API keys: stores the hash, returns the key, which is never seen again.
public enum KeyIssuer {
    /// A new key for `institution`; the returned string is the only copy of the key.
    ///
    /// - parameter application: the developer portal application the key belongs to, if any.
    /// - throws: ``KeyIssuerError/unknownInstitution(_:)`` when the institution does not exist,
    ///   ``KeyIssuerError/invalidNetwork(_:)`` for a network that is not a CIDR block.
    public static func issue(
        in registry: any Registry,
        institution: String,
        environment: Environment,
        permissions: [Area: Access],
        allowedNetworks: [String] = [],
        unthrottled: Bool = false,
        label: String,
        application: Int64? = nil
    ) async throws -> String {
        guard try await registry.institution(institution) != nil else { throw KeyIssuerError.unknownInstitution(institution) }
        try validate(allowedNetworks)
        let key = APIKey.generate()
        _ = try await registry.createKey(
            KeyRecord(
                hash: APIKey.hash(key),
                prefix: APIKey.prefix(key),
                label: label,
                institution: institution,
                environment: environment,
                permissions: permissions,
                allowedNetworks: allowedNetworks,
                unthrottled: unthrottled,
                application: application
            )
        )
        return key
    }

    /// Replaces the key with row id `keyID`: issues a new key with the same settings (institution,
    /// environment, permissions, IP profile, label, application), then revokes the old one.
    ///
    /// A running gateway caches keys: rotate through ``Gateway/rotateKey(id:)``, which also makes
    /// the old key fail on its very next call.
    ///
    /// - returns: the new key, its only copy.
    /// - throws: ``KeyIssuerError/unknownKey(_:)`` when there is no such key or it is revoked.
    public static func rotate(in registry: any Registry, keyID: Int64) async throws -> String {
        guard let old = try await registry.key(id: keyID), !old.revoked else { throw KeyIssuerError.unknownKey(keyID) }
        // The new key first: if revoking fails, both work, rather than neither.
        let key = try await issue(
            in: registry,
            institution: old.institution,
            environment: old.environment,
            permissions: old.permissions,
            allowedNetworks: old.allowedNetworks,
            unthrottled: old.unthrottled,
            label: old.label,
            application: old.application
        )
        try await registry.revokeKey(id: keyID)
        return key
    }

    /// Throws ``KeyIssuerError/invalidNetwork(_:)`` for the first entry that is not a CIDR block.
    static func validate(_ allowedNetworks: [String]) throws(KeyIssuerError) {
        for network in allowedNetworks where NetworkRule(network) == nil { throw .invalidNetwork(network) }
    }
}

/// Why a key could not be issued or changed, in one line.
public enum KeyIssuerError: Error, Hashable, CustomStringConvertible {
    case unknownInstitution(String)
    case invalidNetwork(String)
    /// No key with this row id, or a revoked one.
    case unknownKey(Int64)

    public var description: String {
        switch self {
        case .unknownInstitution(let code): "unknown institution '\(code)'"
        case .invalidNetwork(let text): "invalid network '\(text)' (expected CIDR such as 192.168.0.0/16)"
        case .unknownKey(let id): "no active API key with id \(id)"
        }
    }
}
