public import LecternCore
public import LecternStore

extension Area {
    /// Esploro's research assets (`/esploro/v1/assets`).
    public static let assets = Area("assets")
}

/// The assets area: JSON only, its errors included.
public enum AssetsArea: AreaPlugin {
    public static let descriptor = AreaDescriptor(
        .assets,
        title: "Esploro Assets",
        product: .esploro,
        pathPrefixes: ["/esploro/v1/assets"],
        formats: [.json],
        errors: .json,
        formatRefusal: .jsonOnly,
        testPaths: ["/esploro/v1/assets/test"]
    )

    public static func routes(store: any Store, passwords: any PasswordHasher) -> [Route] {
        AssetsAPI(store: store).routes
    }
}
