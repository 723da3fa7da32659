public import LecternCore
import LecternPeople
public import LecternStore

extension Area {
    /// Alma's users (`/almaws/v1/users`).
    public static let users = Area("users")
}

/// The users area: `/almaws/v1/users`.
public enum UsersArea: AreaPlugin {
    public static let descriptor = AreaDescriptor(
        .users,
        title: "Users",
        product: .alma,
        pathPrefixes: ["/almaws/v1/users"],
        testPaths: ["/almaws/v1/users/operation/test"]
    )

    public static func routes(store: any Store, passwords: any PasswordHasher) -> [Route] {
        UsersAPI(store: store, passwords: passwords).routes
    }

    /// `GET /users` in its default order.
    public static let sortIndexes = [SortIndex(.user, ["last_name", "first_name", "primary_id"])]
}
