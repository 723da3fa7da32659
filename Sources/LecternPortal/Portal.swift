public import Foundation
public import LecternGateway
public import LecternStore

/// The developer portal's rules, without HTTP: accounts, organizations, applications and their
/// keys, usage and the sandbox tools. The web layer (`LecternPortalWeb`) only renders and parses.
public final class Portal: Sendable {
    /// The portal's own data and the gateway's registry (the same database).
    let store: any PortalStore & Registry & Store
    /// The running gateway: key changes take effect in it at once.
    let gateway: Gateway
    /// Where e-mail goes.
    let mailer: any Mailer
    /// Password hashing (bcrypt); its cost is lowered in tests.
    let passwords: PortalPasswords
    /// The clock; replaceable in tests.
    let clock: @Sendable () -> Date
    /// The institution whose sandbox every account may read through the Guest Sandbox.
    public let guestInstitution: String
    /// The portal's public address, for the links its e-mails and pages carry: configured,
    /// never taken from a request's `Host` header (which anyone can set).
    public let links: Links
    /// Who a request comes from, behind the configured reverse proxies (for the log-in lockout).
    public let clientAddress: ClientAddress
    /// Replaces an institution's sandbox data with the demo data.
    let sandboxReset: @Sendable (String) async throws -> Void
    let throttle: LoginThrottle
    /// The sandbox resets asked for from the portal, run in the background.
    let sandboxResets = SandboxResets()

    /// How long e-mailed links and sessions last.
    static let activationLifetime: TimeInterval = 48 * 3600
    static let resetLifetime: TimeInterval = 3600
    static let invitationLifetime: TimeInterval = 7 * 24 * 3600
    static let sessionLifetime: TimeInterval = 12 * 3600

    /// Creates the portal.
    public init(
        store: any PortalStore & Registry & Store,
        gateway: Gateway,
        mailer: any Mailer,
        guestInstitution: String,
        links: Links = Links(base: "http://127.0.0.1:8080"),
        trustedProxies: [NetworkRule] = [],
        sandboxReset: @escaping @Sendable (String) async throws -> Void,
        passwords: PortalPasswords = PortalPasswords(),
        clock: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.gateway = gateway
        self.mailer = mailer
        self.guestInstitution = guestInstitution
        self.links = links
        self.clientAddress = ClientAddress(trustedProxies: trustedProxies)
        self.throttle = LoginThrottle(store: store)
        self.sandboxReset = sandboxReset
        self.passwords = passwords
        self.clock = clock
    }
}
