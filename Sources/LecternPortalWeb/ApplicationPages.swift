import Foundation
import Hummingbird
import LecternCore
import LecternGateway
import LecternPortal
import LecternStore

extension PortalWeb {
    func installApplicationPages(on router: Router<Context>) {
        router.get(
            "/portal/applications",
            use: page("Applications") { request, _, visitor in
                let applications = try await portal.applications(visibleTo: try visitor.requireAccount())
                var rows: [ApplicationsPage.Row] = []
                for application in applications {
                    let keys = try await portal.application(application.id, seenBy: try visitor.requireAccount()).keys.filter { !$0.revoked }
                    rows.append(ApplicationsPage.Row(application, keys: keys.map { $0.prefix + "…" }.joined(separator: " ")))
                }
                let model = ApplicationsPage(applications: rows, hasApplications: !rows.isEmpty)
                let notice = try flash(request, for: visitor)?.notice
                return renderer.render("applications", title: "Applications", page: model, visitor: visitor, notice: notice)
            }
        )
        router.get(
            "/portal/applications/new",
            use: page("New application") { _, _, visitor in
                _ = try visitor.requireAccount()
                let model = NewApplicationPage(plans: planChoices(visitor, selected: nil), form: ApplicationFormModel(areas: areaDescriptors))
                return renderer.render("application-new", title: "New application", page: model, visitor: visitor)
            }
        )
        router.post(
            "/portal/applications",
            use: page("New application") { request, _, visitor in
                let account = try visitor.requireAccount()
                let form = try await Self.form(request)
                try visitor.checkCSRF(form)
                let (environment, institution) = Self.plan(form.text("plan")) ?? (.guest, "")
                let draft = Self.draft(form, environment: environment, institution: institution, areas: areaDescriptors)
                do {
                    let (application, key) = try await portal.createApplication(draft, by: account)
                    return redirect(to: "/portal/applications/\(application.id)/key", Flash(key: key), for: visitor)
                } catch let error as PortalError where error.kind == .invalid || error.kind == .forbidden {
                    let model = NewApplicationPage(
                        plans: planChoices(visitor, selected: form.text("plan")),
                        form: ApplicationFormModel(draft, areas: areaDescriptors)
                    )
                    return renderer.render(
                        "application-new",
                        title: "New application",
                        page: model,
                        visitor: visitor,
                        error: error.message,
                        status: error.kind == .forbidden ? .forbidden : .badRequest
                    )
                }
            }
        )
        router.get(
            "/portal/applications/{id}",
            use: page("Application") { request, context, visitor in
                try await applicationPage(try Self.applicationID(context), visitor: visitor, notice: try flash(request, for: visitor)?.notice)
            }
        )
        router.get(
            "/portal/applications/{id}/key",
            use: page("Your new API key") { request, context, visitor in
                let id = try Self.applicationID(context)
                let account = try visitor.requireAccount()
                let application = try await portal.application(id, seenBy: account).application
                guard let flash = try flash(request, for: visitor), let key = flash.key else {
                    let back = LinkModel(href: "/portal/applications/\(id)", label: "Back to \(application.name)")
                    let text =
                        "A new key is shown once, on the page that follows its creation; this one was shown already. "
                        + "If it was not copied, rotate it on the application's page."
                    return renderer.render("message", title: "Key shown already", page: MessagePage(text: text, link: back), visitor: visitor)
                }
                let model = KeyCreatedPage(applicationID: id, applicationName: application.name, key: key, base: links.base)
                return renderer.render("key-created", title: "Your new API key", page: model, visitor: visitor, notice: flash.notice)
            }
        )
        router.post(
            "/portal/applications/{id}",
            use: page("Application") { request, context, visitor in
                let id = try Self.applicationID(context)
                let form = try await Self.form(request)
                try visitor.checkCSRF(form)
                let account = try visitor.requireAccount()
                let current = try await portal.application(id, seenBy: account).application
                do {
                    try await portal.updateApplication(
                        id,
                        with: Self.draft(form, environment: current.environment, institution: current.institution, areas: areaDescriptors),
                        by: account
                    )
                } catch let error as PortalError where error.kind == .invalid {
                    return try await applicationPage(id, visitor: visitor, error: error.message)
                }
                return redirect(to: "/portal/applications/\(id)", Flash(notice: "Saved. The keys have the new settings now."), for: visitor)
            }
        )
        router.post(
            "/portal/applications/{id}/keys/{key}/rotate",
            use: page("Application") { request, context, visitor in
                let (id, keyID) = try Self.keyPath(context)
                try visitor.checkCSRF(try await Self.form(request))
                let account = try visitor.requireAccount()
                let key = try await portal.rotateKey(keyID, of: id, by: account)
                return redirect(to: "/portal/applications/\(id)/key", Flash(notice: "The old key is revoked.", key: key), for: visitor)
            }
        )
        router.post(
            "/portal/applications/{id}/keys",
            use: page("Application") { request, context, visitor in
                let id = try Self.applicationID(context)
                try visitor.checkCSRF(try await Self.form(request))
                let account = try visitor.requireAccount()
                let key = try await portal.issueKey(for: id, by: account)
                return redirect(to: "/portal/applications/\(id)/key", Flash(key: key), for: visitor)
            }
        )
        router.post(
            "/portal/applications/{id}/plan",
            use: page("Application") { request, context, visitor in
                let id = try Self.applicationID(context)
                let form = try await Self.form(request)
                try visitor.checkCSRF(form)
                let account = try visitor.requireAccount()
                guard let (environment, institution) = Self.plan(form.text("plan")) else { throw PortalError("Choose a plan.") }
                let key: String
                do {
                    key = try await portal.changePlan(of: id, to: environment, institution: institution, by: account)
                } catch let error as PortalError where error.kind == .invalid {
                    return try await applicationPage(id, visitor: visitor, error: error.message)
                }
                let notice = "The application is on the \(environment.planName) plan now; its old keys are revoked."
                return redirect(to: "/portal/applications/\(id)/key", Flash(notice: notice, key: key), for: visitor)
            }
        )
        router.post(
            "/portal/applications/{id}/delete",
            use: page("Application") { request, context, visitor in
                let id = try Self.applicationID(context)
                let form = try await Self.form(request)
                try visitor.checkCSRF(form)
                guard form.isChecked("confirm") else { throw PortalError("Tick the box to confirm the deletion.") }
                try await portal.deleteApplication(id, by: try visitor.requireAccount())
                return redirect(to: "/portal/applications", Flash(notice: "The application is deleted; its keys stopped working."), for: visitor)
            }
        )
        router.post(
            "/portal/applications/{id}/keys/{key}/revoke",
            use: page("Application") { request, context, visitor in
                let (id, keyID) = try Self.keyPath(context)
                try visitor.checkCSRF(try await Self.form(request))
                try await portal.revokeKey(keyID, of: id, by: try visitor.requireAccount())
                return redirect(to: "/portal/applications/\(id)", Flash(notice: "The key is revoked."), for: visitor)
            }
        )
        router.post(
            "/portal/applications/{id}/faults",
            use: page("Application") { request, context, visitor in
                let id = try Self.applicationID(context)
                let form = try await Self.form(request)
                try visitor.checkCSRF(form)
                let plan = try Self.faultPlan(form)
                try await setFaults(plan, application: id, visitor: visitor)
                return redirect(to: "/portal/applications/\(id)", Flash(notice: "Faults injected: \(plan.summary)."), for: visitor)
            }
        )
        router.post(
            "/portal/applications/{id}/faults/clear",
            use: page("Application") { request, context, visitor in
                let id = try Self.applicationID(context)
                try visitor.checkCSRF(try await Self.form(request))
                try await setFaults(nil, application: id, visitor: visitor)
                return redirect(to: "/portal/applications/\(id)", Flash(notice: "Faults cleared."), for: visitor)
            }
        )
    }

