public import Foundation
public import LecternCore

/// A developer's account on the portal.
public struct Account: Sendable, Hashable {
    /// The row id (0 before it is stored).
    public var id: Int64
    /// The e-mail address, lower-cased: the log-in name.
    public var email: String
    /// The name the developer gave.
    public var name: String
    /// The password's bcrypt hash.
    public var passwordHash: String
    /// Whether the activation link was followed; until then the account cannot log in.
    public var activated: Bool

    /// Creates an account value.
    public init(id: Int64 = 0, email: String, name: String, passwordHash: String, activated: Bool = false) {
        self.id = id
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.activated = activated
    }
}

/// What a developer may do in an institution's organization.
public enum OrganizationRole: String, Sendable, Hashable, Codable {
    case admin
    case developer
}

/// A developer's place in an organization.
public struct Membership: Sendable, Hashable {
    /// The account.
    public var account: Account
    /// The institution code: each institution has one organization.
    public var institution: String
    /// The role.
    public var role: OrganizationRole

    /// Creates a membership value.
    public init(account: Account, institution: String, role: OrganizationRole) {
        self.account = account
        self.institution = institution
        self.role = role
    }
}

/// What a single-use token is for.
public enum TokenPurpose: String, Sendable, Hashable {
    case activation
    case passwordReset = "password-reset"
    case invitation
}

/// A single-use, expiring token sent by e-mail; only its hash is stored.
public struct PortalToken: Sendable, Hashable {
    /// The SHA-256 digest of the token, hex.
    public var hash: String
    /// What it is for.
    public var purpose: TokenPurpose
    /// The e-mail address it was sent to.
    public var email: String
    /// The account it belongs to (activation, password reset).
    public var account: Int64?
    /// The organization an invitation is to.
    public var institution: String?
    /// The role an invitation grants.
    public var role: OrganizationRole?
    /// When it stops working.
    public var expires: Date

    /// Creates a token value.
    public init(
        hash: String,
        purpose: TokenPurpose,
        email: String,
        account: Int64? = nil,
        institution: String? = nil,
        role: OrganizationRole? = nil,
        expires: Date
    ) {
        self.hash = hash
        self.purpose = purpose
        self.email = email
        self.account = account
        self.institution = institution
        self.role = role
        self.expires = expires
    }
}

/// A logged-in browser: the cookie's hash, its account and its CSRF token.
public struct PortalSession: Sendable, Hashable {
    /// The SHA-256 digest of the session cookie, hex.
    public var hash: String
    /// The account.
    public var account: Int64
    /// The token every form of this session carries.
    public var csrf: String
    /// When it stops working.
    public var expires: Date

    /// Creates a session value.
    public init(hash: String, account: Int64, csrf: String, expires: Date) {
        self.hash = hash
        self.account = account
        self.csrf = csrf
        self.expires = expires
    }
}

/// A developer's application: what its API keys are for.
public struct DeveloperApplication: Sendable, Hashable {
    /// The row id (0 before it is stored).
    public var id: Int64
    /// The account that created it.
    public var owner: Int64
    /// The institution whose data its keys reach (the demo institution for the Guest Sandbox).
    public var institution: String
    /// The environment of its keys.
    public var environment: Environment
    /// Its name.
    public var name: String
    /// The platform it runs on (`Server`, `Web`, `Desktop`, `Mobile`, `Script`).
    public var platform: String
    /// What it does.
    public var summary: String
    /// When it was created.
    public var created: Date

    /// Creates an application value.
    public init(
        id: Int64 = 0,
        owner: Int64,
        institution: String,
        environment: Environment,
        name: String,
        platform: String,
        summary: String,
        created: Date = Date()
    ) {
        self.id = id
        self.owner = owner
        self.institution = institution
        self.environment = environment
        self.name = name
        self.platform = platform
        self.summary = summary
        self.created = created
    }
}

/// The developer portal's data: accounts, organizations, tokens, sessions and applications.
public protocol PortalStore: Sendable {
    /// Stores a new account; throws ``PortalStoreError/duplicateEmail`` if the address is taken.
    func createAccount(_ account: Account) async throws -> Int64
    /// The account with this (lower-case) e-mail address.
    func account(email: String) async throws -> Account?
    /// The account with this id.
    func account(id: Int64) async throws -> Account?
    /// Marks an account activated.
    func activateAccount(_ id: Int64) async throws
    /// Replaces an account's password hash and ends its sessions.
    func setPassword(_ id: Int64, hash: String) async throws

    /// Stores a token.
    func createToken(_ token: PortalToken) async throws
    /// Uses up the token with this hash and purpose if it is unused and unexpired at `now`;
    /// a second call with the same token finds nothing.
    func consumeToken(hash: String, purpose: TokenPurpose, now: Date) async throws -> PortalToken?
    /// The token with this hash and purpose if it is unused and unexpired at `now`, without using it up.
    func token(hash: String, purpose: TokenPurpose, now: Date) async throws -> PortalToken?
    /// The invitations to `institution`'s organization that are unused and unexpired at `now`,
    /// the one that expires first first.
    func invitations(institution: String, now: Date) async throws -> [PortalToken]

    /// The failed log-ins recorded for an account-and-address pair: how many since the last
    /// success, and when the last one was.
    func loginFailures(pair: String) async throws -> (count: Int, last: Date)?
    /// Records one more failed log-in for the pair at `now`; returns the new count.
    func recordLoginFailure(pair: String, now: Date) async throws -> Int
    /// Forgets the pair's failures (a successful log-in), and every pair whose last failure is older than `before`.
    func clearLoginFailures(pair: String, before: Date) async throws

    /// Stores a session.
    func createSession(_ session: PortalSession) async throws
    /// The unexpired session with this hash.
    func session(hash: String, now: Date) async throws -> PortalSession?
    /// Ends a session.
    func deleteSession(hash: String) async throws

    /// The organizations an account belongs to.
    func memberships(account: Int64) async throws -> [Membership]
    /// The members of an institution's organization, by name.
    func members(institution: String) async throws -> [Membership]
    /// Adds an account to an organization, or changes its role there.
    func setMembership(account: Int64, institution: String, role: OrganizationRole) async throws
    /// Removes an account from an organization.
    func removeMembership(account: Int64, institution: String) async throws

    /// Stores a new application.
    func createApplication(_ application: DeveloperApplication) async throws -> Int64
    /// The application with this id.
    func application(id: Int64) async throws -> DeveloperApplication?
    /// The applications an account created, newest first.
    func applications(owner: Int64) async throws -> [DeveloperApplication]
    /// Every application of an institution, newest first.
    func applications(institution: String) async throws -> [DeveloperApplication]
    /// Replaces an application's owner, plan (institution and environment), name, platform and
    /// summary.
    func updateApplication(_ application: DeveloperApplication) async throws
    /// Deletes an application (its keys stay, revoked by the caller, for the usage history).
    func deleteApplication(id: Int64) async throws
}

/// A portal store failure.
public enum PortalStoreError: Error, Hashable, Sendable {
    /// An account with this e-mail address exists.
    case duplicateEmail
}
