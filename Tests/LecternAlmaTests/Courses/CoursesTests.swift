import Foundation
import HTTPTypes
import LecternCore
import LecternPeople
import LecternSQLite
import LecternStore
import LecternTesting
import Testing

/// Courses over HTTP: create, read back in JSON and XML, update (swap all), search and page,
/// enrol users, associate reading lists, delete; and the documented refusals with nothing written.
struct CoursesTests {
    @Test func aCourseIsCreatedReadAndReplaced() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let reserves = Reserves(lectern: lectern, client: client)
            let teacher = try await reserves.instructor()
            let code = Reserves.code("HIST")
            let extra = """
                "academic_department":{"value":"HIST"},"term":[{"value":"SPRING"}],\
                "start_date":"2026-09-01","end_date":"2026-12-20Z","weekly_hours":4,"participants":30,"year":"2026",\
                "instructor":[{"primary_id":"\(teacher.id)"}],"campus":[{"campus_code":{"value":"NORTH"},"campus_participants":12}],\
                "searchable_id":["\(code)-X","\(code)-Y"],"note":[{"content":"Room 101"}]
                """
            let created = try await reserves.json(
                .post,
                "/almaws/v1/courses",
                json: Reserves.courseJSON(code: code, name: "Medieval Europe", extra: extra)
            )
            let id = try #require(created["id"] as? String)
            #expect(Catalog.isCatalogID(id, prefix: "27"))
            let course = try await reserves.json(.get, "/almaws/v1/courses/\(id)")
            #expect(course["code"] as? String == code)
            #expect(course["name"] as? String == "Medieval Europe")
            #expect(course["section"] as? String == "01")
            #expect(course["status"] as? String == "ACTIVE")
            #expect(course["academic_department"] as? [String: String] == ["value": "HIST", "desc": "History"])
            #expect(course["processing_department"] as? [String: String] == ["value": "COURSE_UNIT", "desc": "Course Unit"])
            #expect(course["term"] as? [[String: String]] == [["value": "SPRING", "desc": "Spring"]])
            #expect(course["start_date"] as? String == "2026-09-01Z")
            #expect(course["end_date"] as? String == "2026-12-20Z")
            #expect(course["weekly_hours"] as? Int == 4)
            #expect(course["participants"] as? Int == 30)
            #expect(course["year"] as? String == "2026")
            let instructors = try #require(course["instructor"] as? [[String: String]])
            #expect(instructors == [["primary_id": teacher.id, "first_name": teacher.first, "last_name": teacher.last]])
            let campus = try #require((course["campus"] as? [[String: Any]])?.first)
            #expect(campus["campus_code"] as? [String: String] == ["value": "NORTH", "desc": "North Campus"])
            #expect(campus["campus_participants"] as? Int == 12)
            #expect(course["searchable_id"] as? [String] == ["\(code)-X", "\(code)-Y"])
            #expect((course["note"] as? [[String: Any]])?.first?["content"] as? String == "Room 101")
            #expect(course["created_by"] as? String == "API")
            #expect((course["link"] as? String)?.hasSuffix("/almaws/v1/courses/\(id)") == true)

            let xml = try Wire.xml(try await client.send(.get, "/almaws/v1/courses/\(id)", key: reserves.key).body)
            #expect(xml.root == "course")
            #expect(xml.rootAttributes["link"]?.hasSuffix("/almaws/v1/courses/\(id)") == true)
            #expect(xml.paths.contains("course/instructors/instructor/primary_id"))
            #expect(xml.paths.contains("course/terms/term"))
            #expect(xml.attributes["academic_department"]?.first?["desc"] == "History")

