import NIOCore
import Synchronization

/// Renderings of stored objects, by the version the handler names (``Reply/stored(_:_:version:)``)
/// and the format. A version names one content only, so an entry never goes stale; the cache
/// simply starts over when full. The bytes are shared, not copied, into every response.
final class RenderCache: Sendable {
    static let capacity = 8192

    private struct Key: Hashable {
        var version: String
        var format: WireFormat
    }

    private let entries = Mutex<[Key: ByteBuffer]>([:])

    /// The rendering of `version` in `format`, made by `render` the first time.
    func bytes(version: String, format: WireFormat, render: () -> [UInt8]) -> ByteBuffer {
        let key = Key(version: version, format: format)
        if let cached = entries.withLock({ $0[key] }) { return cached }
        let buffer = ByteBuffer(bytes: render())
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = buffer
        }
        return buffer
    }
}
