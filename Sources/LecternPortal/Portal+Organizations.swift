public import Foundation
import LecternCore
import LecternGateway
public import LecternStore

extension Portal {
    /// Invites `email` to `institution`'s organization and mails the link; `by` is an admin of it,
    /// or `nil` when the command line invites (the operator bootstraps the first admin).
    /// Returns the link.
    @discardableResult
    public func invite(email: String, to institution: String, role: OrganizationRole, by admin: Account?, links: Links) async throws -> String {
        let email = try Self.normalizedEmail(email)
        if let admin { try await requireAdmin(admin, of: institution) }
        guard let organization = try await store.institution(institution) else { throw PortalError.notFound }
        let token = try await issueToken(.invitation, email: email, institution: institution, role: role, lifetime: Self.invitationLifetime)
        let link = links.url("/portal/invitations/accept?token=\(token)")
        try await mailer.send(
            Message(
                to: email,
                subject: "Lectern Developer Network: join \(organization.name)",
                body:
                    "\(admin?.name ?? "The Lectern operator") invites you to join the organization of \(organization.name) (\(institution)) as \(role == .admin ? "an administrator" : "a developer").\n\nSign up or log in with this address, then open this link within 7 days:\n\n\(link)\n"
            )
        )
        return link
    }

    /// What an invitation link offers, read without using it up; a link that is unknown, used
    /// or expired is refused.
    public func invitation(token: String) async throws -> Invitation {
        guard let invitation = try await store.token(hash: Secret.hash(token), purpose: .invitation, now: clock()),
            let institution = invitation.institution, let organization = try await store.institution(institution)
        else { throw Self.invalidInvitation }
        return Invitation(email: invitation.email, institution: institution, organizationName: organization.name, role: invitation.role ?? .developer)
    }

    static let invalidInvitation = PortalError("This invitation is invalid, used or expired.")

    /// The invitations to `institution`'s organization that wait for an answer, for its admins.
    public func pendingInvitations(of institution: String, seenBy admin: Account) async throws -> [PendingInvitation] {
        try await requireAdmin(admin, of: institution)
        return try await store.invitations(institution: institution, now: clock()).map {
            PendingInvitation(id: $0.hash, email: $0.email, role: $0.role ?? .developer, expires: $0.expires)
        }
    }

    /// Withdraws a pending invitation: its link stops working.
    public func cancelInvitation(_ id: String, of institution: String, by admin: Account) async throws {
        let invitation = try await pendingInvitation(id, of: institution, by: admin)
        _ = try await store.consumeToken(hash: invitation.hash, purpose: .invitation, now: clock())
    }

    /// Sends a pending invitation again with a new link (the old one stops working); returns the
    /// address it went to.
    @discardableResult
    public func resendInvitation(_ id: String, of institution: String, by admin: Account, links: Links) async throws -> String {
        let invitation = try await pendingInvitation(id, of: institution, by: admin)
        _ = try await store.consumeToken(hash: invitation.hash, purpose: .invitation, now: clock())
        try await invite(email: invitation.email, to: institution, role: invitation.role ?? .developer, by: admin, links: links)
        return invitation.email
    }

    /// The pending invitation `id` of `institution`, for one of its admins.
    private func pendingInvitation(_ id: String, of institution: String, by admin: Account) async throws -> PortalToken {
        try await requireAdmin(admin, of: institution)
        guard let invitation = try await store.token(hash: id, purpose: .invitation, now: clock()), invitation.institution == institution else {
            throw PortalError("This invitation was answered, withdrawn or has expired.", kind: .notFound)
        }
        return invitation
    }

    /// Joins `account` to the organization an invitation is for (once; the invitation's address
    /// must be the account's). A refusal leaves the invitation as it was, for the right account.
    public func acceptInvitation(token: String, account: Account) async throws -> Membership {
        let offered = try await invitation(token: token)
        guard offered.email == account.email else {
            throw PortalError("This invitation was sent to \(offered.email); log in with that address to accept it.")
        }
        guard let invitation = try await store.consumeToken(hash: Secret.hash(token), purpose: .invitation, now: clock()),
            let institution = invitation.institution
        else { throw Self.invalidInvitation }
        let role = invitation.role ?? .developer
        // An invitation never lowers the role of someone already in the organization.
        let current = try await store.memberships(account: account.id).first { $0.institution == institution }?.role
        let granted = current == .admin ? .admin : role
        try await store.setMembership(account: account.id, institution: institution, role: granted)
        return Membership(account: account, institution: institution, role: granted)
    }

    /// The organizations `account` belongs to.
    public func organizations(of account: Account) async throws -> [Membership] {
        try await store.memberships(account: account.id)
    }

    /// An organization as one of its members sees it: its institution and, for admins, its members.
    public func organization(_ institution: String, seenBy account: Account) async throws -> OrganizationView {
        guard let membership = try await store.memberships(account: account.id).first(where: { $0.institution == institution }),
            let details = try await store.institution(institution)
        else { throw PortalError.notFound }
        guard membership.role == .admin else { return OrganizationView(institution: details, role: membership.role, members: [], applications: []) }
        let members = try await store.members(institution: institution)
        var applications: [ApplicationDetail] = []
        for application in try await store.applications(institution: institution) where application.environment != .guest {
            applications.append(ApplicationDetail(application: application, keys: try await store.keys(application: application.id)))
        }
        return OrganizationView(institution: details, role: membership.role, members: members, applications: applications)
    }

