public import LecternCore
public import LecternRepresentation

/// Analytics (`rest_analyt_paths.xsd`, `rest_analyt_report.xsd`, not vendored). A report page is
/// `<report>` holding the rowset XML, which JSON carries as one XML string in `anies` (as Alma's
/// JSON carries a bib's MARC record); a folder lists its `path` elements, whose attributes are
/// the JSON members.
extension AlmaShapes {
    /// `GET /analytics/reports`.
    public static let analyticsReport: Shape = .object([Shape.Member("QueryResult", .anies)])

    /// `GET /analytics/paths[/{path}]`.
    public static let analyticsPaths: Shape = .object([
        Shape.Member("path", .object([.attribute("name"), .attribute("path"), .attribute("type")]), repeats: true)
    ])
}

enum AnalyticsObjects {
    static let report = DocumentedObject(
        "report",
        "One page of a report: the resumption token (first page), whether it is finished, and the rowset XML",
        shape: AlmaShapes.analyticsReport
    )
    static let paths = DocumentedObject(
        "AnalyticsPathsResult",
        "The folders and reports in a folder, each with its path, name and type (Folder or Report)",
        shape: AlmaShapes.analyticsPaths
    )
}
