import Foundation
public import LecternCore
public import LecternGateway
public import LecternStore

extension Portal {
    /// Creates an application and its first key; returns both (the key string is the only copy).
    ///
    /// The Guest Sandbox is open to every account (read-only, the shared demo institution); Sandbox
    /// keys need membership of the institution's organization, Production keys its admin role.
    public func createApplication(_ draft: ApplicationDraft, by account: Account) async throws -> (DeveloperApplication, String) {
        let (institution, environment, permissions) = try await checkedTarget(draft, for: account)
        let application = DeveloperApplication(
            owner: account.id,
            institution: institution,
            environment: environment,
            name: draft.name,
            platform: draft.platform,
            summary: draft.summary,
            created: clock()
        )
        var stored = application
        stored.id = try await store.createApplication(application)
        do {
            let key = try await KeyIssuer.issue(
                in: store,
                institution: institution,
                environment: environment,
                permissions: permissions,
                allowedNetworks: draft.networks,
                label: draft.name,
                application: stored.id
            )
            return (stored, key)
        } catch let error as KeyIssuerError {
            throw PortalError(error.description)
        }
    }

    /// The applications `account` may see: its own, and every non-guest application of the
    /// organizations it administers.
    public func applications(visibleTo account: Account) async throws -> [DeveloperApplication] {
        var seen = try await store.applications(owner: account.id)
        for membership in try await store.memberships(account: account.id) where membership.role == .admin {
            for application in try await store.applications(institution: membership.institution)
            where application.environment != .guest && !seen.contains(where: { $0.id == application.id }) {
                seen.append(application)
            }
        }
        return seen.sorted { $0.id > $1.id }
    }

    /// An application and its keys, if `account` may see it (else not found: nothing leaks).
    public func application(_ id: Int64, seenBy account: Account) async throws -> ApplicationDetail {
        guard let application = try await store.application(id: id), try await canManage(application, account) else {
            throw PortalError.notFound
        }
        return ApplicationDetail(application: application, keys: try await store.keys(application: id))
    }

    /// Replaces an application's permissions and IP restriction profile; its keys follow at once.
    public func updateApplication(_ id: Int64, with draft: ApplicationDraft, by account: Account) async throws {
        let detail = try await application(id, seenBy: account)
        let permissions = try Self.checkedPermissions(draft.permissions, environment: detail.application.environment)
        for network in draft.networks where NetworkRule(network) == nil {
            throw PortalError(KeyIssuerError.invalidNetwork(network).description)
        }
        var application = detail.application
        application.name = try Self.checkedName(draft.name)
        application.platform = draft.platform
        application.summary = draft.summary
        try await store.updateApplication(application)
        for key in detail.keys where !key.revoked {
            try await gateway.updateKey(id: key.id, label: application.name, permissions: permissions, allowedNetworks: draft.networks)
        }
    }

    /// Replaces a key by a new one with the same settings; the old one stops working at once.
    public func rotateKey(_ keyID: Int64, of id: Int64, by account: Account) async throws -> String {
        let key = try await activeKey(keyID, of: id, by: account)
        return try await gateway.rotateKey(id: key.id)
    }

    /// Issues one more key for an application, with the settings of its newest key (revoked or
    /// not): after every key of an application was revoked, this is how it gets one again.
    public func issueKey(for id: Int64, by account: Account) async throws -> String {
        let detail = try await application(id, seenBy: account)
        guard let template = detail.keys.max(by: { $0.id < $1.id }) else { throw PortalError.notFound }
        do {
            return try await KeyIssuer.issue(
                in: store,
                institution: detail.application.institution,
                environment: detail.application.environment,
                permissions: template.permissions,
                allowedNetworks: template.allowedNetworks,
                label: detail.application.name,
                application: id
            )
        } catch let error as KeyIssuerError {
            throw PortalError(error.description)
        }
    }

    /// Deletes an application: every key of it is revoked at once, and it leaves every list.
    public func deleteApplication(_ id: Int64, by account: Account) async throws {
        let detail = try await application(id, seenBy: account)
        for key in detail.keys where !key.revoked { try await gateway.revokeKey(id: key.id) }
        try await store.deleteApplication(id: id)
    }

    /// Revokes a key: the next call with it is refused.
    public func revokeKey(_ keyID: Int64, of id: Int64, by account: Account) async throws {
        let key = try await activeKey(keyID, of: id, by: account)
        try await gateway.revokeKey(id: key.id)
    }

    /// The newest calls of a key.
    public func requestLog(_ keyID: Int64, of id: Int64, by account: Account, limit: Int = 50) async throws -> [RequestLogEntry] {
        let detail = try await application(id, seenBy: account)
        guard detail.keys.contains(where: { $0.id == keyID }) else { throw PortalError.notFound }
        return try await gateway.requestLog(keyID: keyID, limit: limit)
    }

