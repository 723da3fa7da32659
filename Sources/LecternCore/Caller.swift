/// Who is calling: what the gateway learned from the API key. Nothing more travels downstream.
public struct Caller: Sendable, Hashable {
    /// The key's row id, for the request log and usage counts (never the key itself).
    public var keyID: Int64
    /// The institution code the key belongs to.
    public var institution: String
    /// The key's environment (plan).
    public var environment: Environment
    /// The key's permissions by area.
    public var permissions: [Area: Access]
    /// CIDR blocks the key may be used from; empty means any address.
    public var allowedNetworks: [String]
    /// Whether governance thresholds are lifted for this key (benchmarks only).
    public var unthrottled: Bool

    /// Creates a caller.
    public init(
        keyID: Int64,
        institution: String,
        environment: Environment,
        permissions: [Area: Access],
        allowedNetworks: [String] = [],
        unthrottled: Bool = false
    ) {
        self.keyID = keyID
        self.institution = institution
        self.environment = environment
        self.permissions = permissions
        self.allowedNetworks = allowedNetworks
        self.unthrottled = unthrottled
    }

    /// The data partition this caller reads and writes.
    public var tenant: Tenant { Tenant(institution: institution, environment: environment) }
}
