import LecternCore
import LecternPeople
import LecternStore

/// The objects a courses path names, each checked against the one above it: a reading list
/// must belong to the path's course, a citation to the path's reading list.
enum CourseLookup {
    static func course(_ call: Call, in reader: any StoreReader) async throws -> Document {
        let id = call.path["course_id"] ?? ""
        guard let course = try await reader.document(.course, id: id) else { throw APIError.courseNotFound(id) }
        return course
    }

    static func readingList(_ call: Call, in reader: any StoreReader) async throws -> (course: Document, list: Document) {
        let course = try await course(call, in: reader)
        let id = call.path["reading_list_id"] ?? ""
        guard let list = try await reader.document(.readingList, id: id), CourseDocuments.courses(of: list).contains(course.id) else {
            throw APIError.readingListNotFound(id)
        }
        return (course, list)
    }

    static func citation(_ call: Call, in reader: any StoreReader) async throws -> (course: Document, list: Document, citation: Document) {
        let (course, list) = try await readingList(call, in: reader)
        let id = call.path["citation_id"] ?? ""
        guard let citation = try await reader.document(.citation, id: id), citation.parent == list.id else {
            throw APIError.citationNotFound(id)
        }
        return (course, list, citation)
    }

    /// The users named by primary id (or another identifier), by the id as named; an unknown one is `refusal`.
    static func users(_ ids: [String], in reader: any StoreReader, refusal: (String) -> APIError) async throws -> [String: Document] {
        var found = try await reader.documents(.user, ids: ids)
        for id in ids where found[id] == nil {
            guard let user = try await reader.document(.user, key: id, type: nil) else { throw refusal(id) }
            found[id] = user
        }
        return found
    }

    /// Deletes the reading list `list` with its citations and owners.
    static func purge(_ list: Document, in tx: any StoreWriter) async throws {
        let citations = try await tx.find(DocumentQuery(kind: .citation, parent: list.id)).items
        let owners = try await tx.find(DocumentQuery(kind: .readingListOwner, parent: list.id)).items
        for citation in citations { try await tx.delete(.citation, id: citation.id) }
        for owner in owners { try await tx.delete(.readingListOwner, id: owner.id) }
        try await tx.delete(.readingList, id: list.id)
    }
}
