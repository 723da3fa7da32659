public import LecternCore

/// The plan, method and area rules, without HTTP.
public enum AccessPolicy {
    /// Admits `caller` to call `method` in the area `descriptor` describes, or throws the
    /// gateway's refusal.
    ///
    /// No permission for the area is UNAUTHORIZED (400); a write on the Guest Sandbox or with a
    /// read-only permission is UNAUTHORIZED (403) with the plan's message.
    public static func check(_ caller: Caller, method: Method, area descriptor: AreaDescriptor) throws(GatewayError) {
        guard let access = caller.permissions[descriptor.area] else { throw .unauthorized }
        guard method.isWrite else { return }
        if caller.environment == .guest { throw .guestSandboxWrite }
        if access == .readOnly { throw .readOnlyPlan(plan: "\(caller.environment.planName) \(descriptor.title) Read-only") }
    }
}