    /// Injects faults into a Sandbox or Guest Sandbox key's next calls (organization admins, or
    /// the owner of a Guest Sandbox application); `nil` clears them.
    public func setFaults(_ plan: FaultPlan?, key keyID: Int64, of id: Int64, by account: Account) async throws {
        let key = try await activeKey(keyID, of: id, by: account)
        let application = try await application(id, seenBy: account).application
        if application.environment != .guest { try await requireAdmin(account, of: application.institution) }
        guard let plan else { return gateway.faults.clear(keyID: key.id) }
        guard key.environment != .production else { throw PortalError("Faults are for Sandbox keys only.") }
        do {
            try await gateway.faults.set(keyID: key.id, plan)
        } catch let error as FaultInjectionError {
            throw PortalError(error.description)
        }
    }

    /// The fault plan in force for a key.
    public func faults(key keyID: Int64) -> FaultPlan? {
        gateway.faults.plan(keyID: keyID)
    }

    func activeKey(_ keyID: Int64, of id: Int64, by account: Account) async throws -> KeyRecord {
        let detail = try await application(id, seenBy: account)
        guard let key = detail.keys.first(where: { $0.id == keyID }) else { throw PortalError.notFound }
        guard !key.revoked else { throw PortalError("This key is revoked.") }
        return key
    }

    /// Whether `account` may see and manage `application`: its owner while they may hold it
    /// (a Guest Sandbox application always; a Sandbox one while a member; a Production one while
    /// an admin), and the institution's admins.
    func canManage(_ application: DeveloperApplication, _ account: Account) async throws -> Bool {
        if application.environment == .guest { return application.owner == account.id }
        switch try await role(of: account, in: application.institution) {
        case .admin: return true
        case .developer: return application.owner == account.id && application.environment != .production
        case nil: return false
        }
    }

    /// The institution, environment and permissions a draft asks for, if `account` may have them.
    private func checkedTarget(_ draft: ApplicationDraft, for account: Account) async throws -> (String, Environment, [Area: Access]) {
        _ = try Self.checkedName(draft.name)
        let institution = try await checkedPlan(draft.environment, institution: draft.institution, for: account)
        return (institution, draft.environment, try Self.checkedPermissions(draft.permissions, environment: draft.environment))
    }

    /// The institution of a plan `account` may hold keys on: the Guest Sandbox (the shared demo
    /// institution) for every account, a Sandbox for the organization's members, Production for
    /// its administrators.
    func checkedPlan(_ environment: Environment, institution: String, for account: Account) async throws -> String {
        guard environment != .guest else { return guestInstitution }
        switch try await role(of: account, in: institution) {
        case nil: throw PortalError("Sandbox and Production keys are for members of the institution's organization.", kind: .forbidden)
        case .developer where environment == .production:
            throw PortalError("Production keys are created by an organization administrator.", kind: .forbidden)
        default: return institution
        }
    }

    private static func checkedName(_ name: String) throws(PortalError) -> String {
        guard !name.isEmpty, name.count <= 100 else { throw PortalError("Give the application a name (at most 100 characters).") }
        return name
    }

    /// At least one permission; the Guest Sandbox is read-only whatever was asked.
    static func checkedPermissions(_ permissions: [Area: Access], environment: Environment) throws(PortalError) -> [Area: Access] {
        guard !permissions.isEmpty else { throw PortalError("Give the application at least one permission.") }
        return environment == .guest ? permissions.mapValues { _ in .readOnly } : permissions
    }
}

/// What the application form asks for.
public struct ApplicationDraft: Sendable {
    public var name: String
    public var platform: String
    public var summary: String
    /// The organization (ignored for the Guest Sandbox).
    public var institution: String
    public var environment: Environment
    public var permissions: [Area: Access]
    /// CIDR blocks the keys may be used from; empty means anywhere.
    public var networks: [String]

    /// Creates a draft.
    public init(
        name: String,
        platform: String,
        summary: String,
        institution: String,
        environment: Environment,
        permissions: [Area: Access],
        networks: [String] = []
    ) {
        self.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        self.platform = platform
        self.summary = summary
        self.institution = institution
        self.environment = environment
        self.permissions = permissions
        self.networks = networks
    }
}

/// An application with its keys (revoked ones too, for the record).
public struct ApplicationDetail: Sendable {
    public var application: DeveloperApplication
    public var keys: [KeyRecord]
}

extension Portal {
    /// A short-lived token that lets the API console call as one of `account`'s keys.
    public func consoleToken(key keyID: Int64, of id: Int64, by account: Account) async throws -> String {
        let key = try await activeKey(keyID, of: id, by: account)
        return gateway.consoleTokens.issue(keyID: key.id)
    }
}
