public import LecternRepresentation

/// Courses, reading lists and citations (`rest_course.xsd`, `rest_reading_list.xsd`,
/// `rest_citation.xsd`, none vendored). The course follows the recorded list
/// `alma_rb/courses.json` member for member (`status` a plain string, the integers numbers,
/// `instructor`, `campus` and `note` arrays even when empty, `link` last). Reading lists and
/// citations follow the members client libraries read from real answers: a course's
/// `reading_lists` and a list's `citations` keep their wrapper object in JSON, and so do a
/// citation's `citation_tags`.
extension AlmaShapes {
    /// A course's instructor: a user of the institution.
    static let courseInstructor: Shape = .object([.text("primary_id"), .text("first_name"), .text("last_name")])

    /// A note on a course.
    static let courseNote: Shape = .object([.text("content"), .text("created_by"), .text("created_date")])

    /// A campus a course is given at.
    static let courseCampus: Shape = .object([.code("campus_code"), Shape.Member("campus_participants", .number)])

    /// A course: `GET /courses/{course_id}`; with `view=full`, its reading lists and their citations.
    public static let course: Shape = .object([
        .text("id"),
        .text("code"),
        .text("name"),
        .text("section"),
        .code("academic_department", nullWhenAbsent: true),
        .code("processing_department", nullWhenAbsent: true),
        .list("terms", item: "term", of: .code),
        .text("status"),
        .text("start_date"),
        .text("end_date"),
        Shape.Member("weekly_hours", .number),
        Shape.Member("participants", .number),
        .text("year"),
        .list("instructors", item: "instructor", of: courseInstructor),
        .list("campuses", item: "campus", of: courseCampus),
        .list("searchable_ids", item: "searchable_id", of: .text),
        .list("notes", item: "note", of: courseNote),
        .text("submit_by_date"),
        .text("created_by"),
        .text("created_date"),
        .text("last_modified_by"),
        .text("last_modified_date"),
        .text("rolled_from"),
        Shape.Member("reading_lists", .object([Shape.Member("reading_list", readingList, repeats: true, nullWhenAbsent: true)])),
        .attribute("link"),
    ])

    /// `GET /courses`.
    public static let courses: Shape = .listRoot(item: "course", of: course)

    /// A reading list: `GET /courses/{course_id}/reading-lists/{reading_list_id}`; with `view=full`, its citations.
    public static let readingList: Shape = .object([
        .text("id"),
        .text("code"),
        .text("name"),
        .text("due_back_date"),
        .code("status"),
        .code("visibility"),
        .code("publishingStatus"),
        .text("description"),
        Shape.Member("order", .number),
        .text("last_modified_date"),
        Shape.Member("citations", .object([Shape.Member("citation", citation, repeats: true, nullWhenAbsent: true)])),
        .attribute("link"),
    ])

    /// `GET /courses/{course_id}/reading-lists`.
    public static let readingLists: Shape = .listRoot(item: "reading_list", of: readingList)

    /// A citation's bibliographic description: its own, or the linked bib's (`mms_id`).
    static let citationMetadata: Shape = .object(
        [
            "title", "author", "publisher", "publication_date", "edition", "isbn", "issn", "mms_id", "additional_person_name",
            "place_of_publication", "call_number", "note", "journal_title", "article_title", "issue", "editor", "chapter",
            "chapter_title", "chapter_author", "year", "pages", "source", "series_title_number", "pmid", "doi", "volume",
            "start_page", "end_page", "author_initials", "part", "lccn",
        ].map { Shape.Member.text($0) }
    )

    /// The section of its reading list a citation is in.
    static let citationSection: Shape = .object([
        .text("id"), .text("name"), .text("description"), .boolean("visibility"), .text("start_date"), .text("end_date"),
        .boolean("section_locked"),
    ])

    /// A tag on a citation: its value and whether it is public.
    static let citationTag: Shape = .object([.code("value"), .code("type")])

    /// The tags of a citation: `GET /…/citations/{citation_id}/tags`.
    public static let citationTags: Shape = .object([Shape.Member("citation_tag", citationTag, repeats: true, nullWhenAbsent: true)])

    /// Where the linked title can be found on the shelf now: one entry per holding, as its AVA field says.
    static let citationAvailability: Shape = .object([
        .code("library"), .code("location"), .text("call_number"), .text("availability"), Shape.Member("total_items", .number),
        Shape.Member("available_items", .number),
    ])

    /// A citation: `GET /…/reading-lists/{reading_list_id}/citations/{citation_id}`.
    public static let citation: Shape = .object(
        [
            .text("id"),
            .code("status"),
            .code("copyrights_status"),
            .code("type"),
            .code("secondary_type"),
            Shape.Member("metadata", citationMetadata),
            .text("open_url"),
            .text("leganto_permalink"),
            .text("public_note"),
        ] + (1...10).map { Shape.Member.text("source\($0)") } + [
            .text("file_link"),
            .text("license_type"),
            .text("last_modified_date"),
            Shape.Member("section_info", citationSection),
            Shape.Member("citation_tags", citationTags),
            .list("availability", item: "holding_availability", of: citationAvailability),
            .attribute("link"),
        ]
    )

    /// `GET /…/reading-lists/{reading_list_id}/citations`.
    public static let citations: Shape = .listRoot(item: "citation", of: citation)

    /// An owner of a reading list: a user, and what they may do with the list.
    public static let readingListOwner: Shape = .object([
        .text("primary_id"), .text("full_name"), .code("access_rights"), .attribute("link"),
    ])

    /// `GET /…/reading-lists/{reading_list_id}/owners`.
    public static let readingListOwners: Shape = .listRoot(item: "owner", of: readingListOwner)

    /// One enrolled user: `GET /courses/{course_id}/users`.
    static let enrolledUser: Shape = .object([.text("primary_id"), .attribute("link")])

    /// `GET /courses/{course_id}/users`: the identifiers of the users enrolled in a course.
    public static let courseUsers: Shape = .listRoot(item: "user", of: enrolledUser)
}
