import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// Garbage at every courses input: each is refused with a documented code, nothing is written,
/// and the server answers the next call.
struct HostileCoursesTests {
    static let longText = String(repeating: "9", count: 20_000)

    @Test func garbageParametersAndBodiesAreRefusedAndWriteNothing() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let reserves = Reserves(lectern: lectern, client: client)
            let code = Reserves.code()
            let course = try await reserves.course(code: code)
            let list = try await reserves.readingList(course)
            let citations = "/almaws/v1/courses/\(course)/reading-lists/\(list)/citations"
            let citation = try #require(
                try await reserves.json(.post, citations, json: Reserves.citationOf(try await reserves.bib()))["id"] as? String
            )
            let total = try await reserves.json(.get, "/almaws/v1/courses?limit=0")["total_record_count"] as? Int
            let manyTerms = (0..<40).map { "name~w\($0)" }.joined(separator: "%20AND%20")
            let nested = String(repeating: "[", count: 5_000)
            let cases: [(HTTPRequest.Method, String, String?, Set<String>)] = [
                (.get, "/almaws/v1/courses?q=\(Self.longText)", nil, ["401666"]),
                (.get, "/almaws/v1/courses?q=\(manyTerms)", nil, ["402119"]),
                (.get, "/almaws/v1/courses?q=\(manyTerms)&exact_search=true", nil, ["402119"]),
                (.get, "/almaws/v1/courses?q=code~a%20OR%20code~b&exact_search=true", nil, ["402119"]),
                (.get, "/almaws/v1/courses?q=name~x%00", nil, ["401666"]),
                (.get, "/almaws/v1/courses?order_by=\(String(repeating: "name,", count: 50))", nil, ["401666"]),
                (.get, "/almaws/v1/courses/\(Self.longText)", nil, ["401666"]),
                (.post, "/almaws/v1/courses", nested, ["401676"]),
                (.post, "/almaws/v1/courses", #"{"code":"\#(Reserves.code())","name":"N"#, ["401676"]),
                (.post, "/almaws/v1/courses", #"{"code":["A"],"name":"N","status":"ACTIVE"}"#, ["401676"]),
                (.post, "/almaws/v1/courses", #"{"code":"\#(Reserves.code())","name":"N\u0000","status":"ACTIVE"}"#, ["401676"]),
                (.post, "/almaws/v1/courses", #"{"code":"\#(Reserves.code())","name":"\#(Self.longText)","status":"ACTIVE"}"#, ["401666"]),
                (.post, "/almaws/v1/courses", #"{"code":"\#(Reserves.code())","name":"N","status":"ACTIVE","weekly_hours":1e400}"#, ["401666"]),
                (.post, "/almaws/v1/courses", #"{"code":"\#(Reserves.code())","name":"N","status":"ACTIVE","participants":99999999999}"#, ["401666"]),
                (.post, "/almaws/v1/courses/\(course)?op=enroll_user&user_ids=\(Self.longText)", nil, ["401666"]),
                (.post, "/almaws/v1/courses/\(course)?op=enroll_user&user_ids=\(String(repeating: "a,", count: 1_500))", nil, ["401666"]),
                (.post, "/almaws/v1/courses/\(course)?op=associate_to_reading_lists&list_ids=x%00", nil, ["401666"]),
                (.post, "/almaws/v1/courses/\(course)/reading-lists", #"{"code":"X","name":"N","due_back_date":"2027-13-01"}"#, ["401666"]),
                (.post, "/almaws/v1/courses/\(course)/reading-lists", #"{"code":"X","name":"N","order":"1; DROP TABLE"}"#, ["401666"]),
                (.post, citations, #"{"status":{"value":"Complete"},"metadata":{"mms_id":"\#(Self.longText)"}}"#, ["401666"]),
                (.post, citations, #"{"status":{"value":"Complete"},"metadata":"title"}"#, ["401676"]),
                (
                    .post, citations, #"{"status":{"value":"Complete"},"metadata":{"title":"T"},"citation_tags":{"citation_tag":"x"}}"#,
                    ["401676"]
                ),
                (.put, "\(citations)/\(citation)/tags", nested, ["401676"]),
                (
                    .put, "\(citations)/\(citation)/tags", #"{"citation_tag":[{"value":{"value":"ESSENTIAL"},"type":{"value":"SHOUTED"}}]}"#,
                    ["401666"]
                ),
                (.delete, "\(citations)/\(Self.longText)", nil, ["401666"]),
            ]
            for (method, path, body, codes) in cases {
                let answer = try await reserves.send(method, path, json: body)
                #expect(answer.status == 400, "\(method) \(path.prefix(120)): \(answer.status) \(answer.text.prefix(300))")
                #expect(codes.contains(Reserves.errorCode(answer) ?? ""), "\(method) \(path.prefix(120)): \(answer.text.prefix(300))")
            }
            // An injection attempt is words to search for, and finds nothing.
            let injected = try await reserves.json(.get, "/almaws/v1/courses?q=name~%22)%20OR%201=1--")
            #expect(injected["total_record_count"] as? Int == 0)
            // Nothing changed.
            #expect(try await reserves.json(.get, "/almaws/v1/courses?limit=0")["total_record_count"] as? Int == total)
            #expect(try await reserves.json(.get, "/almaws/v1/courses/\(course)/users")["total_record_count"] as? Int == 0)
            #expect(try await reserves.json(.get, "/almaws/v1/courses/\(course)/reading-lists")["total_record_count"] as? Int == 1)
            #expect(try await reserves.json(.get, citations)["total_record_count"] as? Int == 1)
            let tags = try await reserves.json(.get, "\(citations)/\(citation)/tags")
            #expect((tags["citation_tag"] as? [Any])?.isEmpty == true)
        }
    }
}
