public import LecternAlma
public import LecternCore
public import LecternEsploro
public import LecternPrimo
public import LecternStore

/// Every API area Lectern serves, one line each, in the order keys, the portal and the OpenAPI
/// index list them. Adding an area is one folder in its family (its ``AreaPlugin``) and one line
/// here (docs/adding-an-area.md).
public enum LecternAreas {
    /// The plug-ins, in order.
    public static let plugins: [any AreaPlugin.Type] = [
        UsersArea.self,
        BibsArea.self,
        AcquisitionsArea.self,
        ConfigurationArea.self,
        CoursesArea.self,
        AnalyticsArea.self,
        ResourceSharingArea.self,
        ElectronicResourcesArea.self,
        PrimoArea.self,
        ResearchersArea.self,
        AssetsArea.self,
    ]

    /// What each area is, without its routes: for the command line and the demo keys.
    public static var descriptors: [AreaDescriptor] { plugins.map { $0.descriptor } }

    /// Every area's name, in order.
    public static var names: [Area] { descriptors.map(\.area) }

    /// The orders every area's lists read in pages, for the store to keep ready.
    public static var sortIndexes: [SortIndex] { plugins.flatMap { $0.sortIndexes } }

    /// Every area with its routes over `store`.
    public static func areas(store: any Store, passwords: any PasswordHasher) -> [APIArea] {
        plugins.map { $0.area(store: store, passwords: passwords) }
    }
}