    private func applicationPage(_ id: Int64, visitor: Visitor, notice: String? = nil, error: String? = nil) async throws -> Response {
        let account = try visitor.requireAccount()
        let detail = try await portal.application(id, seenBy: account)
        var log: [ApplicationPage.LogRow] = []
        for key in detail.keys {
            for entry in try await portal.requestLog(key.id, of: id, by: account, limit: 50) {
                log.append(ApplicationPage.LogRow(entry, key: key.prefix))
            }
        }
        log.sort { $0.time > $1.time }
        var model = ApplicationPage(detail, faults: { portal.faults(key: $0) }, log: Array(log.prefix(50)), areas: areaDescriptors)
        let current = "\(detail.application.environment.rawValue):\(detail.application.institution)"
        model.plans = planChoices(visitor, selected: current)
        return renderer.render(
            "application",
            title: detail.application.name,
            page: model,
            visitor: visitor,
            notice: notice,
            error: error,
            status: error == nil ? .ok : .badRequest
        )
    }

    private func setFaults(_ plan: FaultPlan?, application id: Int64, visitor: Visitor) async throws {
        let account = try visitor.requireAccount()
        for key in try await portal.application(id, seenBy: account).keys where !key.revoked {
            try await portal.setFaults(plan, key: key.id, of: id, by: account)
        }
    }

