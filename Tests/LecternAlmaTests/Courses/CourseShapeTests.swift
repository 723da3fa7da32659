import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// Courses against the recorded `GET /courses` (`alma_rb/courses.json`), read with
/// `JSONSerialization`-based `CanonicalJSON` and a key-order scan of the raw text, never with
/// Lectern's codecs: the same members with the same kinds of value, in the recorded order.
struct CourseShapeTests {
    static func recorded() throws -> (json: CanonicalJSON, text: String) {
        let bytes = try RecordedFile.bytes("alma_rb/courses.json")
        return (try CanonicalJSON(json: bytes), String(decoding: bytes, as: UTF8.self))
    }

    @Test func aDemoCourseHasTheRecordedMembersInTheRecordedOrder() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer = try await client.send(.get, "/almaws/v1/courses?limit=3&format=json", key: lectern.sandboxKey)
            try #require(answer.status == 200)
            let recorded = try Self.recorded()
            #expect(Kinds.missing(from: try CanonicalJSON(json: answer.body), recorded: recorded.json) == [])
            // Members a recorded course leaves out when empty, and the one only `view=full` adds.
            let documented: Set<String> = ["term", "searchable_id", "submit_by_date"]
            let recordedOrder = JSONKeyOrder.firstListItemKeys(recorded.text)
            let ourOrder = JSONKeyOrder.firstListItemKeys(answer.text)
            #expect(ourOrder.filter { !documented.contains($0) } == recordedOrder, "\(ourOrder)")
            #expect(Set(ourOrder).subtracting(recordedOrder).isSubset(of: documented))
        }
    }

    @Test func aBareCourseIsTheRecordedCourseWithoutADepartment() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let reserves = Reserves(lectern: lectern, client: client)
            let code = Reserves.code()
            _ = try await reserves.json(
                .post,
                "/almaws/v1/courses",
                json: #"{"code":"\#(code)","name":"CBE","section":"","status":"ACTIVE","start_date":"2020-01-20Z"}"#
            )
            let ours = try await reserves.json(.get, "/almaws/v1/courses?q=code~\(code)")
            let mine = try #require((ours["course"] as? [[String: Any]])?.first)
            let recorded = try #require(
                (try Recorded.json("alma_rb/courses.json")["course"] as? [[String: Any]])?.first { $0["id"] as? String == "2703156090006421" }
            )
            #expect(Set(mine.keys) == Set(recorded.keys))
            #expect(mine["academic_department"] as? [String: NSNull] == ["value": NSNull(), "desc": NSNull()])
            for key in ["instructor", "campus", "note"] { #expect((mine[key] as? [Any])?.isEmpty == true, "\(key)") }
            for key in ["section", "year", "rolled_from"] { #expect(mine[key] as? String == "", "\(key)") }
            for key in ["weekly_hours", "participants"] { #expect(mine[key] as? Int == 0, "\(key)") }
            #expect(mine["end_date"] == nil)
            let xml = try Wire.xml(try await client.send(.get, "/almaws/v1/courses?q=code~\(code)", key: reserves.key).body)
            #expect(xml.root == "courses")
            #expect(xml.paths.contains("courses/course/notes"))
            #expect(!xml.paths.contains("courses/course/terms"))
        }
    }
}

/// The keys of a JSON object in the order the text writes them.
enum JSONKeyOrder {
    /// The keys of the first object in the first array of the root object (`{"course":[{…}]}`).
    static func firstListItemKeys(_ text: String) -> [String] {
        var keys: [String] = []
        var depth = 0
        var inString = false
        var escaped = false
        var current = ""
        var lastString: String?
        for character in text {
            if inString {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                    lastString = current
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case "\"":
                inString = true
                current = ""
            case "{", "[":
                depth += 1
            case "}", "]":
                depth -= 1
                if depth == 2 { return keys }
            case ":":
                if depth == 3, let key = lastString { keys.append(key) }
            default:
                if !character.isWhitespace { lastString = nil }
            }
        }
        return keys
    }
}
