import Foundation
import HTTPTypes
import LecternAlma
import LecternCore
import LecternEsploro
import LecternRepresentation
import LecternTesting
import Synchronization
import Testing

/// What a route declares is checked by the router before its handler runs, and the handler gets
/// typed values: made-up areas and routes, served behind the real gateway.
struct DeclaredParameterTests {
    /// How often the probe's handler ran.
    final class Calls: Sendable {
        let count = Mutex(0)
    }

    static let paging = Paging(default: 10, maximum: 100)
    static let mode = RouteParameter("mode", "A closed list", default: "quick", allowed: ["quick", "slow"]).checked()
    static let loose = RouteParameter.flag("loose", "A flag the handler reads leniently", default: false)

    /// The first error message of an error body in JSON.
    static func errorMessage(_ answer: Answer) -> String? {
        let body = try? Wire.json(answer.body)
        let errors = (body?["errorList"] as? [String: Any])?["error"] as? [[String: Any]]
        return errors?.first?["errorMessage"] as? String
    }

    static func areas(_ calls: Calls) -> [APIArea] {
        let probe = Route(.get, "/almaws/v1/users/probe") { call in
            calls.count.withLock { $0 += 1 }
            let (limit, offset) = call.page(Self.paging)
            let text = "\(limit) \(offset) \(call.text(Self.mode) ?? "") \(call.text(Self.loose) ?? "") \(call.headers["exl-user-pw"] ?? "-")"
            return .object(Node("probe", text: text), .text)
        }
        .documented(
            "Probe",
            query: Self.paging.parameters + [Self.mode, Self.loose, .format],
            headers: [.init("Exl-User-Pw", "A password")]
        )
        let jsonOnly = AreaDescriptor(
            .assets,
            title: "JSON only",
            product: .esploro,
            pathPrefixes: ["/esploro/v1/assets"],
            formats: [.json],
            errors: .json,
            formatRefusal: APIError(.generalError, "JSON only."),
            testPaths: ["/esploro/v1/assets/test"]
        )
        let listed = Route(.get, "/esploro/v1/assets") { _ in
            calls.count.withLock { $0 += 1 }
            return .object(Node("empty", text: ""), .object([]))
        }
        return [
            APIArea(AreaDescriptor(.users, title: "Users", product: .alma, pathPrefixes: ["/almaws/v1/users"]), routes: [probe]),
            APIArea(jsonOnly, routes: [listed]),
        ]
    }

    @Test func declaredValuesReachTheHandlerTyped() async throws {
        let lectern = try await TestLectern.make()
        let calls = Calls()
        try await lectern.withClient(areas: Self.areas(calls)) { client in
            let defaults = try await client.send(.get, "/almaws/v1/users/probe", key: lectern.sandboxKey)
            #expect(try Wire.xml(defaults.body).text("probe") == "10 0 quick false -")
            let given = try await client.send(
                .get,
                "/almaws/v1/users/probe?limit=100&offset=7&mode=slow&loose=whatever",
                key: lectern.sandboxKey,
                headers: [.init("Exl-User-Pw")!: "secret", .init("X-Other")!: "x"]
            )
            #expect(try Wire.xml(given.body).text("probe") == "100 7 slow whatever secret")
            let empty = try await client.send(.get, "/almaws/v1/users/probe?limit=&mode=", key: lectern.sandboxKey)
            #expect(try Wire.xml(empty.body).text("probe") == "10 0 quick false -")
        }
        #expect(calls.count.withLock { $0 } == 3)
    }

    @Test(arguments: ["limit=101", "limit=-1", "limit=ten", "offset=-5", "offset=2147483648", "mode=QUICK", "mode=fast"])
    func aBadValueIsRefusedBeforeTheHandler(query: String) async throws {
        let lectern = try await TestLectern.make()
        let calls = Calls()
        try await lectern.withClient(areas: Self.areas(calls)) { client in
            let answer = try await client.send(.get, "/almaws/v1/users/probe?\(query)&format=json", key: lectern.sandboxKey)
            #expect(answer.status == 400)
            let parts = query.split(separator: "=", maxSplits: 1).map(String.init)
            #expect(try Wire.jsonErrorCodes(answer.body) == ["401652"])
            #expect(Self.errorMessage(answer) == "Illegal value for parameter \(parts[0]): \(parts[1])")
        }
        #expect(calls.count.withLock { $0 } == 0)
    }

    @Test func aJSONOnlyAreaRefusesXMLAndAnswersItsTestsAndErrorsInJSON() async throws {
        let lectern = try await TestLectern.make()
        let calls = Calls()
        try await lectern.withClient(areas: Self.areas(calls)) { client in
            for method in [HTTPRequest.Method.get, .post] {
                let test = try await client.send(method, "/esploro/v1/assets/test", key: lectern.sandboxKey)
                #expect(test.status == 200)
                #expect(test.text == #"{"result":"\#(method.rawValue) request succeeded"}"#)
            }
            let xml = try await client.send(.get, "/esploro/v1/assets?format=xml", key: lectern.sandboxKey)
            #expect(xml.status == 400)
            #expect(xml.headers[.contentType] == "application/json;charset=UTF-8")
            #expect(Self.errorMessage(xml) == "JSON only.")
            let json = try await client.send(.get, "/esploro/v1/assets", key: lectern.sandboxKey)
            #expect(json.status == 200)
        }
        #expect(calls.count.withLock { $0 } == 1)
    }
}
