import LecternAlma
import LecternCore
import LecternEsploro
import LecternHTTP
import LecternOpenAPI
import LecternPrimo
import LecternTesting
import Testing

/// The documents Lectern generates from its own route tables describe those tables exactly:
/// every route once, in its area, nothing else, with the parameters their handlers read.
struct RouteTableDocumentsTests {
    static func api() async throws -> ServedAPI {
        try await ServedAPI.make()
    }

    static func documents(_ api: ServedAPI) throws -> [Area: OpenAPIJSON] {
        var documents: [Area: OpenAPIJSON] = [:]
        for area in api.catalog.areas {
            documents[area] = try OpenAPIJSON(#require(api.catalog.document(for: area, serverURL: "http://localhost")))
        }
        return documents
    }

    @Test func everyRouteIsDocumented() async throws {
        let api = try await Self.api()
        #expect(api.routes.count >= 50)
        for route in api.routes {
            let summary = route.documentation?.summary ?? ""
            #expect(!summary.isEmpty, "\(route.method.rawValue) \(route.path) has no documentation")
            for parameter in route.documentation?.path ?? [] {
                #expect(route.path.contains("{\(parameter.name)}"), "\(route.path) documents a path parameter \(parameter.name) it lacks")
            }
        }
    }

    @Test func everyRouteIsInExactlyOneAreaDocumentAndNothingElseIs() async throws {
        let api = try await Self.api()
        let routes = api.routes.map { "\($0.method.rawValue) \($0.path)" }
        #expect(Set(routes).count == routes.count)
        var documented: [String: [Area]] = [:]
        for (area, document) in try Self.documents(api) {
            for operation in document.operations { documented[operation.key, default: []].append(area) }
        }
        #expect(Set(documented.keys) == Set(routes))
        for (operation, areas) in documented {
            #expect(areas.count == 1, "\(operation) is in \(areas)")
        }
        #expect(api.catalog.areas == [.users, .bibs, .configuration, .courses, .analytics, .primo, .researchers, .assets])
    }

    @Test func usersDocumentDescribesTheUserList() async throws {
        let api = try await Self.api()
        let users = try #require(try Self.documents(api)[.users])
        let list = try #require(users.operation("GET", "/almaws/v1/users"))
        #expect(list["summary"] as? String == "Retrieve users")
        let names = Set(OpenAPIJSON.parameters(list).compactMap { $0["name"] as? String })
        #expect(
            names == ["limit", "offset", "q", "order_by", "direction", "source_user_id", "modify_date_from", "expand", "format", "lang"]
        )
        let limit = OpenAPIJSON.schema(of: OpenAPIJSON.parameter("limit", in: list))
        #expect(limit["type"] as? String == "integer")
        #expect(limit["default"] as? Int == 10)
        #expect(limit["minimum"] as? Int == 0)
        #expect(limit["maximum"] as? Int == 100)
        #expect(
            OpenAPIJSON.schema(of: OpenAPIJSON.parameter("order_by", in: list))["enum"] as? [String] == ["last_name", "first_name", "primary_id"]
        )
        #expect(OpenAPIJSON.schema(of: OpenAPIJSON.parameter("format", in: list))["enum"] as? [String] == ["xml", "json"])
        for parameter in OpenAPIJSON.parameters(list) {
            #expect(parameter["in"] as? String == "query")
            #expect(parameter["required"] as? Bool == false)
        }
        let create = try #require(users.operation("POST", "/almaws/v1/users"))
        #expect(OpenAPIJSON.requestMediaTypes(create) == ["application/xml", "application/json"])
        let authenticate = try #require(users.operation("POST", "/almaws/v1/users/{user_id}"))
        #expect(OpenAPIJSON.parameter("Exl-User-Pw", in: authenticate)?["in"] as? String == "header")
        #expect(OpenAPIJSON.responseCodes(authenticate).contains("204"))
    }

    @Test func bodiesFollowWhatTheHandlersAccept() async throws {
        let documents = try Self.documents(try await Self.api())
        let bibs = try #require(documents[.bibs])
        #expect(OpenAPIJSON.requestMediaTypes(try #require(bibs.operation("PUT", "/almaws/v1/bibs/{mms_id}"))) == ["application/xml"])
        #expect(OpenAPIJSON.requestMediaTypes(try #require(bibs.operation("GET", "/almaws/v1/bibs/{mms_id}"))).isEmpty)
        let assets = try #require(documents[.assets])
        let create = try #require(assets.operation("POST", "/esploro/v1/assets"))
        #expect(OpenAPIJSON.requestMediaTypes(create) == ["application/json"])
        let created = try #require((create["responses"] as? [String: Any])?["200"] as? [String: Any])
        #expect(Set((created["content"] as? [String: Any] ?? [:]).keys) == ["application/json"])
        let search = try #require(documents[.primo]?.operation("GET", "/primo/v1/search"))
        for name in ["vid", "tab", "scope", "q"] {
            #expect(OpenAPIJSON.parameter(name, in: search)?["required"] as? Bool == true)
        }
        #expect(OpenAPIJSON.parameter("format", in: search) == nil)
    }

    @Test func everyPathSegmentHasExactlyOneRequiredPathParameter() async throws {
        for (_, document) in try Self.documents(try await Self.api()) {
            for operation in document.operations {
                let segments = operation.path.split(separator: "/").filter { $0.hasPrefix("{") && $0.hasSuffix("}") }
                    .map { String($0.dropFirst().dropLast()) }
                let parameters = OpenAPIJSON.parameters(operation.operation).filter { $0["in"] as? String == "path" }
                #expect(parameters.compactMap { $0["name"] as? String } == segments, "\(operation.key)")
                #expect(parameters.allSatisfy { $0["required"] as? Bool == true }, "\(operation.key)")
            }
        }
    }

    @Test func documentsHaveTheOpenAPIShape() async throws {
        let api = try await Self.api()
        var operationIDs: [String] = []
        for (area, document) in try Self.documents(api) {
            #expect(document.root["openapi"] as? String == "3.0.3")
            let info = try #require(document.root["info"] as? [String: Any])
            #expect(info["title"] as? String == "Lectern \(api.catalog.title(of: area)) API")
            #expect(!(info["version"] as? String ?? "").isEmpty)
            #expect((document.root["servers"] as? [[String: Any]])?.first?["url"] as? String == "http://localhost")
            #expect(!document.paths.isEmpty)
            for operation in document.operations {
                operationIDs.append(try #require(operation.operation["operationId"] as? String))
                #expect(!(operation.operation["summary"] as? String ?? "").isEmpty)
                let codes = OpenAPIJSON.responseCodes(operation.operation)
                #expect(codes.intersection(["200", "204", "302"]).count == 1, "\(operation.key)")
                #expect(codes.isSuperset(of: ["400", "403", "429"]), "\(operation.key)")
                for parameter in OpenAPIJSON.parameters(operation.operation) {
                    #expect(["path", "query", "header"].contains(parameter["in"] as? String ?? ""))
                    let schema = OpenAPIJSON.schema(of: parameter)
                    if let minimum = schema["minimum"] as? Int, let maximum = schema["maximum"] as? Int {
                        #expect(schema["type"] as? String == "integer", "\(operation.key) \(parameter["name"] ?? "")")
                        let value = schema["default"] as? Int ?? minimum
                        #expect((minimum...maximum).contains(value), "\(operation.key) \(parameter["name"] ?? "")")
                    } else {
                        #expect(schema["type"] as? String == "string", "\(operation.key) \(parameter["name"] ?? "")")
                    }
                    if let allowed = schema["enum"] as? [String], let value = schema["default"] as? String {
                        #expect(allowed.contains(value), "\(operation.key) \(parameter["name"] ?? "")")
                    }
                }
            }
        }
        #expect(Set(operationIDs).count == operationIDs.count)
        #expect(operationIDs.count == api.routes.count)
    }

    @Test func objectAnswersInXMLAndJSONDocumentTheFormatParameter() async throws {
        let api = try await Self.api()
        for area in api.catalog.areas {
            for operation in api.catalog.operations(in: area) {
                let names = operation.parameters.map(\.name)
                #expect(names.contains("lang"), "\(operation.id)")
                if operation.answer == .object([.xml, .json]) {
                    #expect(names.contains("format"), "\(operation.id)")
                }
                #expect(Set(names).count == names.count, "\(operation.id) names a parameter twice")
            }
        }
    }
}
