public import LecternCore
public import LecternStore

extension Area {
    /// Alma courses and reading lists (`/almaws/v1/courses`).
    public static let courses = Area("courses")
}

/// The courses area: keys can be given its permission; its operations are not served yet, so
/// every call to its paths passes the gateway's checks and is then refused as no operation.
public enum CoursesArea: AreaPlugin {
    public static let descriptor = AreaDescriptor(.courses, title: "Courses", product: .alma, pathPrefixes: ["/almaws/v1/courses"])

    public static func routes(store: any Store, passwords: any PasswordHasher) -> [Route] { [] }
}