            // Swap all: what the PUT leaves out is gone; the code cannot change.
            let put = try await reserves.json(
                .put,
                "/almaws/v1/courses/\(id)",
                json: Reserves.courseJSON(code: code, name: "Medieval Europe II", extra: #""status":"INACTIVE""#)
            )
            #expect(put["name"] as? String == "Medieval Europe II")
            #expect(put["status"] as? String == "INACTIVE")
            #expect((put["instructor"] as? [Any])?.isEmpty == true)
            #expect(put["created_by"] as? String == "API")
            let renamed = try await reserves.send(.put, "/almaws/v1/courses/\(id)", json: Reserves.courseJSON(code: code + "Z"))
            #expect(Reserves.errorCode(renamed) == "401918")

            #expect(try await reserves.send(.delete, "/almaws/v1/courses/\(id)").status == 204)
            #expect(Reserves.errorCode(try await reserves.send(.get, "/almaws/v1/courses/\(id)")) == "401914")
        }
    }

    /// A database made before the course code tables were standard reads them as standard.
    @Test func anInstitutionWithoutTheCourseCodeTablesGetsTheStandardOnes() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.store.write(in: Tenant(institution: "DEMO", environment: .sandbox)) { tx in
            for table in ["CourseTerms", "AcademicDepartments", "CourseProcessingDepartments"] { try await tx.delete(.codeTable, id: table) }
        }
        try await lectern.withClient { client in
            let reserves = Reserves(lectern: lectern, client: client)
            let course = try await reserves.json(
                .post,
                "/almaws/v1/courses",
                json: #"{"code":"\#(Reserves.code())","name":"N","status":"ACTIVE","term":[{"value":"FALL"}],"academic_department":{"value":"LAW"}}"#
            )
            #expect(course["term"] as? [[String: String]] == [["value": "FALL", "desc": "Fall"]])
            #expect(course["processing_department"] as? [String: String] == ["value": "COURSE_UNIT", "desc": "Course Unit"])
            #expect(course["academic_department"] as? [String: String] == ["value": "LAW", "desc": "Law"])
        }
    }

    @Test func coursesAreCreatedInXMLToo() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let code = Reserves.code("X")
            let body = """
                <course><code>\(code)</code><name>Über XML</name><section>A</section><status>ACTIVE</status>\
                <terms><term>WINTER</term></terms><instructors/><notes><note><content>x &amp; y</content></note></notes></course>
                """
            let answer = try await client.send(.post, "/almaws/v1/courses", key: lectern.sandboxKey, headers: Catalog.xmlBody, body: body)
            #expect(answer.status == 200, "\(answer.text)")
            let xml = try Wire.xml(answer.body)
            #expect(xml.text("name") == "Über XML")
            #expect(xml.text("term") == "WINTER")
            #expect(xml.attributes["term"]?.first?["desc"] == "Winter")
            #expect(xml.text("content") == "x & y")
            #expect(xml.text("processing_department") == "COURSE_UNIT")
        }
    }

    @Test func refusalsHaveTheDocumentedCodesAndWriteNothing() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let reserves = Reserves(lectern: lectern, client: client)
            let before = try await reserves.json(.get, "/almaws/v1/courses?limit=0")["total_record_count"] as? Int
            let code = Reserves.code()
            let cases: [(String, String)] = [
                (#"{"id":"123","code":"\#(code)","name":"N","status":"ACTIVE"}"#, "401908"),
                (#"{"code":"\#(code)","status":"ACTIVE"}"#, "401909"),
                (#"{"name":"N","status":"ACTIVE"}"#, "401909"),
                (#"{"code":"\#(code)","name":"N"}"#, "401922"),
                (#"{"code":"\#(code)","name":"N","status":"OPEN"}"#, "401666"),
                (Reserves.courseJSON(code: code, extra: #""processing_department":{"value":"NOPE"}"#), "401626"),
                (Reserves.courseJSON(code: code, extra: #""academic_department":{"value":"ASTROLOGY"}"#), "401666"),
                (Reserves.courseJSON(code: code, extra: #""term":[{"value":"MONSOON"}]"#), "401666"),
                (Reserves.courseJSON(code: code, extra: #""start_date":"2026-02-30""#), "401666"),
                (Reserves.courseJSON(code: code, extra: #""weekly_hours":"many""#), "401666"),
                (Reserves.courseJSON(code: code, extra: #""participants":-3"#), "401666"),
                (Reserves.courseJSON(code: code, extra: #""instructor":[{"primary_id":"no-such-user"}]"#), "401666"),
                (Reserves.courseJSON(code: String(repeating: "C", count: 51)), "401666"),
            ]
            for (body, expected) in cases {
                let answer = try await reserves.send(.post, "/almaws/v1/courses", json: body)
                #expect(answer.status == 400, "\(body)")
                #expect(Reserves.errorCode(answer) == expected, "\(body): \(answer.text)")
            }
            // Code and section are unique together.
            let first = try await reserves.course(code: code, section: "01")
            _ = try await reserves.course(code: code, section: "02")
            let twin = try await reserves.send(.post, "/almaws/v1/courses", json: Reserves.courseJSON(code: code, section: "01"))
            #expect(Reserves.errorCode(twin) == "401006")
            let moved = try await reserves.send(.put, "/almaws/v1/courses/\(first)", json: Reserves.courseJSON(code: code, section: "02"))
            #expect(Reserves.errorCode(moved) == "401006")
            let after = try await reserves.json(.get, "/almaws/v1/courses?limit=0")["total_record_count"] as? Int
            #expect(after == (before ?? 0) + 2)
            #expect(Reserves.errorCode(try await reserves.send(.get, "/almaws/v1/courses/27999")) == "401914")
            #expect(Reserves.errorCode(try await reserves.send(.put, "/almaws/v1/courses/27999", json: Reserves.courseJSON(code: code))) == "401914")
        }
    }

    @Test func briefSearchStatusOrderAndPaging() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let reserves = Reserves(lectern: lectern, client: client)
            let stem = "Q\(UUID().uuidString.prefix(6))"
            for (index, name) in ["Zoology of Islands", "Astronomy Now", "Marine Zoology"].enumerated() {
                _ = try await reserves.course(
                    code: "\(stem)_\(index)",
                    section: "S\(index)",
                    name: name,
                    extra:
                        #""status":"\#(index == 1 ? "INACTIVE" : "ACTIVE")","searchable_id":["\#(stem)-SID\#(index)"],"participants":\#(10 - index)"#
                )
            }
            func codes(_ query: String) async throws -> [String] {
                let page = try await reserves.json(.get, "/almaws/v1/courses?\(query)")
                return ((page["course"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }
            }
            #expect(try await codes("q=code~\(stem)") == ["\(stem)_0", "\(stem)_1", "\(stem)_2"])
            #expect(try await codes("q=code~\(stem)&status=INACTIVE") == ["\(stem)_1"])
            #expect(try await codes("q=code~\(stem)%20AND%20name~zoology") == ["\(stem)_0", "\(stem)_2"])
            #expect(try await codes("q=code~\(stem)%20AND%20name~zoo*&order_by=participants&direction=ASC") == ["\(stem)_2", "\(stem)_0"])
            #expect(try await codes("q=code~\(stem)&order_by=name&direction=DESC") == ["\(stem)_0", "\(stem)_2", "\(stem)_1"])
            #expect(try await codes("q=searchable_ids~\(stem)-SID1") == ["\(stem)_1"])
            #expect(try await codes("q=code~\(stem)&limit=2&offset=1") == ["\(stem)_1", "\(stem)_2"])
            let page = try await reserves.json(.get, "/almaws/v1/courses?q=code~\(stem)&limit=1")
            #expect(page["total_record_count"] as? Int == 3)
            // exact_search: the whole code, not its words.
            #expect(try await codes("q=code~\(stem)_1&exact_search=true") == ["\(stem)_1"])
            #expect(try await codes("q=code~\(stem)&exact_search=true") == [])
            #expect(try await codes("q=code~\(stem)_1%20AND%20section~S1&exact_search=true") == ["\(stem)_1"])
            #expect(try await codes("q=code~\(stem)_1%20AND%20code~\(stem)_2&exact_search=true") == [])
            #expect(try await codes("q=code~\(stem)_2%20and%20section~S2&exact_search=true") == ["\(stem)_2"])
            let either = try await reserves.send(.get, "/almaws/v1/courses?q=code~\(stem)_2%20or%20code~\(stem)_1&exact_search=true")
            #expect(Reserves.errorCode(either) == "402119")
            // The demo's two terms of courses, across departments.
            let demo = try await reserves.json(.get, "/almaws/v1/courses?q=academic_department~Biology&limit=100")
            #expect((demo["total_record_count"] as? Int ?? 0) >= 14)
            let all = try await reserves.json(.get, "/almaws/v1/courses?limit=0")
            #expect((all["total_record_count"] as? Int ?? 0) >= 150)
            #expect(all["course"] == nil)
            let refused = [
                ("q=nofield~x", "402119"), ("q=code~", "402119"), ("status=GONE", "402119"), ("order_by=colour", "401666"),
                ("direction=UP", "402119"), ("limit=101", "402119"), ("limit=-1", "402119"), ("exact_search=maybe", "402119"),
            ]
            for (bad, code) in refused {
                let answer = try await reserves.send(.get, "/almaws/v1/courses?\(bad)")
                #expect(answer.status == 400, "\(bad)")
                #expect(Reserves.errorCode(answer) == code, "\(bad): \(answer.text)")
            }
        }
    }

    @Test func enrolmentAndAssociatedReadingLists() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let reserves = Reserves(lectern: lectern, client: client)
            let counter = Counter(lectern: lectern, client: client)
            let (a, b) = (try await counter.borrower(), try await counter.borrower())
            let course = try await reserves.course()
            _ = try await reserves.json(.post, "/almaws/v1/courses/\(course)?op=enroll_user&user_ids=\(a),\(b)")
            var users = try await reserves.json(.get, "/almaws/v1/courses/\(course)/users")
            #expect(Set(((users["user"] as? [[String: Any]]) ?? []).compactMap { $0["primary_id"] as? String }) == [a, b])
            #expect(users["total_record_count"] as? Int == 2)
            #expect(try await reserves.send(.delete, "/almaws/v1/courses/\(course)/users/\(a)").status == 204)
            _ = try await reserves.json(.post, "/almaws/v1/courses/\(course)?op=unenroll_user&user_ids=\(b)")
            users = try await reserves.json(.get, "/almaws/v1/courses/\(course)/users")
            #expect(users["total_record_count"] as? Int == 0)
            let unknown = try await reserves.send(.post, "/almaws/v1/courses/\(course)?op=enroll_user&user_ids=\(a),nobody-here")
            #expect(Reserves.errorCode(unknown) == "401666")
            #expect(try await reserves.json(.get, "/almaws/v1/courses/\(course)/users")["total_record_count"] as? Int == 0)
            #expect(Reserves.errorCode(try await reserves.send(.post, "/almaws/v1/courses/\(course)?op=enroll_user")) == "401666")
            #expect(Reserves.errorCode(try await reserves.send(.post, "/almaws/v1/courses/\(course)?op=fly&user_ids=\(a)")) == "401666")

            // A list shared by two courses outlives the deletion of one of them.
            let other = try await reserves.course()
            let shared = try await reserves.readingList(course)
            let own = try await reserves.readingList(course)
            _ = try await reserves.json(.post, "/almaws/v1/courses/\(other)?op=associate_to_reading_lists&list_ids=\(shared)")
            #expect(try await reserves.send(.get, "/almaws/v1/courses/\(other)/reading-lists/\(shared)").status == 200)
            #expect(Reserves.errorCode(try await reserves.send(.get, "/almaws/v1/courses/\(other)/reading-lists/\(own)")) == "401915")
            #expect(try await reserves.send(.delete, "/almaws/v1/courses/\(course)").status == 204)
            #expect(try await reserves.send(.get, "/almaws/v1/courses/\(other)/reading-lists/\(shared)").status == 200)
            let gone = try await reserves.send(.post, "/almaws/v1/courses/\(other)?op=associate_to_reading_lists&list_ids=\(own)")
            #expect(Reserves.errorCode(gone) == "401915")
            #expect(try await reserves.send(.delete, "/almaws/v1/courses/\(other)/lists/\(shared)").status == 204)
            let lists = try await reserves.json(.get, "/almaws/v1/courses/\(other)/reading-lists")
            #expect(lists["total_record_count"] as? Int == 0)
            #expect(Reserves.errorCode(try await reserves.send(.delete, "/almaws/v1/courses/\(other)/lists/\(shared)")) == "401915")
        }
    }
}
