public import LecternCore
public import LecternStore

extension Area {
    /// Primo's discovery search (`/primo/v1`).
    public static let primo = Area("primo")
}

/// The Primo area: search and records, in JSON, called by browsers too.
public enum PrimoArea: AreaPlugin {
    public static let descriptor = AreaDescriptor(
        .primo,
        title: "Primo",
        product: .primo,
        pathPrefixes: ["/primo/v1"],
        formats: [.json],
        answersBrowsers: true
    )

    public static func routes(store: any Store, passwords: any PasswordHasher) -> [Route] {
        PrimoAPI(store: store).routes
    }
}
