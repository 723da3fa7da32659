public import Foundation
public import LecternCore
import LecternDiscovery
public import LecternRepresentation
public import LecternStore

/// One tenant's courses inside one write transaction: the rules every writer follows, the API
/// handlers as much as the demo institution. Codes are read once, ids come from the courses counter.
public struct CourseWriter: Sendable {
    let tx: any StoreWriter
    let codes: CourseCodes
    let stamp: CatalogStamp
    let ids: CatalogIDs
    let user: String

    /// The courses of the tenant `tx` writes, for writes made by `user` at `now`.
    public static func open(_ tx: any StoreWriter, institution: String, now: Date, user: String = "API") async throws -> CourseWriter {
        CourseWriter(
            tx: tx,
            codes: try await CourseCodes.load(from: tx),
            stamp: CatalogStamp(now),
            ids: CatalogIDs(institution: institution),
            user: user
        )
    }

    /// Reserves `count` numbers and answers the first.
    func reserve(_ count: Int = 1) async throws -> Int64 {
        try await tx.reserveNumbers(CatalogIDs.coursesCounter, count: count)
    }

    // MARK: - Courses

    /// Stores `incoming` as a new course.
    public func createCourse(_ incoming: Node) async throws -> Document {
        try await putCourse(incoming, id: ids.id(.course, try await reserve()), stored: nil)
    }

    /// Checks and stores `incoming` as the course `id`, replacing `stored`.
    func putCourse(_ incoming: Node, id: String, stored: Node?) async throws -> Document {
        let instructors = try await CourseLookup.users(CourseRules.instructorIDs(in: incoming), in: tx) { id in
            CourseRules.notValid("instructor", "\(id) is not a user of the institution")
        }
        let course = try CourseRules.prepare(
            incoming,
            id: id,
            stored: stored,
            codes: codes,
            users: instructors.mapValues(\.body),
            stamp: stamp,
            user: user
        )
        let code = course.value("code") ?? ""
        let section = course.value("section") ?? ""
        let key = CourseDocuments.codeSection(code: code, section: section)
        if let other = try await tx.document(.course, key: key, type: CourseDocuments.codeSectionKey), other.id != id {
            throw APIError.courseCodeNotUnique(code: code, section: section)
        }
        let document = CourseDocuments.course(course)
        try await tx.put(document)
        return document
    }

    /// Enrolls the users `userIDs` (primary ids or other identifiers) in `course`.
    public func enroll(_ userIDs: [String], in course: String) async throws {
        let users = try await CourseLookup.users(userIDs, in: tx) { id in
            CourseRules.notValid("user_ids", "\(id) is not a user of the institution")
        }
        for user in Set(users.values.map(\.id)) { try await tx.put(CourseDocuments.enrollment(user: user, course: course)) }
    }

    // MARK: - Reading lists

    /// Stores `incoming` as a new reading list of `course`, with copies of the citations of `copying`.
    public func createReadingList(_ incoming: Node, course: String, copying: [Document] = []) async throws -> Document {
        let first = try await reserve(1 + copying.count)
        let list = try await putReadingList(incoming, id: ids.id(.readingList, first), courses: [course])
        for (offset, citation) in copying.enumerated() {
            var body = citation.body
            body.setChild(Node("id", text: ids.id(.citation, first + 1 + Int64(offset))))
            body.setChild(Node("last_modified_date", text: stamp.date))
            try await tx.put(CourseDocuments.citation(AlmaShapes.citation.normalized(body), list: list.id))
        }
        return list
    }

    /// Checks and stores `incoming` as the reading list `id` of `courses`.
    func putReadingList(_ incoming: Node, id: String, courses: [String]) async throws -> Document {
        let list = try ReadingListRules.prepare(incoming, id: id, codes: codes, stamp: stamp)
        let code = list.value("code") ?? ""
        if let other = try await tx.document(.readingList, key: code, type: "code"), other.id != id {
            throw APIError.readingListCodeNotUnique(code)
        }
        let document = CourseDocuments.readingList(list, courses: courses)
        try await tx.put(document)
        return document
    }

    /// Makes the user `incoming` names (its `primary_id`, or `userID`) an owner of `list`.
    public func putOwner(_ incoming: Node, userID: String, list: String) async throws -> Node {
        let users = try await CourseLookup.users([userID], in: tx) { id in
            CourseRules.notValid("primary_id", "\(id) is not a user of the institution")
        }
        let owner = try ReadingListRules.owner(incoming, user: users[userID]?.body ?? Node("user"), codes: codes)
        try await tx.put(CourseDocuments.owner(owner, list: list))
        return owner
    }

    // MARK: - Citations

    /// Stores `incoming` as a new citation in `list`.
    public func createCitation(_ incoming: Node, list: String) async throws -> Document {
        try await putCitation(incoming, id: ids.id(.citation, try await reserve()), stored: nil, list: list)
    }

    /// Checks and stores `incoming` as the citation `id` in `list`, replacing `stored`.
    func putCitation(_ incoming: Node, id: String, stored: Document?, list: String) async throws -> Document {
        var bib: Node?
        if let mmsID = CitationRules.mmsID(in: incoming) {
            guard let found = try await tx.document(.bib, id: mmsID) else { throw CourseRules.notValid("mms_id", "\(mmsID) is not a bib") }
            bib = found.body
        }
        let citation = try CitationRules.prepare(incoming, id: id, isNew: stored == nil, bib: bib, codes: codes, stamp: stamp)
        let document = CourseDocuments.citation(citation, list: list)
        try await tx.put(document)
        return document
    }

    /// Applies `edit` to the stored citation and stores it.
    func editCitation(_ stored: Document, _ edit: (inout Node, CourseCodes) throws -> Void) async throws -> Document {
        var document = stored
        try edit(&document.body, codes)
        document.body.setChild(Node("last_modified_date", text: stamp.date))
        document.body = AlmaShapes.citation.normalized(document.body)
        try await tx.put(document)
        return document
    }
}

extension CourseWriter {
    /// Runs `body` in one write transaction of the call's tenant, at the tenant's time.
    static func write<T: Sendable>(_ call: Call, in store: any Store, _ body: @Sendable (CourseWriter) async throws -> T) async throws -> T {
        let now = try await store.now(for: call.tenant)
        return try await store.write(in: call.tenant) { tx in
            try await body(try await open(tx, institution: call.tenant.institution, now: now))
        }
    }
}
