import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// The demo institution's course reserves as a client finds them, and another institution
/// finding none of them.
struct DemoCoursesTests {
    @Test func theDemoHasTwoTermsOfCoursesWithReadingLists() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let reserves = Reserves(lectern: lectern, client: client)
            var courses: [[String: Any]] = []
            var offset = 0
            while true {
                let page = try await reserves.json(.get, "/almaws/v1/courses?limit=100&offset=\(offset)")
                let items = (page["course"] as? [[String: Any]]) ?? []
                courses += items
                offset += 100
                if items.isEmpty || offset >= (page["total_record_count"] as? Int ?? 0) { break }
            }
            #expect(courses.count >= 150)
            let terms = Set(courses.compactMap { (($0["term"] as? [[String: Any]])?.first?["value"]) as? String })
            #expect(terms == ["FALL", "SPRING"])
            let departments = Set(courses.compactMap { ($0["academic_department"] as? [String: Any])?["value"] as? String })
            #expect(departments.count >= 10)
            #expect(courses.allSatisfy { !(($0["instructor"] as? [Any]) ?? []).isEmpty })

            // An instructor is a faculty member; students are enrolled; the list cites demo titles.
            let first = try #require(courses.first?["id"] as? String)
            let teacher = try #require(((courses.first?["instructor"] as? [[String: Any]])?.first?["primary_id"]) as? String)
            let user = try await reserves.json(.get, "/almaws/v1/users/\(teacher)")
            #expect((user["user_group"] as? [String: Any])?["value"] as? String == "FACULTY")
            #expect((try await reserves.json(.get, "/almaws/v1/courses/\(first)/users")["total_record_count"] as? Int ?? 0) >= 8)
            let full = try await reserves.json(.get, "/almaws/v1/courses/\(first)?view=full")
            let lists = try #require((full["reading_lists"] as? [String: Any])?["reading_list"] as? [[String: Any]])
            let citations = try #require((lists.first?["citations"] as? [String: Any])?["citation"] as? [[String: Any]])
            #expect(citations.count >= 3)
            let linked = citations.filter { ($0["metadata"] as? [String: Any])?["mms_id"] != nil }
            #expect(!linked.isEmpty)
            #expect(linked.allSatisfy { !(($0["holding_availability"] as? [Any]) ?? []).isEmpty })
            let mmsID = try #require((linked.first?["metadata"] as? [String: Any])?["mms_id"] as? String)
            #expect(try await client.send(.get, "/almaws/v1/bibs/\(mmsID)", key: reserves.key).status == 200)
        }
    }

    @Test func anotherInstitutionSeesNoCourses() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let reserves = Reserves(lectern: lectern, client: client)
            let code = Reserves.code("SECRET")
            let course = try await reserves.course(code: code)
            let list = try await reserves.readingList(course)
            let elsewhere: [String] = [
                "/almaws/v1/courses/\(course)", "/almaws/v1/courses/\(course)/reading-lists/\(list)", "/almaws/v1/courses/\(course)/users",
            ]
            for path in elsewhere {
                let answer = try await client.send(.get, path + "?format=json", key: lectern.otherKey)
                #expect(Reserves.errorCode(answer) == "401914", "\(path)")
            }
            for query in ["q=code~\(code)", "q=code~\(code)&exact_search=true", "q=ALL~SECRET*"] {
                let answer = try await client.send(.get, "/almaws/v1/courses?\(query)&format=json", key: lectern.otherKey)
                #expect(answer.status == 200)
                #expect(try Wire.json(answer.body)["total_record_count"] as? Int == 0, "\(query)")
            }
            let write = try await client.send(
                .post,
                "/almaws/v1/courses/\(course)?op=enroll_user&user_ids=x&format=json",
                key: lectern.otherKey
            )
            #expect(Reserves.errorCode(write) == "401914")
        }
    }
}
