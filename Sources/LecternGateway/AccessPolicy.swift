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
    /// Paths are matched on their first segments after the family's base path.
    public static func area(forPath path: some StringProtocol) -> Area? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        guard segments.count >= 2 else { return nil }
        switch (segments[0], segments[1]) {
        case ("almaws", "v1"):
            guard segments.count >= 3 else { return nil }
            return almaAreas[String(segments[2])]
        case ("primo", "v1"):
            return .primo
        case ("esploro", "v1"):
            guard segments.count >= 3 else { return nil }
            return segments[2] == "assets" ? .assets : .researchers
        default:
            return nil
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
