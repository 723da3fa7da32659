public import LecternCore
public import LecternStore

extension Area {
    /// Alma electronic resources (`/almaws/v1/electronic`).
    public static let electronicResources = Area("electronic")
}

/// The electronic resources area: keys can be given its permission; its operations are not served yet, so
/// every call to its paths passes the gateway's checks and is then refused as no operation.
public enum ElectronicResourcesArea: AreaPlugin {
    public static let descriptor = AreaDescriptor(
        .electronicResources,
        title: "Electronic Resources",
        product: .alma,
        pathPrefixes: ["/almaws/v1/electronic"]
    )

    public static func routes(store: any Store, passwords: any PasswordHasher) -> [Route] { [] }
}
