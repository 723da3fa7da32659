public import LecternCore
import LecternStore

extension Gateway {
    /// Tells the gateway that the key with row id `id` changed in the registry (revoked, edited):
    /// its cached caller is dropped, so the change applies to the very next call.
    ///
    /// ``revokeKey(id:)``, ``updateKey(id:label:permissions:allowedNetworks:)`` and
    /// ``rotateKey(id:)`` call it; call it after changing a key in the registry directly.
    public func keyChanged(id: Int64) {
        keys.forget(keyID: id)
    }

    /// Revokes a key: from the next call on, it is refused like an unknown key (UNAUTHORIZED).
    ///
    /// - throws: `RegistryError.unknownKey` when there is no key with this id.
    public func revokeKey(id: Int64) async throws {
        try await registry.revokeKey(id: id)
        keyChanged(id: id)
    }

    /// Replaces a key's label, permissions and IP restriction profile, from the next call on.
    /// Its institution and environment never change.
    ///
    /// - throws: ``KeyIssuerError/invalidNetwork(_:)``, or `RegistryError.unknownKey`.
    public func updateKey(id: Int64, label: String, permissions: [Area: Access], allowedNetworks: [String]) async throws {
        try KeyIssuer.validate(allowedNetworks)
        try await registry.updateKey(id: id, label: label, permissions: permissions, allowedNetworks: allowedNetworks)
        keyChanged(id: id)
    }

    /// Replaces a key by a new one with the same settings (``KeyIssuer/rotate(in:keyID:)``); the old
    /// key is refused from its next call on.
    ///
    /// - returns: the new key, its only copy.
    public func rotateKey(id: Int64) async throws -> String {
        let key = try await KeyIssuer.rotate(in: registry, keyID: id)
        keyChanged(id: id)
        return key
    }
}
