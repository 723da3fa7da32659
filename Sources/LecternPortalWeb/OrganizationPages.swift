import Foundation
import Hummingbird
import LecternCore
import LecternPortal
import LecternStore

extension PortalWeb {
    func installOrganizationPages(on router: Router<Context>) {
        router.get(
            "/portal/invitations/accept",
            use: page("Invitation") { request, _, visitor in
                let token = try Self.query(request).text("token")
                let invitation = try await portal.invitation(token: token)
                let model = InvitationPage(invitation, token: token, visitor: visitor)
                return renderer.render("invitation", title: "Invitation", page: model, visitor: visitor)
            }
        )
        router.post(
            "/portal/invitations/accept",
            use: page("Invitation") { request, _, visitor in
                let form = try await Self.form(request)
                try visitor.checkCSRF(form)
                let membership = try await portal.acceptInvitation(token: form.text("token"), account: try visitor.requireAccount())
                throw PortalRedirect(to: "/portal/organizations/\(membership.institution)")
            }
        )
        router.get(
            "/portal/organizations/{code}",
            use: page("Organization") { request, context, visitor in
                let code = try context.parameters.require("code")
                let account = try visitor.requireAccount()
                let view = try await portal.organization(code, seenBy: account)
                let invitations = view.role == .admin ? try await portal.pendingInvitations(of: code, seenBy: account) : []
                let clock = view.role == .admin ? try await portal.sandboxClock(of: code, by: account) : 0
                let notice = try flash(request, for: visitor)?.notice
                return renderer.render(
                    "organization",
                    title: "Organization \(code)",
                    page: OrganizationPage(view, invitations: invitations, clock: clock),
                    visitor: visitor,
                    notice: notice
                )
            }
        )
        router.post(
            "/portal/organizations/{code}/invitations",
            use: page("Organization") { request, context, visitor in
                let code = try context.parameters.require("code")
                let form = try await Self.form(request)
                try visitor.checkCSRF(form)
                let account = try visitor.requireAccount()
                let role = OrganizationRole(rawValue: form.text("role")) ?? .developer
                try await portal.invite(email: form.text("email"), to: code, role: role, by: account, links: links)
                return redirect(to: "/portal/organizations/\(code)", Flash(notice: "Invitation sent to \(form.text("email"))."), for: visitor)
            }
        )
        router.post(
            "/portal/organizations/{code}/invitations/{id}/resend",
            use: page("Organization") { request, context, visitor in
                let (code, id) = try Self.invitationPath(context)
                let form = try await Self.form(request)
                try visitor.checkCSRF(form)
                let email = try await portal.resendInvitation(id, of: code, by: try visitor.requireAccount(), links: links)
                return redirect(
                    to: "/portal/organizations/\(code)",
                    Flash(notice: "Invitation sent again to \(email), with a new link."),
                    for: visitor
                )
            }
        )
        router.post(
            "/portal/organizations/{code}/invitations/{id}/cancel",
            use: page("Organization") { request, context, visitor in
                let (code, id) = try Self.invitationPath(context)
                let form = try await Self.form(request)
                try visitor.checkCSRF(form)
                try await portal.cancelInvitation(id, of: code, by: try visitor.requireAccount())
                return redirect(
                    to: "/portal/organizations/\(code)",
                    Flash(notice: "The invitation is withdrawn; its link no longer works."),
                    for: visitor
                )
            }
        )
        router.post(
            "/portal/organizations/{code}/members/{id}/remove",
            use: page("Organization") { request, context, visitor in
                let (code, member) = try Self.memberPath(context)
                let form = try await Self.form(request)
                try visitor.checkCSRF(form)
                try await portal.removeMember(member, from: code, by: try visitor.requireAccount(), applications: Self.offboarding(form))
                throw PortalRedirect(to: "/portal/organizations/\(code)")
            }
        )
        router.post(
            "/portal/organizations/{code}/members/{id}/role",
            use: page("Organization") { request, context, visitor in
                let (code, member) = try Self.memberPath(context)
                let form = try await Self.form(request)
                try visitor.checkCSRF(form)
                guard let role = OrganizationRole(rawValue: form.text("role")) else { throw PortalError("Unknown role.") }
                try await portal.setRole(role, of: member, in: code, by: try visitor.requireAccount(), applications: Self.offboarding(form))
                throw PortalRedirect(to: "/portal/organizations/\(code)")
            }
        )
        router.post(
            "/portal/organizations/{code}/sandbox/reset",
            use: page("Sandbox") { request, context, visitor in
                let code = try context.parameters.require("code")
                let form = try await Self.form(request)
                try visitor.checkCSRF(form)
                guard form.isChecked("confirm") else { throw PortalError("Tick the box to confirm the reset.") }
                try await portal.startSandboxReset(of: code, by: try visitor.requireAccount())
                return redirect(to: "/portal/organizations/\(code)/sandbox/reset", for: visitor)
            }
        )
        router.post(
            "/portal/organizations/{code}/sandbox/clock",
            use: page("Organization") { request, context, visitor in
                let code = try context.parameters.require("code")
                let form = try await Self.form(request)
                try visitor.checkCSRF(form)
                let offset = form.text("reset") == "yes" ? "0" : form.text("offset")
                let seconds = try await portal.setSandboxClock(of: code, to: offset, by: try visitor.requireAccount())
                let notice =
                    seconds == 0
                    ? "The sandbox clock keeps real time again."
                    : "The sandbox clock is set \(ClockOffset.text(seconds)) from real time: loans, fines and holds follow it."
                return redirect(to: "/portal/organizations/\(code)", Flash(notice: notice), for: visitor)
            }
        )
        router.get(
            "/portal/organizations/{code}/sandbox/reset",
            use: page("Sandbox reset") { _, context, visitor in
                let code = try context.parameters.require("code")
                let state = try await portal.sandboxResetState(of: code, by: try visitor.requireAccount())
                let model = SandboxResetPage(code: code, state: state)
                return renderer.render(
                    "sandbox-reset",
                    title: "Sandbox reset: \(code)",
                    page: model,
                    visitor: visitor,
                    error: model.failure,
                    refresh: model.running ? SandboxResetPage.refreshSeconds : nil
                )
            }
        )
    }

