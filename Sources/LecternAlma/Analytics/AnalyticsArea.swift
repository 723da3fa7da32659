public import LecternCore
public import LecternStore

extension Area {
    /// Alma Analytics reports (`/almaws/v1/analytics`).
    public static let analytics = Area("analytics")
}

/// The analytics area: keys can be given its permission; its operations are not served yet, so
/// every call to its paths passes the gateway's checks and is then refused as no operation.
public enum AnalyticsArea: AreaPlugin {
    public static let descriptor = AreaDescriptor(.analytics, title: "Analytics", product: .alma, pathPrefixes: ["/almaws/v1/analytics"])

    public static func routes(store: any Store, passwords: any PasswordHasher) -> [Route] { [] }
}
