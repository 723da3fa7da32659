public import LecternCore
public import LecternStore

extension Area {
    /// Alma Analytics reports (`/almaws/v1/analytics`).
    public static let analytics = Area("analytics")
}

/// The analytics area: the institution's reports, computed from its own data, read as rowset
/// XML in pages by resumption token.
public enum AnalyticsArea: AreaPlugin {
    public static let descriptor = AreaDescriptor(
        .analytics,
        title: "Analytics",
        product: .alma,
        pathPrefixes: ["/almaws/v1/analytics"],
        testPaths: ["/almaws/v1/analytics/test"]
    )

    public static func routes(store: any Store, passwords: any PasswordHasher) -> [Route] {
        AnalyticsAPI(store: store).routes
    }
}
