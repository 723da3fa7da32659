public import LecternCore
public import LecternStore

extension Area {
    /// Alma's configuration: libraries, locations, desks, departments, code tables (`/almaws/v1/conf`).
    public static let configuration = Area("conf")
}

/// The configuration area: `/almaws/v1/conf`.
public enum ConfigurationArea: AreaPlugin {
    public static let descriptor = AreaDescriptor(
        .configuration,
        title: "Configuration",
        product: .alma,
        pathPrefixes: ["/almaws/v1/conf"],
        testPaths: ["/almaws/v1/conf/test"]
    )

    public static func routes(store: any Store, passwords: any PasswordHasher) -> [Route] {
        ConfigurationAPI(store: store).routes
    }
}
