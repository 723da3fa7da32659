import LecternCore

/// The courses area's objects as the route tables document them (OpenAPI schemas, documentation
/// pages with an example from the demo data).
enum CourseObjects {
    static let course = DocumentedObject(
        "course",
        "A course: code and section, department, terms, dates, instructors",
        shape: AlmaShapes.course,
        exampleKind: "course"
    )
    static let courses = DocumentedObject.list("courses", of: course, shape: AlmaShapes.courses)
    static let readingList = DocumentedObject(
        "reading_list",
        "A reading list: code, name, status, visibility and publishing status, due back date",
        shape: AlmaShapes.readingList,
        exampleKind: "reading_list"
    )
    static let readingLists = DocumentedObject.list("reading_lists", of: readingList, shape: AlmaShapes.readingLists)
    static let citation = DocumentedObject(
        "citation",
        "A citation: a linked bib (mms_id) or its own description, status, section, tags, and the title's availability",
        shape: AlmaShapes.citation,
        exampleKind: "citation"
    )
    static let citations = DocumentedObject.list("citations", of: citation, shape: AlmaShapes.citations)
    static let tags = DocumentedObject(
        "citation_tags",
        "A citation's tags: each a value and a type (public or private)",
        shape: AlmaShapes.citationTags
    )
    static let owner = DocumentedObject(
        "owner",
        "An owner of a reading list: a user and their access rights",
        shape: AlmaShapes.readingListOwner,
        exampleKind: "reading_list_owner"
    )
    static let owners = DocumentedObject.list("owners", of: owner, shape: AlmaShapes.readingListOwners)
    static let users = DocumentedObject("users", "The identifiers of the users enrolled in a course", shape: AlmaShapes.courseUsers)
}
