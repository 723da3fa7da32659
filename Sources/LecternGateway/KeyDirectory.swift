public import LecternCore
public import LecternStore
import Synchronization

/// Finds the caller behind a key: the registry, with the answers kept in memory.
///
/// A found key is cached, by its hash and by its row id; an unknown or revoked key is looked up
/// again every time, so a new key works at once. When a key is revoked or edited,
/// ``forget(keyID:)`` drops it from the cache, so the change applies to the very next call.
public final class KeyDirectory: Sendable {
    private struct State {
        var byDigest: [KeyDigest: Caller] = [:]
        var digestByID: [Int64: KeyDigest] = [:]
        /// Counts ``forget(keyID:)`` calls: a lookup that read the registry before one of them
        /// must not cache what it read, which may be the state before the change.
        var generation: UInt64 = 0
    }

    private let registry: any Registry
    private let state = Mutex(State())

    /// Creates a directory over `registry`.
    public init(registry: any Registry) {
        self.registry = registry
    }

    /// The caller for `key`.
    ///
    /// - throws: ``GatewayError/malformedKey`` or ``GatewayError/unauthorized`` (unknown or revoked).
    public func caller(for key: Substring) async throws -> Caller {
        guard APIKey.isWellFormed(key) else { throw GatewayError.malformedKey }
        let digest = KeyDigest(key: key)
        let (cached, generation) = state.withLock { ($0.byDigest[digest], $0.generation) }
        if let cached { return cached }
        let hash = APIKey.hash(key)
        guard let record = try await registry.key(hash: hash), ConstantTime.equals(record.hash, hash) else {
            throw GatewayError.unauthorized
        }
        return try remember(record, readAt: generation)
    }

    /// The caller for `key` if the cache holds it, without waiting: what the gateway asks first on
    /// every call, before ``caller(for:)``.
    ///
    /// - throws: ``GatewayError/malformedKey``.
    public func cachedCaller(for key: Substring) throws(GatewayError) -> Caller? {
        guard APIKey.isWellFormed(key) else { throw .malformedKey }
        let digest = KeyDigest(key: key)
        return state.withLock { $0.byDigest[digest] }
    }

    /// The caller for the key with row id `keyID` (console tokens name keys by id).
    ///
    /// - throws: ``GatewayError/unauthorized`` when there is no such key or it is revoked.
    public func caller(forKeyID keyID: Int64) async throws -> Caller {
        let (cached, generation) = state.withLock { state in (state.digestByID[keyID].flatMap { state.byDigest[$0] }, state.generation) }
        if let cached { return cached }
        guard let record = try await registry.key(id: keyID) else { throw GatewayError.unauthorized }
        return try remember(record, readAt: generation)
    }

    /// Drops the key with row id `keyID` from the cache: its next call reads the registry again.
    public func forget(keyID: Int64) {
        state.withLock { state in
            state.generation &+= 1
            if let digest = state.digestByID.removeValue(forKey: keyID) { state.byDigest[digest] = nil }
        }
    }

    /// The caller of a record read from the registry, cached unless the cache changed meanwhile.
    private func remember(_ record: KeyRecord, readAt generation: UInt64) throws(GatewayError) -> Caller {
        guard !record.revoked else { throw .unauthorized }
        let caller = Caller(
            keyID: record.id,
            institution: record.institution,
            environment: record.environment,
            permissions: record.permissions,
            allowedNetworks: record.allowedNetworks,
            unthrottled: record.unthrottled
        )
        guard let digest = KeyDigest(hex: record.hash) else { return caller }
        state.withLock { state in
            guard state.generation == generation else { return }
            state.byDigest[digest] = caller
            state.digestByID[record.id] = digest
        }
        return caller
    }
}
