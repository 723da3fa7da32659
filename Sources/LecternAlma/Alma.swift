public import LecternCore
public import LecternStore

/// The Alma API family: the route tables of its areas.
public enum Alma {
    /// Every Alma route, over `store`.
    public static func routes(store: any Store, passwords: any PasswordHasher) -> [Route] {
        UsersAPI(store: store, passwords: passwords).routes + ConfigurationAPI(store: store).routes + BibsAPI(store: store).routes
            + HoldingsAPI(store: store).routes + ItemsAPI(store: store).routes
    }
}

extension Kind {
    /// A location, by library and code; its parent is the library code.
    public static let location = Kind(rawValue: "location")
    /// A circulation desk; its parent is the library code.
    public static let circDesk = Kind(rawValue: "circ_desk")
    /// A department, by code.
    public static let department = Kind(rawValue: "department")
}
