public import LecternCore
import LecternGateway
public import LecternStore

extension Portal {
    /// Moves an application to another plan (environment and institution) and returns its new
    /// key, the only copy.
    ///
    /// A key belongs to one institution and one environment for life, so the application's keys
    /// are revoked and one new key is issued on the new plan, with the permissions and IP
    /// restriction profile of its newest key (read-only on the Guest Sandbox). The plan rules are
    /// those of a new application: the Guest Sandbox for everyone, a Sandbox for the
    /// organization's members, Production for its administrators; and `account` must manage the
    /// application now.
    ///
    /// - throws: ``PortalError`` when the application is already on that plan or `account` may
    ///   not use it (nothing changes then).
    public func changePlan(of id: Int64, to environment: Environment, institution: String, by account: Account) async throws -> String {
        let detail = try await application(id, seenBy: account)
        let target = try await checkedPlan(environment, institution: institution, for: account)
        var application = detail.application
        guard application.environment != environment || application.institution != target else {
            throw PortalError("The application is on this plan already.")
        }
        guard let template = detail.keys.max(by: { $0.id < $1.id }) else { throw PortalError.notFound }
        let permissions = try Self.checkedPermissions(template.permissions, environment: environment)
        for key in detail.keys where !key.revoked { try await gateway.revokeKey(id: key.id) }
        application.environment = environment
        application.institution = target
        try await store.updateApplication(application)
        do {
            return try await KeyIssuer.issue(
                in: store,
                institution: target,
                environment: environment,
                permissions: permissions,
                allowedNetworks: template.allowedNetworks,
                label: application.name,
                application: id
            )
        } catch let error as KeyIssuerError {
            throw PortalError(error.description)
        }
    }
}
