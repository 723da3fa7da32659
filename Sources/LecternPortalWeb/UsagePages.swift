import Hummingbird
import LecternCore
import LecternOpenAPI
import LecternPortal
import LecternStore

extension PortalWeb {
    func installUsagePages(on router: Router<Context>) {
        router.get(
            "/portal/usage",
            use: page("Usage") { request, _, visitor in
                let account = try visitor.requireAccount()
                let query = try Self.query(request)
                // `scope=application:7` or `scope=institution:DEMO` from the picker; `application=7` from links.
                let scope = query["scope"] ?? query["application"].map { "application:\($0)" } ?? "mine"
                let parts = scope.split(separator: ":", maxSplits: 1).map(String.init)
                let report: UsageReport
                switch (parts.first, parts.count == 2 ? parts[1] : nil) {
                case ("application", let id?):
                    guard let id = Int64(id) else { throw PortalError.notFound }
                    report = try await portal.usage(application: id, by: account)
                case ("institution", let code?):
                    report = try await portal.usage(institution: code, by: account)
                default:
                    report = try await portal.usage(by: account)
                }
                let scopes = try await scopeChoices(account, visitor: visitor, selected: scope)
                return renderer.render(
                    "usage",
                    title: "Usage",
                    page: UsagePage(report, scopes: scopes, areaTitle: { catalog?.title(of: $0) ?? $0.rawValue }),
                    visitor: visitor
                )
            }
        )
    }

    private func scopeChoices(_ account: Account, visitor: Visitor, selected: String) async throws -> [PlanChoice] {
        var choices = [PlanChoice(value: "mine", label: "All my applications")]
        for membership in visitor.memberships where membership.role == .admin {
            choices.append(PlanChoice(value: "institution:\(membership.institution)", label: "Institution \(membership.institution) (all keys)"))
        }
        for application in try await portal.applications(visibleTo: account) {
            choices.append(PlanChoice(value: "application:\(application.id)", label: "Application: \(application.name)"))
        }
        return choices.map { PlanChoice(value: $0.value, label: $0.label, selected: $0.value == selected) }
    }
}

struct UsagePage {
    var scopes: [PlanChoice]
    var totalCalls: Int
    var throttledCalls: Int
    var chart: String
    var areas: [AreaRow]
    var errors: [ErrorRow]
    var quotas: [QuotaRow]
    var perDay: [DayRow]

    struct AreaRow {
        var area: String
        var calls: Int
    }

    struct ErrorRow {
        var status: Int
        var code: String
        var calls: Int
    }

    struct QuotaRow {
        var institution: String
        var product: String
        var threshold: Int
        var remaining: Int
    }

    struct DayRow {
        var day: String
        var calls: Int
        var errors: Int
    }

    init(_ report: UsageReport, scopes: [PlanChoice], areaTitle: (Area) -> String) {
        self.scopes = scopes
        totalCalls = report.totalCalls
        throttledCalls = report.throttledCalls
        let calls = report.callsPerDay
        let errors = report.errorsPerDay
        chart = BarChart(labels: report.days, values: calls, overlay: errors, title: "Calls per day, last \(report.days.count) days").svg()
        areas = report.callsPerArea(titled: areaTitle).map { AreaRow(area: $0.area, calls: $0.calls) }
        self.errors = report.errorsByCode.map { ErrorRow(status: $0.status, code: $0.code.isEmpty ? "(none)" : $0.code, calls: $0.calls) }
        quotas = report.quotas.map {
            QuotaRow(institution: $0.institution, product: $0.product.title, threshold: $0.threshold, remaining: $0.remaining)
        }
        perDay = zip(report.days, zip(calls, errors)).reversed().map { DayRow(day: $0.0, calls: $0.1.0, errors: $0.1.1) }
    }
}
