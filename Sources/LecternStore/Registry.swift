public import LecternCore

/// An institution and the licence counts its daily thresholds come from.
public struct Institution: Sendable, Hashable, Codable {
    /// The institution code (`DEMO`).
    public var code: String
    /// The display name.
    public var name: String
    /// The region whose hosts serve it (`na`, `eu`, `ap`, `aps`, `ca`, `cn`).
    public var region: String
    /// Alma named users: the Alma daily threshold is 1000 times this.
    public var namedUsers: Int
    /// Full-time equivalent students: the Primo daily threshold is 5 times this.
    public var fte: Int
    /// Academic staff: the Esploro daily threshold is 50 times this.
    public var academicStaff: Int

    /// Creates an institution.
    public init(code: String, name: String, region: String = "na", namedUsers: Int = 100, fte: Int = 1000, academicStaff: Int = 100) {
        self.code = code
        self.name = name
        self.region = region
        self.namedUsers = namedUsers
        self.fte = fte
        self.academicStaff = academicStaff
    }

    /// The daily request threshold of `product`, from the licence counts.
    public func dailyThreshold(_ product: Product) -> Int {
        switch product {
        case .alma: 1000 * namedUsers
        case .primo: 5 * fte
        case .esploro: 50 * academicStaff
        }
    }
}

/// A stored API key: its hash and what it allows, never the key itself.
public struct KeyRecord: Sendable, Hashable {
    /// The row id (0 before it is stored).
    public var id: Int64
    /// The SHA-256 digest of the key, hex.
    public var hash: String
    /// The first characters of the key, to recognise it in lists.
    public var prefix: String
    /// A label (`Demo sandbox read/write`).
    public var label: String
    /// The institution code.
    public var institution: String
    /// The environment.
    public var environment: Environment
    /// The permissions by area.
    public var permissions: [Area: Access]
    /// CIDR blocks allowed to use the key; empty means any.
    public var allowedNetworks: [String]
    /// Whether thresholds are lifted (benchmark keys).
    public var unthrottled: Bool
    /// The developer portal's application the key belongs to (its row id), or `nil`.
    public var application: Int64?
    /// Whether the key was revoked: the gateway then refuses it like an unknown key.
    public var revoked: Bool

    /// Creates a key record.
    public init(
        id: Int64 = 0,
        hash: String,
        prefix: String,
        label: String,
        institution: String,
        environment: Environment,
        permissions: [Area: Access],
        allowedNetworks: [String] = [],
        unthrottled: Bool = false,
        application: Int64? = nil,
        revoked: Bool = false
    ) {
        self.id = id
        self.hash = hash
        self.prefix = prefix
        self.label = label
        self.institution = institution
        self.environment = environment
        self.permissions = permissions
        self.allowedNetworks = allowedNetworks
        self.unthrottled = unthrottled
        self.application = application
        self.revoked = revoked
    }
}

/// One daily counter: calls of an institution to a product on a day (GMT).
public struct DailyCount: Sendable, Hashable {
    /// The institution code.
    public var institution: String
    /// The product.
    public var product: Product
    /// The day, `yyyy-MM-dd` in GMT.
    public var day: String
    /// The calls counted.
    public var count: Int

    /// Creates a counter value.
    public init(institution: String, product: Product, day: String, count: Int) {
        self.institution = institution
        self.product = product
        self.day = day
        self.count = count
    }
}

/// The gateway's own data: institutions, API keys, threshold counters and switches.
public protocol Registry: Sendable {
    /// Creates an institution. Throws ``RegistryError/duplicateInstitution(_:)`` if the code exists.
    func createInstitution(_ institution: Institution) async throws
    /// The institution with `code`, or `nil`.
    func institution(_ code: String) async throws -> Institution?
    /// Every institution.
    func institutions() async throws -> [Institution]
    /// Stores a new key and returns its row id.
    func createKey(_ key: KeyRecord) async throws -> Int64
    /// The key whose hash is `hash`, or `nil`. A revoked key is returned, marked revoked.
    func key(hash: String) async throws -> KeyRecord?
    /// The key with row id `id`, or `nil`. A revoked key is returned, marked revoked.
    func key(id: Int64) async throws -> KeyRecord?
    /// Every key of an institution, revoked ones included (for listings: hashes and prefixes only).
    func keys(institution: String) async throws -> [KeyRecord]
    /// Every key of a developer portal application, revoked ones included, oldest first.
    func keys(application: Int64) async throws -> [KeyRecord]
    /// Marks a key revoked (revoking it again changes nothing).
    ///
    /// A running gateway caches keys: revoke through `Gateway.revokeKey(id:)` (`LecternGateway`),
    /// or tell it with `Gateway.keyChanged(id:)`, so that the very next call is refused.
    ///
    /// - throws: ``RegistryError/unknownKey(_:)`` when there is no key with this id.
    func revokeKey(id: Int64) async throws
    /// Replaces a key's label, permissions and IP restriction profile; its institution and
    /// environment never change. The same caching note as ``revokeKey(id:)`` applies.
    ///
    /// - throws: ``RegistryError/unknownKey(_:)`` when there is no key with this id.
    func updateKey(id: Int64, label: String, permissions: [Area: Access], allowedNetworks: [String]) async throws
    /// The daily counters of `day`.
    func dailyCounts(day: String) async throws -> [DailyCount]
    /// Adds `counts` to the stored daily counters (several nodes add up).
    func addDailyCounts(_ counts: [DailyCount]) async throws
    /// The products switched to maintenance.
    func productsInMaintenance() async throws -> Set<Product>
    /// Switches a product's maintenance on or off.
    func setMaintenance(_ product: Product, on: Bool) async throws
    /// Adds `counts` to the stored usage counts (several nodes add up).
    func addUsage(_ counts: [UsageCount]) async throws
    /// The usage counts of `institution` from `fromDay` to `toDay` (`yyyy-MM-dd`, both included),
    /// of the keys `keyIDs` or of every key when `nil`, ordered by day, key, area, status and code.
    func usage(institution: String, keyIDs: [Int64]?, fromDay: String, toDay: String) async throws -> [UsageCount]
    /// Appends `entries` (oldest first) to the request log, then keeps only the newest
    /// `keepingNewest` entries of each key that got some.
    func appendRequestLog(_ entries: [RequestLogEntry], keepingNewest: Int) async throws
    /// The newest `limit` stored entries of a key's request log, newest first.
    ///
    /// Calls not yet stored are not here: `Gateway.requestLog(keyID:limit:)` stores them first.
    func requestLog(keyID: Int64, limit: Int) async throws -> [RequestLogEntry]
}

/// A registry failure with a one-line message for the command line.
public enum RegistryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An institution with this code exists.
    case duplicateInstitution(String)
    /// There is no API key with this row id.
    case unknownKey(Int64)

    /// The one-line message.
    public var description: String {
        switch self {
        case .duplicateInstitution(let code): "institution \(code) already exists"
        case .unknownKey(let id): "no API key with id \(id)"
        }
    }
}
