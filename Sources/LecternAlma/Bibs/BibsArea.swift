public import LecternCore
public import LecternStore

extension Area {
    /// Alma's catalogue: bibs, holdings and items (`/almaws/v1/bibs`, `/almaws/v1/items`).
    public static let bibs = Area("bibs")
}

/// The bibs area: bibs, their holdings and items, and items by barcode.
public enum BibsArea: AreaPlugin {
    public static let descriptor = AreaDescriptor(
        .bibs,
        title: "Bibs",
        product: .alma,
        pathPrefixes: ["/almaws/v1/bibs", "/almaws/v1/items"],
        testPaths: ["/almaws/v1/bibs/test"]
    )

    public static func routes(store: any Store, passwords: any PasswordHasher) -> [Route] {
        BibsAPI(store: store).routes + HoldingsAPI(store: store).routes + ItemsAPI(store: store).routes + CirculationRoutes.bibs(store: store)
    }
}
