import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// Every courses write in XML, as an XML client sends it, read back in XML (with Foundation's
/// parser, not Lectern's codec).
struct CoursesXMLTests {
    func send(_ client: LecternClient, _ key: String, _ method: HTTPRequest.Method, _ path: String, _ body: String) async throws -> XMLSummary {
        let answer = try await client.send(method, path, key: key, headers: Catalog.xmlBody, body: body)
        try #require(answer.status == 200, "\(method) \(path): \(answer.text)")
        return try Wire.xml(answer.body)
    }

    @Test func everyWriteTakesXML() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let reserves = Reserves(lectern: lectern, client: client)
            let key = reserves.key
            let teacher = try await reserves.instructor()
            let code = Reserves.code("XML")
            let course = try await send(
                client,
                key,
                .post,
                "/almaws/v1/courses",
                "<course><code>\(code)</code><name>N</name><status>ACTIVE</status></course>"
            )
            let id = try #require(course.text("id"))
            let replaced = try await send(
                client,
                key,
                .put,
                "/almaws/v1/courses/\(id)",
                """
                <course><code>\(code)</code><name>Renamed</name><status>ACTIVE</status>\
                <instructors><instructor><primary_id>\(teacher.id)</primary_id></instructor></instructors>\
                <searchable_ids><searchable_id>SID-1</searchable_id></searchable_ids></course>
                """
            )
            #expect(replaced.text("name") == "Renamed")
            #expect(replaced.text("last_name") == teacher.last)
            #expect(replaced.text("searchable_id") == "SID-1")

            let list = try await send(
                client,
                key,
                .post,
                "/almaws/v1/courses/\(id)/reading-lists",
                #"<reading_list><code>\#(code)-RL</code><name>Week 1</name><status>Complete</status></reading_list>"#
            )
            #expect(list.root == "reading_list")
            #expect(list.attributes["status"]?.first?["desc"] == "Complete")
            let listID = try #require(list.text("id"))
            let lists = "/almaws/v1/courses/\(id)/reading-lists/\(listID)"
            let renamed = try await send(
                client,
                key,
                .put,
                lists,
                #"<reading_list><code>\#(code)-RL</code><name>Week one</name><publishingStatus>PUBLISHED</publishingStatus></reading_list>"#
            )
            #expect(renamed.text("name") == "Week one")
            #expect(renamed.text("publishingStatus") == "PUBLISHED")

            let owner = try await send(client, key, .post, "\(lists)/owners", "<owner><primary_id>\(teacher.id)</primary_id></owner>")
            #expect(owner.root == "owner")
            #expect(owner.text("access_rights") == "FULL")

            let citation = try await send(
                client,
                key,
                .post,
                "\(lists)/citations",
                """
                <citation><status>Complete</status><secondary_type>BK_C</secondary_type>\
                <metadata><title>A book</title><chapter_title>Chapter 2</chapter_title></metadata>\
                <citation_tags><citation_tag><value>ESSENTIAL</value></citation_tag></citation_tags></citation>
                """
            )
            #expect(citation.root == "citation")
            #expect(citation.text("chapter_title") == "Chapter 2")
            #expect(citation.attributes["secondary_type"]?.first?["desc"] == "Book Chapter")
            let citationID = try #require(citation.text("id"))
            let tags = try await send(
                client,
                key,
                .put,
                "\(lists)/citations/\(citationID)/tags",
                "<citation_tags><citation_tag><value>OPTIONAL</value><type>PRIVATE</type></citation_tag></citation_tags>"
            )
            #expect(tags.root == "citation_tags")
            #expect(tags.texts["value"] == ["OPTIONAL"])
            #expect(tags.texts["type"] == ["PRIVATE"])
            let updated = try await send(
                client,
                key,
                .put,
                "\(lists)/citations/\(citationID)",
                "<citation><status>InProcess</status><metadata><title>A book, 2nd ed.</title></metadata></citation>"
            )
            #expect(updated.text("title") == "A book, 2nd ed.")
            #expect(updated.text("status") == "InProcess")
            let users = try Wire.xml(try await client.send(.get, "/almaws/v1/courses/\(id)/users", key: key).body)
            #expect(users.root == "users")
            #expect(users.rootAttributes["total_record_count"] == "0")
        }
    }
}
