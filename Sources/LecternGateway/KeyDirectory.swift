public import LecternCore
public import LecternStore
import Synchronization

/// Finds the caller behind a key: the registry, with the answers kept in memory.
///
/// Keys are created at run time (by the command line or the portal) and never change, so a
/// found key is cached; an unknown key is looked up again every time, so a new key works at once.
public final class KeyDirectory: Sendable {
    private let registry: any Registry
    private let cache = Mutex<[String: Caller]>([:])

    /// Creates a directory over `registry`.
    public init(registry: any Registry) {
        self.registry = registry
    }

    /// The caller for `key`.
    ///
    /// - throws: ``GatewayError/malformedKey`` or ``GatewayError/unauthorized``.
    public func caller(for key: String) async throws -> Caller {
        guard APIKey.isWellFormed(key) else { throw GatewayError.malformedKey }
        let hash = APIKey.hash(key)
        if let caller = cache.withLock({ $0[hash] }) { return caller }
        guard let record = try await registry.key(hash: hash), APIKey.constantTimeEquals(record.hash, hash) else {
            throw GatewayError.unauthorized
        }
        let caller = Caller(
            keyID: record.id,
            institution: record.institution,
            environment: record.environment,
            permissions: record.permissions,
            allowedNetworks: record.allowedNetworks,
            unthrottled: record.unthrottled
        )
        cache.withLock { $0[hash] = caller }
        return caller
    }
}
