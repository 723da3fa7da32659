public import LecternCore
import LecternPeople
public import LecternStore

extension Area {
    /// Esploro's researchers, with the organizations and research code tables
    /// (`/esploro/v1/researchers`, `/esploro/v1/organizations`, `/esploro/v1/researchconf`).
    public static let researchers = Area("researchers")
}

/// The researchers area: every Esploro path but the assets'.
public enum ResearchersArea: AreaPlugin {
    public static let descriptor = AreaDescriptor(
        .researchers,
        title: "Esploro Researchers",
        product: .esploro,
        pathPrefixes: ["/esploro/v1/*"],
        testPaths: ["/esploro/v1/researchers/test", "/esploro/v1/organizations/test", "/esploro/v1/researchconf/test"]
    )

    public static func routes(store: any Store, passwords: any PasswordHasher) -> [Route] {
        ResearchersAPI(store: store, passwords: passwords).routes + OrganizationsAPI(store: store).routes
            + ResearchConfigurationAPI(store: store).routes
    }

    /// `GET /researchers` in its default order: users who are researchers.
    public static let sortIndexes = [SortIndex(.user, ["last_name", "first_name", "primary_id"], filteredBy: ["is_researcher"])]
}
