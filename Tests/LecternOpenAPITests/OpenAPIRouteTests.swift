import Foundation
import HTTPTypes
import LecternCore
import LecternHTTP
import LecternOpenAPI
import LecternTesting
import Testing

/// `GET /openapi` and `GET /openapi/{area}.json` over HTTP: public, outside the gateway, and
/// describing routes the running router really serves.
struct OpenAPIRouteTests {
    @Test func indexListsEveryAreaWithoutAKey() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer = try await client.send(.get, "/openapi", key: nil)
            #expect(answer.status == 200)
            #expect(answer.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(answer.headers[HTTPField.Name("X-Exl-Api-Remaining")!] == nil)
            let index = try #require(try JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any])
            let apis = try #require(index["apis"] as? [[String: String]])
            #expect(apis.map { $0["area"] } == ["users", "bibs", "conf", "courses", "analytics", "primo", "researchers", "assets"])
            #expect(apis.first?["title"] == "Users")
            #expect(apis.first?["url"] == "/openapi/users.json")
        }
    }

    @Test func areaDocumentIsServedWithoutAKey() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer = try await client.send(.get, "/openapi/users.json", key: nil)
            #expect(answer.status == 200)
            #expect(answer.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(answer.headers[.accessControlAllowOrigin] == "*")
            let document = try OpenAPIJSON(answer.body)
            #expect(document.root["openapi"] as? String == "3.0.3")
            // The router test client sends `localhost` as the authority.
            #expect((document.root["servers"] as? [[String: Any]])?.first?["url"] as? String == "http://localhost")
            #expect(document.operation("GET", "/almaws/v1/users") != nil)
            #expect(document.operation("GET", "/almaws/v1/bibs") == nil)
            let withKey = try await client.send(.get, "/openapi/conf.json", key: "not-a-key")
            #expect(withKey.status == 200)
        }
    }

    @Test(arguments: ["/openapi/nope.json", "/openapi/acq.json", "/openapi/users", "/openapi/users.yaml"])
    func unknownDocumentIs404JSON(_ path: String) async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer = try await client.send(.get, path, key: nil)
            #expect(answer.status == 404)
            #expect(answer.headers[.contentType]?.hasPrefix("application/json") == true)
            let body = try #require(try JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any])
            #expect((body["error"] as? String)?.isEmpty == false)
            #expect((body["areas"] as? [String])?.contains("users") == true)
        }
    }

    @Test func apiRoutesStillNeedAKey() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer = try await client.send(.get, "/almaws/v1/users", key: nil)
            #expect(answer.status == 500)
            #expect(try Wire.xml(answer.body).text("errorCode") == "GENERAL_ERROR")
        }
    }

    /// Each documented operation, called with placeholder path values and no body, reaches a
    /// handler: it may fail as a logical error, but never as the gateway's answer to an unknown
    /// route (UNAUTHORIZED).
    @Test func everyDocumentedOperationReachesAHandler() async throws {
        let lectern = try await TestLectern.make()
        let api = ServedAPI(lectern)
        let operations = api.catalog.areas.flatMap { api.catalog.operations(in: $0) }
        #expect(operations.count == api.routes.count)
        try await lectern.withClient { client in
            for operation in operations {
                var path = operation.path
                for parameter in operation.parameters where parameter.location == .path {
                    path = path.replacingOccurrences(of: "{\(parameter.name)}", with: "0")
                }
                let answer = try await client.send(HTTPRequest.Method(rawValue: operation.method.rawValue)!, path, key: lectern.sandboxKey)
                #expect([200, 204, 302, 400].contains(answer.status), "\(operation.method.rawValue) \(path): \(answer.status)")
                #expect(!answer.text.contains("UNAUTHORIZED"), "\(operation.method.rawValue) \(path) is not routed")
            }
        }
    }
}
