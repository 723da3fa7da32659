import Foundation
import LecternCore
import LecternRepresentation
import LecternStore

/// Analytics (`/almaws/v1/analytics`): the folders of reports, and reports read in pages by
/// resumption token, as rowset XML.
struct AnalyticsAPI {
    let store: any Store

    static let reportPath = RouteParameter("path", "Full path to the report (URL decoded), under /shared/<institution>/Reports")
    static let filter = RouteParameter("filter", "An XML filter in OBI format (sawx:expr) over the report's columns")
    static let limit = RouteParameter("limit", "Rows per page, 25-1000", default: "25").integer(in: 25...1000, refusal: .analyticsGeneralError)
    static let colNames = RouteParameter.flag("col_names", "Whether the rows' schema has the column headings", default: true)
        .checked(.analyticsGeneralError, ignoringCase: true)
    static let token = RouteParameter("token", "The resumption token of the report's first page: the next page")
    static let folderPath = RouteParameter("path", "A folder's path; the root when absent")
    static let folder = RouteParameter("path", "A folder's path, URL encoded")

    var routes: [Route] {
        let negotiated: [RouteParameter] = [.format, .lang]
        return [
            Route(.get, "/almaws/v1/analytics/paths", root).documented(
                "Retrieve Analytics report's directory root",
                query: [Self.folderPath] + negotiated,
                response: AnalyticsObjects.paths,
                errors: [.analyticsPathInvalid("{path}")]
            ),
            Route(.get, "/almaws/v1/analytics/paths/{path}", folderContents).documented(
                "Retrieve Analytics report's directory path",
                path: [Self.folder],
                query: negotiated,
                response: AnalyticsObjects.paths,
                errors: [.analyticsPathInvalid("{path}")]
            ),
            Route(.get, "/almaws/v1/analytics/reports", report).documented(
                "Retrieve Analytics report",
                query: [Self.reportPath, Self.filter, Self.limit, Self.colNames, Self.token] + negotiated,
                response: AnalyticsObjects.report,
                errors: [.analyticsGeneralError("{reason}"), .reportPathNotFound("{path}"), .noMoreRows]
            ),
        ]
    }

    @Sendable func root(_ call: Call) async throws -> Reply {
        try await contents(of: call.query(Self.folderPath) ?? "/", call)
    }

    @Sendable func folderContents(_ call: Call) async throws -> Reply {
        try await contents(of: call.path["path"] ?? "", call)
    }

    private func contents(of path: String, _ call: Call) async throws -> Reply {
        let folders = ReportFolders(institution: try await institutionName(call))
        guard let entries = folders.contents(of: path) else { throw APIError.analyticsPathInvalid(path) }
        let nodes = entries.map { entry in
            Node("path", attributes: [.init("name", entry.name), .init("path", entry.path), .init("type", entry.isReport ? "Report" : "Folder")])
        }
        return .object(Node("AnalyticsPathsResult", children: nodes), AlmaShapes.analyticsPaths)
    }

    @Sendable func report(_ call: Call) async throws -> Reply {
        if let token = call.query(Self.token), !token.isEmpty { return try await nextPage(token, call) }
        guard let path = call.query(Self.reportPath), !path.isEmpty else {
            throw APIError.analyticsGeneralError("Either a report path or a resumption token is required.")
        }
        return try await firstPage(path, call)
    }

    /// The report's rows, now: the first page answered, the others kept for its token.
    private func firstPage(_ path: String, _ call: Call) async throws -> Reply {
        let folders = ReportFolders(institution: try await institutionName(call))
        guard let definition = folders.report(at: path) else { throw APIError.reportPathNotFound(path) }
        let filter = try call.query(Self.filter).flatMap { $0.isEmpty ? nil : try ReportFilter.parse($0, columns: definition.columns) }
        let now = try await store.now(for: call.tenant)
        let runner = ReportRunner(report: definition, now: CirculationTime.dueDate(now))
        var rows = try await store.read(in: call.tenant) { reader in try await runner.rows(reader) }
        if let filter { rows = rows.filter { filter.admits($0, definition.columns) } }
        let limit = call.integer(Self.limit)
        let pages = stride(from: 0, to: rows.count, by: limit).map { start in
            rows[start..<min(start + limit, rows.count)].map(ReportRowset.row)
        }
        var token: String?
        if pages.count > 1 {
            let later = Array(pages.dropFirst())
            token = try await store.write(in: call.tenant) { tx in try await ReportSnapshots.keep(later, path: path, now: now, in: tx) }
        }
        let headings = call.text(Self.colNames)?.lowercased() != "false"
        let first = pages.first ?? []
        return page(ReportRowset.queryResult(token: token, finished: token == nil, columns: definition.columns, headings: headings, rows: first))
    }

    /// The next kept page of `token`.
    private func nextPage(_ token: String, _ call: Call) async throws -> Reply {
        let now = try await store.now(for: call.tenant)
        let fetched = try await store.write(in: call.tenant) { tx in try await ReportSnapshots.next(token, now: now, in: tx) }
        return page(ReportRowset.queryResult(token: nil, finished: fetched.finished, columns: nil, headings: false, rows: fetched.rows))
    }

    private func page(_ queryResult: Node) -> Reply {
        .object(Node("report", children: [queryResult]), AlmaShapes.analyticsReport)
    }

    /// The institution's name, as its shared folder is called; its code where the store keeps
    /// no registry.
    private func institutionName(_ call: Call) async throws -> String {
        guard let registry = store as? any Registry else { return call.tenant.institution }
        return try await registry.institution(call.tenant.institution)?.name ?? call.tenant.institution
    }
}
