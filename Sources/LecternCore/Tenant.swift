/// The data partition a call reads and writes: one institution in one data environment.
///
/// Every store access names a tenant, so a handler cannot reach another institution's data.
public struct Tenant: Sendable, Hashable {
    /// The institution code (`DEMO`, `01UNI_INST`).
    public var institution: String
    /// `.sandbox` or `.production` (the Guest Sandbox reads the sandbox).
    public var environment: Environment

    /// Creates a tenant; a Guest Sandbox environment is folded into the sandbox.
    public init(institution: String, environment: Environment) {
        self.institution = institution
        self.environment = environment.dataEnvironment
    }

    /// The string stored in the database's partition column (`DEMO/sandbox`).
    public var key: String { "\(institution)/\(environment.rawValue)" }
}
