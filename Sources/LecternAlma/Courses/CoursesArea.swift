public import LecternCore
public import LecternStore

extension Area {
    /// Alma courses and reading lists (`/almaws/v1/courses`).
    public static let courses = Area("courses")
}

/// The courses area: courses with their enrolments, reading lists with their owners, and
/// citations with their tags.
public enum CoursesArea: AreaPlugin {
    public static let descriptor = AreaDescriptor(
        .courses,
        title: "Courses",
        product: .alma,
        pathPrefixes: ["/almaws/v1/courses"],
        testPaths: ["/almaws/v1/courses/test"]
    )

    public static func routes(store: any Store, passwords: any PasswordHasher) -> [Route] {
        CoursesAPI(store: store).routes + ReadingListsAPI(store: store).routes + CitationsAPI(store: store).routes
    }

    /// `GET /courses` in its default order, with or without a status.
    public static let sortIndexes = [SortIndex(.course, ["code", "section"]), SortIndex(.course, ["code", "section"], filteredBy: ["status"])]
}