    /// Removes a developer from an organization (an admin may not remove the last admin). The
    /// applications they made for the institution are handed over or have their keys revoked, as
    /// `applications` says: a former member's key never reaches the institution's data.
    public func removeMember(
        _ member: Int64,
        from institution: String,
        by admin: Account,
        applications: Offboarding = .revoke
    ) async throws {
        try await requireAdmin(admin, of: institution)
        let members = try await store.members(institution: institution)
        guard let target = members.first(where: { $0.account.id == member }) else { throw PortalError.notFound }
        if target.role == .admin, members.filter({ $0.role == .admin }).count == 1 {
            throw PortalError("An organization keeps at least one administrator.")
        }
        let owned = try await store.applications(institution: institution).filter { $0.owner == member && $0.environment != .guest }
        try await offboard(owned, of: institution, members: members.filter { $0.account.id != member }, applications)
        try await store.removeMembership(account: member, institution: institution)
    }

    /// Makes a member an admin, or an admin a developer again (never the last admin). A demoted
    /// admin's Production applications (an admin's alone) are handed over or revoked as
    /// `applications` says.
    public func setRole(
        _ role: OrganizationRole,
        of member: Int64,
        in institution: String,
        by admin: Account,
        applications: Offboarding = .revoke
    ) async throws {
        try await requireAdmin(admin, of: institution)
        let members = try await store.members(institution: institution)
        guard let target = members.first(where: { $0.account.id == member }) else { throw PortalError.notFound }
        if target.role == .admin, role == .developer, members.filter({ $0.role == .admin }).count == 1 {
            throw PortalError("An organization keeps at least one administrator.")
        }
        if target.role == .admin, role == .developer {
            let production = try await store.applications(institution: institution).filter {
                $0.owner == member && $0.environment == .production
            }
            let admins = members.filter { $0.account.id != member && $0.role == .admin }
            try await offboard(production, of: institution, members: admins, applications)
        }
        try await store.setMembership(account: member, institution: institution, role: role)
    }

    /// Hands `owned` over to a remaining member, or revokes their keys.
    private func offboard(_ owned: [DeveloperApplication], of institution: String, members: [Membership], _ choice: Offboarding) async throws {
        switch choice {
        case .revoke:
            for application in owned {
                for key in try await store.keys(application: application.id) where !key.revoked {
                    try await gateway.revokeKey(id: key.id)
                }
            }
        case .handOver(let heir):
            guard let heir = members.first(where: { $0.account.id == heir }) else {
                throw PortalError("Hand the applications over to a remaining member who may hold them.")
            }
            for var application in owned {
                if application.environment == .production, heir.role != .admin {
                    throw PortalError("Production applications can only be handed over to an administrator.")
                }
                application.owner = heir.account.id
                try await store.updateApplication(application)
            }
        }
    }

    /// The role of `account` in `institution`, or `nil` when it is not a member.
    func role(of account: Account, in institution: String) async throws -> OrganizationRole? {
        try await store.memberships(account: account.id).first { $0.institution == institution }?.role
    }

    /// Throws unless `account` administers `institution` (an outsider learns nothing: not found).
    func requireAdmin(_ account: Account, of institution: String) async throws {
        switch try await role(of: account, in: institution) {
        case .admin: return
        case .developer: throw PortalError.forbidden
        case nil: throw PortalError.notFound
        }
    }
}

/// An organization as a member sees it.
public struct OrganizationView: Sendable {
    /// The institution, with the licence counts that drive its daily thresholds.
    public var institution: Institution
    /// The viewer's role.
    public var role: OrganizationRole
    /// The members (admins only; empty for developers).
    public var members: [Membership]
    /// Every Sandbox and Production application of the institution with its keys (admins only).
    public var applications: [ApplicationDetail]
}

/// An invitation as its page shows it.
public struct Invitation: Sendable, Hashable {
    /// The address it was sent to; only the account with this address may accept it.
    public var email: String
    /// The organization's institution code.
    public var institution: String
    /// The organization's name.
    public var organizationName: String
    /// The role it grants.
    public var role: OrganizationRole
}

/// An invitation waiting for an answer, as an organization's admins see it.
public struct PendingInvitation: Sendable, Hashable {
    /// What names it in the admin's forms: the stored digest of its link's token (the link
    /// itself is not stored, so it cannot be shown again).
    public var id: String
    /// The address it was sent to.
    public var email: String
    /// The role it grants.
    public var role: OrganizationRole
    /// When its link stops working.
    public var expires: Date
}

/// What happens to the applications of a member who leaves an organization (or of an admin
/// who becomes a developer, for Production applications).
public enum Offboarding: Sendable, Hashable {
    /// Every key of their applications is revoked.
    case revoke
    /// Their applications (and keys) now belong to this remaining member.
    case handOver(to: Int64)
}
