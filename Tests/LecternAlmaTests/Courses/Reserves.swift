import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// Course reserves over HTTP, the way a learning management system or a syllabus script drives
/// them: courses with instructors, reading lists, citations of catalogue titles.
struct Reserves {
    let lectern: TestLectern
    let client: LecternClient
    var key: String { lectern.sandboxKey }
    var catalog: Catalog { Catalog(client: client, key: key) }

    /// A unique course code.
    static func code(_ prefix: String = "T") -> String {
        "\(prefix)\(UUID().uuidString.prefix(8))"
    }

    /// A course as a client posts it, with `extra` JSON members after the required ones.
    static func courseJSON(code: String, section: String = "01", name: String = "Test course", extra: String = "") -> String {
        #"{"code":"\#(code)","section":"\#(section)","name":"\#(name)","status":"ACTIVE","processing_department":{"value":"COURSE_UNIT"}\#(extra.isEmpty ? "" : "," + extra)}"#
    }

    /// Sends `body` as JSON and answers the answer.
    func send(_ method: HTTPRequest.Method, _ path: String, json body: String? = nil) async throws -> Answer {
        try await client.send(
            method,
            path + (path.contains("?") ? "&" : "?") + "format=json",
            key: key,
            headers: body == nil ? Catalog.json : Catalog.jsonBody,
            body: body
        )
    }

    /// Sends and answers the JSON object of a 200.
    func json(_ method: HTTPRequest.Method, _ path: String, json body: String? = nil) async throws -> [String: Any] {
        let answer = try await send(method, path, json: body)
        try #require(answer.status == 200, "\(method) \(path): \(answer.text)")
        return try Wire.json(answer.body)
    }

    /// Creates a course and answers its id.
    func course(code: String = Reserves.code(), section: String = "01", name: String = "Test course", extra: String = "") async throws -> String {
        let course = try await json(.post, "/almaws/v1/courses", json: Self.courseJSON(code: code, section: section, name: name, extra: extra))
        return try #require(course["id"] as? String)
    }

    /// Creates a reading list of `course` and answers its id.
    func readingList(_ course: String, code: String = Reserves.code("RL"), extra: String = "") async throws -> String {
        let body = #"{"code":"\#(code)","name":"Readings \#(code)"\#(extra.isEmpty ? "" : "," + extra)}"#
        let list = try await json(.post, "/almaws/v1/courses/\(course)/reading-lists", json: body)
        return try #require(list["id"] as? String)
    }

    /// A new bib without holdings, titled `title`.
    func bib(title: String = "Introduction to algorithms /") async throws -> String {
        try await catalog.createBib(Samples.bib(title: title, systemNumber: "(CRS)\(UUID().uuidString)"))
    }

    /// A citation of the bib `mmsID`, as Alma's cloud apps post one.
    static func citationOf(_ mmsID: String) -> String {
        #"{"status":{"value":"Complete"},"copyrights_status":{"value":"NOTREQUIRED"},"type":{"value":"BK"},"metadata":{"mms_id":"\#(mmsID)"}}"#
    }

    /// A faculty member of the demo institution.
    func instructor() async throws -> (id: String, first: String, last: String) {
        let users = try await json(.get, "/almaws/v1/users?q=job_category~Professor&limit=1")
        let user = try #require((users["user"] as? [[String: Any]])?.first)
        return (try #require(user["primary_id"] as? String), user["first_name"] as? String ?? "", user["last_name"] as? String ?? "")
    }

    /// The error code of a refusal.
    static func errorCode(_ answer: Answer) -> String? {
        Counter.errorCode(answer)
    }
}
