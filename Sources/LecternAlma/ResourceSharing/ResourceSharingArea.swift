public import LecternCore
public import LecternStore

extension Area {
    /// Alma resource sharing: partners and task lists (`/almaws/v1/partners`, `/almaws/v1/task-lists`).
    public static let resourceSharing = Area("partners")
}

/// The resource sharing area: keys can be given its permission; its operations are not served yet, so
/// every call to its paths passes the gateway's checks and is then refused as no operation.
public enum ResourceSharingArea: AreaPlugin {
    public static let descriptor = AreaDescriptor(
        .resourceSharing,
        title: "Resource Sharing",
        product: .alma,
        pathPrefixes: ["/almaws/v1/partners", "/almaws/v1/task-lists"]
    )

    public static func routes(store: any Store, passwords: any PasswordHasher) -> [Route] { [] }
}