    /// The plans the visitor may choose: the Guest Sandbox, and per organization its Sandbox
    /// (and Production for admins).
    private func planChoices(_ visitor: Visitor, selected: String?) -> [PlanChoice] {
        var choices = [PlanChoice(value: "guest:\(portal.guestInstitution)", label: "Guest Sandbox (\(portal.guestInstitution) demo data, GET only)")]
        for membership in visitor.memberships {
            choices.append(PlanChoice(value: "sandbox:\(membership.institution)", label: "Sandbox: \(membership.institution)"))
            if membership.role == .admin {
                choices.append(PlanChoice(value: "production:\(membership.institution)", label: "Production: \(membership.institution)"))
            }
        }
        let chosen = selected ?? choices.last?.value
        return choices.map { PlanChoice(value: $0.value, label: $0.label, selected: $0.value == chosen) }
    }

    /// `sandbox:DEMO` as an environment and an institution; `nil` for anything else.
    private static func plan(_ value: String) -> (LecternCore.Environment, String)? {
        let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let environment = LecternCore.Environment(rawValue: parts[0]) else { return nil }
        return (environment, parts[1])
    }

    private static func draft(_ form: Form, environment: LecternCore.Environment, institution: String, areas: [AreaDescriptor]) -> ApplicationDraft {
        var permissions: [Area: Access] = [:]
        for area in areas.map(\.area) {
            if let access = Access(rawValue: form.text("area_\(area.rawValue)")) { permissions[area] = access }
        }
        let networks = form.text("networks").split(whereSeparator: { $0.isNewline || $0 == " " || $0 == "," }).map(String.init)
        return ApplicationDraft(
            name: form.text("name"),
            platform: ApplicationFormModel.platformNames.contains(form.text("platform")) ? form.text("platform") : "Server",
            summary: String(form.text("summary").prefix(2000)),
            institution: institution,
            environment: environment,
            permissions: permissions,
            networks: networks
        )
    }

    private static func faultPlan(_ form: Form) throws -> FaultPlan {
        let kind: FaultPlan.Kind
        switch form.text("kind") {
        case "per-second": kind = .perSecondThreshold
        case "daily": kind = .dailyThreshold
        case "routing": kind = .routingError
        default: throw PortalError("Choose a fault.")
        }
        guard let value = Int(form.text("value")), value > 0 else { throw PortalError("Give a positive number.") }
        switch form.text("mode") {
        case "next": return FaultPlan(kind: kind, nextCalls: min(value, 1000))
        case "percent": return FaultPlan(kind: kind, percent: min(value, 100))
        default: throw PortalError("Choose how many calls get the fault.")
        }
    }

    static func applicationID(_ context: Context) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("id")) else { throw PortalError.notFound }
        return id
    }

    private static func keyPath(_ context: Context) throws -> (Int64, Int64) {
        guard let key = Int64(try context.parameters.require("key")) else { throw PortalError.notFound }
        return (try applicationID(context), key)
    }
}

struct PlanChoice {
    var value: String
    var label: String
    var selected = false
}

/// The values of the application fields, for a form shown again or for editing.
struct ApplicationFormModel {
    static let platformNames = ["Server", "Web", "Desktop", "Mobile", "Script"]

    var name = ""
    var summary = ""
    var networks = ""
    var platforms: [Choice] = platformNames.map { Choice(value: $0, selected: $0 == "Server") }
    var areas: [AreaChoice]

    struct Choice {
        var value: String
        var selected: Bool
    }

    struct AreaChoice {
        var value: String
        var title: String
        var readOnly = false
        var readWrite = false
    }

