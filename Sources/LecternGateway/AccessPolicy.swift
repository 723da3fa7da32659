public import LecternCore

/// The plan, method and area rules, without HTTP.
public enum AccessPolicy {
    /// Admits `caller` to call `method` in `area`, or throws the gateway's refusal.
    ///
    /// No permission for the area is UNAUTHORIZED (400); a write on the Guest Sandbox or with a
    /// read-only permission is UNAUTHORIZED (403) with the plan's message.
    public static func check(_ caller: Caller, method: Method, area: Area) throws(GatewayError) {
        guard let access = caller.permissions[area] else { throw .unauthorized }
        guard method.isWrite else { return }
        if caller.environment == .guest { throw .guestSandboxWrite }
        if access == .readOnly { throw .readOnlyPlan(plan: "\(caller.environment.planName) \(area.title) Read-only") }
    }

    /// The area a path belongs to, or `nil` for a path outside every API.
    ///
    /// Paths are matched on their first segments after the family's base path. Every call asks,
    /// so this walks the path's bytes in place, without splitting it or indexing the string.
    public static func area(forPath path: String) -> Area? {
        var path = path
        return path.withUTF8 { bytes in
            var segments = PathSegments(bytes: bytes)
            guard let family = segments.next(), let version = segments.next(), version.elementsEqual("v1".utf8) else { return nil }
            if family.elementsEqual("almaws".utf8) {
                return segments.next().flatMap { almaAreas[String(decoding: $0, as: UTF8.self)] }
            }
            if family.elementsEqual("primo".utf8) { return .primo }
            if family.elementsEqual("esploro".utf8) {
                guard let resource = segments.next() else { return nil }
                return resource.elementsEqual("assets".utf8) ? .assets : .researchers
            }
            return nil
        }
    }

    /// The non-empty `/`-separated segments of a path, in order.
    private struct PathSegments {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func next() -> Slice<UnsafeBufferPointer<UInt8>>? {
            while index < bytes.count, bytes[index] == UInt8(ascii: "/") { index += 1 }
            guard index < bytes.count else { return nil }
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "/") { index += 1 }
            return bytes[start..<index]
        }
    }

    private static let almaAreas: [String: Area] = [
        "users": .users,
        "bibs": .bibs, "items": .bibs,
        "acq": .acquisitions,
        "conf": .configuration,
        "courses": .courses,
        "analytics": .analytics,
        "partners": .resourceSharing, "task-lists": .resourceSharing,
        "electronic": .electronicResources,
    ]
}
