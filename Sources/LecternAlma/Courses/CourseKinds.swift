public import LecternStore

extension Kind {
    /// A course (`course`): its code and section are unique together.
    public static let course = Kind(rawValue: "course")
    /// A reading list (`reading_list`), linked to the courses it belongs to.
    public static let readingList = Kind(rawValue: "reading_list")
    /// A citation (`citation`), child of its reading list, linked to the bib it cites.
    public static let citation = Kind(rawValue: "citation")
    /// A user's enrolment in a course, child of the course, linked to the user.
    public static let courseEnrollment = Kind(rawValue: "course_enrollment")
    /// An owner of a reading list, child of the list, linked to the user.
    public static let readingListOwner = Kind(rawValue: "reading_list_owner")
}
