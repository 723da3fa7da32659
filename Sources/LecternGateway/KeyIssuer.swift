public import LecternCore
public import LecternStore

/// Creates API keys: stores the hash, returns the key, which is never seen again.
public enum KeyIssuer {
    /// A new key for `institution`; the returned string is the only copy of the key.
    ///
    /// - throws: ``KeyIssuerError/unknownInstitution(_:)`` when the institution does not exist.
    public static func issue(
        in registry: any Registry,
        institution: String,
        environment: Environment,
        permissions: [Area: Access],
        allowedNetworks: [String] = [],
        unthrottled: Bool = false,
        label: String
    ) async throws -> String {
        guard try await registry.institution(institution) != nil else { throw KeyIssuerError.unknownInstitution(institution) }
        for network in allowedNetworks where NetworkRule(network) == nil { throw KeyIssuerError.invalidNetwork(network) }
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
                unthrottled: unthrottled
            )
        )
        return key
    }
}

/// Why a key could not be issued, in one line.
public enum KeyIssuerError: Error, CustomStringConvertible {
    case unknownInstitution(String)
    case invalidNetwork(String)

    public var description: String {
        switch self {
        case .unknownInstitution(let code): "unknown institution '\(code)'"
        case .invalidNetwork(let text): "invalid network '\(text)' (expected CIDR such as 192.168.0.0/16)"
        }
    }
}
