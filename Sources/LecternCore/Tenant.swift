/// The data partition a call reads and writes: one institution in one data environment.
///
/// Every store access names a tenant, so a handler cannot reach another institution's data.
public struct Tenant: Sendable, Hashable {
    /// The institution code (`DEMO`, `01UNI_INST`).
    public var institution: String
    /// `.sandbox` or `.production` (the Guest Sandbox reads the sandbox).
    public var environment: Environment

    /// Whether this is the staging copy of the partition, where a replacement is built before
    /// it takes the partition's place in one transaction (a sandbox reset); no API call reads it.
    public var isStaging: Bool

    /// Creates a tenant; a Guest Sandbox environment is folded into the sandbox.
    public init(institution: String, environment: Environment, isStaging: Bool = false) {
        self.institution = institution
        self.environment = environment.dataEnvironment
        self.isStaging = isStaging
    }

    /// The string stored in the database's partition column (`DEMO/sandbox`, `DEMO/sandbox/staging`).
    public var key: String { "\(institution)/\(environment.rawValue)" + (isStaging ? "/staging" : "") }

    /// The staging copy of this partition.
    public var staging: Tenant { Tenant(institution: institution, environment: environment, isStaging: true) }
}