    /// An empty form offering `areas`.
    init(areas: [AreaDescriptor]) {
        self.areas = areas.map { AreaChoice(value: $0.area.rawValue, title: $0.title) }
    }

    init(_ draft: ApplicationDraft, areas: [AreaDescriptor]) {
        self.init(
            name: draft.name,
            platform: draft.platform,
            summary: draft.summary,
            permissions: draft.permissions,
            networks: draft.networks,
            areas: areas
        )
    }

    init(name: String, platform: String, summary: String, permissions: [Area: Access], networks: [String], areas: [AreaDescriptor]) {
        self.name = name
        self.summary = summary
        self.networks = networks.joined(separator: "\n")
        platforms = Self.platformNames.map { Choice(value: $0, selected: $0 == platform) }
        self.areas = areas.map { descriptor in
            let access = permissions[descriptor.area]
            return AreaChoice(
                value: descriptor.area.rawValue,
                title: descriptor.title,
                readOnly: access == .readOnly,
                readWrite: access == .readWrite
            )
        }
    }
}

struct NewApplicationPage {
    var plans: [PlanChoice]
    var form: ApplicationFormModel
}

struct ApplicationsPage {
    var applications: [Row]
    var hasApplications: Bool

    struct Row {
        var id: Int64
        var name: String
        var plan: String
        var institution: String
        var platform: String
        var keys: String

        init(_ application: DeveloperApplication, keys: String) {
            id = application.id
            name = application.name
            plan = application.environment.planName
            institution = application.institution
            platform = application.platform
            self.keys = keys
        }
    }
}

struct KeyCreatedPage {
    var applicationID: Int64
    var applicationName: String
    var key: String
    var base: String
}

struct ApplicationPage {
    var id: Int64
    var plan: String
    var institution: String
    var platform: String
    var summary: String
    var keys: [KeyRow]
    var faultable: Bool
    var log: [LogRow]
    var hasLog: Bool
    /// The settings form (Mustache reads stored properties only).
    var form: ApplicationFormModel
    /// The plans it can move to, the current one selected.
    var plans: [PlanChoice] = []

    struct KeyRow {
        var id: Int64
        var applicationID: Int64
        var prefix: String
        var status: String
        var active: Bool
        var faults: String
    }

    struct LogRow {
        var time: String
        var key: String
        var method: String
        var path: String
        var status: Int
        var errorCode: String
        var latency: String

        init(_ entry: RequestLogEntry, key: String) {
            time = entry.time
            self.key = key
            method = entry.method
            path = entry.path
            status = entry.status
            errorCode = entry.errorCode
            latency = entry.microseconds >= 1000 ? "\(entry.microseconds / 1000) ms" : "\(entry.microseconds) µs"
        }
    }

    init(_ detail: ApplicationDetail, faults: (Int64) -> FaultPlan?, log: [LogRow], areas: [AreaDescriptor]) {
        let application = detail.application
        id = application.id
        plan = application.environment.planName
        institution = application.institution
        platform = application.platform
        summary = application.summary
        keys = detail.keys.map { key in
            KeyRow(
                id: key.id,
                applicationID: application.id,
                prefix: key.prefix,
                status: key.revoked ? "revoked" : "active",
                active: !key.revoked,
                faults: key.revoked ? "" : faults(key.id)?.summary ?? "none"
            )
        }
        faultable = application.environment != .production
        self.log = log
        hasLog = !log.isEmpty
        let current = detail.keys.last { !$0.revoked }
        form = ApplicationFormModel(
            name: application.name,
            platform: application.platform,
            summary: application.summary,
            permissions: current?.permissions ?? [:],
            networks: current?.allowedNetworks ?? [],
            areas: areas
        )
    }
}

extension FaultPlan {
    /// The plan in words (`429 DAILY_THRESHOLD for the next 2 calls`).
    var summary: String {
        let what: String =
            switch kind {
            case .perSecondThreshold: "429 PER_SECOND_THRESHOLD"
            case .dailyThreshold: "429 DAILY_THRESHOLD"
            case .routingError: "503 ROUTING_ERROR"
            }
        switch schedule {
        case .nextCalls(let count): return "\(what) for the next \(count) calls"
        case .percent(let percent): return "\(what) for \(percent)% of calls"
        }
    }
}