    /// `applications=revoke` or `applications=handover:ID` from a member's remove or role form.
    private static func offboarding(_ form: Form) -> Offboarding {
        let choice = form.text("applications")
        guard choice.hasPrefix("handover:"), let heir = Int64(choice.dropFirst("handover:".count)) else { return .revoke }
        return .handOver(to: heir)
    }

    private static func memberPath(_ context: Context) throws -> (String, Int64) {
        let code = try context.parameters.require("code")
        guard let member = Int64(try context.parameters.require("id")) else { throw PortalError.notFound }
        return (code, member)
    }

    /// An invitation's id is the hex digest of its token.
    private static func invitationPath(_ context: Context) throws -> (String, String) {
        let code = try context.parameters.require("code")
        let id = try context.parameters.require("id")
        guard id.count == 64, id.allSatisfy(\.isHexDigit) else { throw PortalError.notFound }
        return (code, id)
    }
}

struct InvitationPage {
    var token: String
    var organization: String
    var institution: String
    var role: String
    var email: String
    /// Whether the visitor is logged in with another address than the invitation's.
    var otherAccount: Bool
    /// The log-in and sign-up links, which come back here afterwards.
    var logInHref: String
    var signUpHref: String

    init(_ invitation: Invitation, token: String, visitor: Visitor) {
        self.token = token
        organization = invitation.organizationName
        institution = invitation.institution
        role = invitation.role == .admin ? "an administrator" : "a developer"
        email = invitation.email
        otherAccount = visitor.account.map { $0.email != invitation.email } ?? false
        let back = PortalLink.nextQuery("/portal/invitations/accept?token=\(token)")
        logInHref = "/portal/login" + back
        let address = invitation.email.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        signUpHref = "/portal/signup" + back + "&email=" + address
    }
}

/// The organization page's data.
struct OrganizationPage: OrganizationScoped {
    var code: String
    var name: String
    var region: String
    var role: String
    var admin: Bool
    var licences: [Licence]
    var members: [Member]
    var applications: [ApplicationRow]
    var invitations: [InvitationRow]
    /// The sandbox clock's offset from real time (`+14d`, `0`).
    var clock: String
    /// The sandbox's time by that clock.
    var clockTime: String

    struct InvitationRow {
        var id: String
        var code: String
        var email: String
        var role: String
        var expires: String
    }

    struct ApplicationRow {
        var id: Int64
        var name: String
        var owner: String
        var environment: String
        var activeKeys: Int
        var revokedKeys: Int
    }

    struct Heir {
        var id: Int64
        var name: String
    }

    struct Licence {
        var product: String
        var count: Int
        var threshold: Int
    }

    struct Member {
        var id: Int64
        var code: String
        var name: String
        var email: String
        var role: String
        var otherRole: String
        /// The members their applications can be handed to when they leave.
        var heirs: [Heir]
    }

    init(_ view: OrganizationView, invitations: [PendingInvitation] = [], clock: Int = 0) {
        let institution = view.institution
        self.clock = ClockOffset.text(clock)
        clockTime = String(ISO8601DateFormatter().string(from: Date().addingTimeInterval(TimeInterval(clock))).prefix(16)).replacingOccurrences(
            of: "T",
            with: " "
        )
        self.invitations = invitations.map { invitation in
            InvitationRow(
                id: invitation.id,
                code: institution.code,
                email: invitation.email,
                role: invitation.role.rawValue,
                expires: String(ISO8601DateFormatter().string(from: invitation.expires).prefix(10))
            )
        }
        code = institution.code
        name = institution.name
        region = institution.region
        role = view.role.rawValue
        admin = view.role == .admin
        licences = [
            Licence(product: "Alma (named users)", count: institution.namedUsers, threshold: institution.dailyThreshold(.alma)),
            Licence(product: "Primo (FTE)", count: institution.fte, threshold: institution.dailyThreshold(.primo)),
            Licence(product: "Esploro (academic staff)", count: institution.academicStaff, threshold: institution.dailyThreshold(.esploro)),
        ]
        members = view.members.map { member in
            Member(
                id: member.account.id,
                code: institution.code,
                name: member.account.name,
                email: member.account.email,
                role: member.role.rawValue,
                otherRole: member.role == .admin ? "developer" : "admin",
                heirs: view.members.filter { $0.account.id != member.account.id }.map { Heir(id: $0.account.id, name: $0.account.name) }
            )
        }
        let names = Dictionary(view.members.map { ($0.account.id, $0.account.name) }) { first, _ in first }
        applications = view.applications.map { detail in
            ApplicationRow(
                id: detail.application.id,
                name: detail.application.name,
                owner: names[detail.application.owner] ?? "a former member",
                environment: detail.application.environment.planName,
                activeKeys: detail.keys.filter { !$0.revoked }.count,
                revokedKeys: detail.keys.filter(\.revoked).count
            )
        }
    }
}
