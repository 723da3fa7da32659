/// The folder tree of an institution's reports: `/shared/<institution>/Reports/<folders>/<report>`,
/// as the catalogue files them.
struct ReportFolders {
    /// The institution's name, its folder under `/shared`.
    let institution: String

    /// A folder's or report's entry in a listing.
    struct Entry: Equatable {
        var path: String
        var name: String
        var isReport: Bool
    }

    /// Every report's path, with its definition.
    var reports: [(path: String, definition: ReportDefinition)] {
        ReportCatalogue.reports.map { definition in
            ((["", "shared", institution, "Reports"] + definition.folders + [definition.name]).joined(separator: "/"), definition)
        }
    }

    /// The report at `path` (as sent, a trailing slash ignored), or `nil`.
    func report(at path: String) -> ReportDefinition? {
        let wanted = Self.normalized(path)
        return reports.first { $0.path == wanted }?.definition
    }

    /// What the folder at `path` holds, folders first, each group by name; `nil` when no report
    /// is filed under it. The root (`/` or empty) holds `/shared`.
    func contents(of path: String) -> [Entry]? {
        let folder = Self.normalized(path)
        let prefix = folder == "/" ? "/" : folder + "/"
        var entries: [Entry] = []
        for (reportPath, _) in reports where reportPath.hasPrefix(prefix) {
            let rest = reportPath.dropFirst(prefix.count)
            guard let name = rest.split(separator: "/").first.map(String.init) else { continue }
            let entry = Entry(path: prefix + name, name: name, isReport: !rest.contains("/"))
            if !entries.contains(entry) { entries.append(entry) }
        }
        guard !entries.isEmpty else { return nil }
        return entries.sorted { ($0.isReport ? 1 : 0, $0.name) < ($1.isReport ? 1 : 0, $1.name) }
    }

    /// `path` with one leading slash and no trailing one (`/` for the root).
    static func normalized(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return "/" + parts.joined(separator: "/")
    }
}
