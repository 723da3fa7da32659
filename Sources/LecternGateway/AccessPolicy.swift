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
    /// so this walks the path's bytes without splitting it.
    public static func area(forPath path: String) -> Area? {
        var segments = PathSegments(path.utf8)
        guard let family = segments.next(), let version = segments.next(), version.elementsEqual("v1".utf8) else { return nil }
        if family.elementsEqual("almaws".utf8) {
            return segments.next().flatMap { almaAreas[String(Substring($0))] }
        }
        if family.elementsEqual("primo".utf8) { return .primo }
        if family.elementsEqual("esploro".utf8) {
            guard let resource = segments.next() else { return nil }
            return resource.elementsEqual("assets".utf8) ? .assets : .researchers
        }
        return nil
    }

    /// The non-empty `/`-separated segments of a path, in order.
    private struct PathSegments {
        let bytes: String.UTF8View
        var index: String.UTF8View.Index

        init(_ bytes: String.UTF8View) {
            self.bytes = bytes
            self.index = bytes.startIndex
        }

        mutating func next() -> Substring.UTF8View? {
            while index < bytes.endIndex, bytes[index] == UInt8(ascii: "/") { bytes.formIndex(after: &index) }
            guard index < bytes.endIndex else { return nil }
            let start = index
            while index < bytes.endIndex, bytes[index] != UInt8(ascii: "/") { bytes.formIndex(after: &index) }
            return Substring(bytes[start..<index]).utf8
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
