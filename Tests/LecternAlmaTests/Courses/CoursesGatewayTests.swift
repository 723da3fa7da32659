import Foundation
import HTTPTypes
import LecternAlma
import LecternCore
import LecternTesting
import Testing

/// Courses behind the gateway: their own key permission, read-only or read/write, and Alma's
/// daily threshold.
struct CoursesGatewayTests {
    @Test func coursesNeedTheCoursesPermission() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let usersOnly = try await lectern.key(permissions: [.users: .readWrite])
            let readOnly = try await lectern.key(permissions: [.courses: .readOnly])
            let readWrite = try await lectern.key(permissions: [.courses: .readWrite])
            let refused = try await client.send(.get, "/almaws/v1/courses", key: usersOnly)
            #expect(refused.status == 400)
            #expect(try Wire.xml(refused.body).text("errorCode") == "UNAUTHORIZED")
            #expect(try await client.send(.get, "/almaws/v1/courses", key: readOnly).status == 200)
            let body = Reserves.courseJSON(code: Reserves.code())
            let write = try await client.send(.post, "/almaws/v1/courses", key: readOnly, headers: Catalog.jsonBody, body: body)
            #expect(write.status == 403)
            #expect(try Wire.xml(write.body).text("errorCode") == "UNAUTHORIZED")
            #expect(try await client.send(.post, "/almaws/v1/courses", key: readWrite, headers: Catalog.jsonBody, body: body).status == 200)
            #expect(try await client.send(.get, "/almaws/v1/courses/test", key: readOnly).status == 200)
        }
    }

    @Test func coursesCountAgainstAlmasDailyThreshold() async throws {
        let lectern = try await TestLectern.make(namedUsers: 0)
        try await lectern.withClient { client in
            let answer = try await client.send(.get, "/almaws/v1/courses", key: lectern.sandboxKey)
            #expect(answer.status == 429)
            #expect(try Wire.xml(answer.body).text("errorCode") == "DAILY_THRESHOLD")
        }
    }
}
