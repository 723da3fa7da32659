import LecternAlma
import LecternCore
import LecternEsploro
import LecternOpenAPI
import Testing

/// The catalog and its documents over small route tables made up for the test, independent of
/// the families' tables.
struct APICatalogTests {
    static func route(_ method: Method, _ path: String) -> Route {
        Route(method, path) { _ in .noContent }
    }

    /// Made-up areas, in this order.
    static let descriptors = [
        AreaDescriptor(.users, title: "Users", product: .alma, pathPrefixes: ["/almaws/v1/users"]),
        AreaDescriptor(.bibs, title: "Bibs", product: .alma, pathPrefixes: ["/almaws/v1/bibs", "/almaws/v1/items"]),
        AreaDescriptor(.acquisitions, title: "Acquisitions", product: .alma, pathPrefixes: ["/almaws/v1/acq"]),
        AreaDescriptor(.assets, title: "Esploro Assets", product: .esploro, pathPrefixes: ["/esploro/v1/assets"], formats: [.json]),
    ]

    /// The catalog of `routes`, each in the made-up area its path belongs to; a route outside
    /// every area is left out.
    static func catalog(_ routes: [Route]) -> APICatalog {
        let directory = AreaDirectory(descriptors)
        let areas = descriptors.map { descriptor in
            APIArea(descriptor, routes: routes.filter { directory.descriptor(forPath: $0.path) === descriptor })
        }
        return APICatalog(areas: areas)
    }

    @Test func operationsAreOrderedByPathThenMethod() {
        let catalog = Self.catalog([
            Self.route(.delete, "/almaws/v1/users/{user_id}"), Self.route(.get, "/almaws/v1/users/{user_id}"),
            Self.route(.post, "/almaws/v1/users"), Self.route(.put, "/almaws/v1/users/{user_id}"),
            Self.route(.get, "/almaws/v1/users"), Self.route(.post, "/almaws/v1/users/{user_id}"),
        ])
        #expect(
            catalog.operations(in: .users).map { "\($0.method.rawValue) \($0.path)" } == [
                "GET /almaws/v1/users", "POST /almaws/v1/users", "GET /almaws/v1/users/{user_id}", "POST /almaws/v1/users/{user_id}",
                "PUT /almaws/v1/users/{user_id}", "DELETE /almaws/v1/users/{user_id}",
            ]
        )
    }

    @Test func areasFollowTheApplicationsOrderAndSkipPathsOutsideEveryArea() {
        let catalog = Self.catalog([
            Self.route(.get, "/esploro/v1/assets"), Self.route(.get, "/almaws/v1/bibs"), Self.route(.get, "/almaws/v1/users"),
            Self.route(.get, "/portal/v1/accounts"),
        ])
        #expect(catalog.areas == [.users, .bibs, .assets])
        #expect(catalog.operations(in: .acquisitions).isEmpty)
        #expect(Self.descriptors.flatMap { catalog.operations(in: $0.area) }.count == 3)
    }

    @Test func pathSegmentsBecomeRequiredPathParametersBeforeTheQuery() throws {
        let route = Self.route(.get, "/almaws/v1/bibs/{mms_id}/holdings/{holding_id}").documented(
            "Retrieve a holding",
            path: [.init("holding_id", "The holding")],
            query: [.init("view", "The view", default: "full", allowed: ["full", "brief"])],
            headers: [.init("Exl-User-Pw", "A password")]
        )
        let operation = try #require(Self.catalog([route]).operations(in: .bibs).first)
        #expect(operation.parameters.map(\.name) == ["mms_id", "holding_id", "view", "Exl-User-Pw"])
        #expect(operation.parameters.map(\.location) == [.path, .path, .query, .header])
        #expect(operation.parameters.map(\.required) == [true, true, false, false])
        #expect(operation.parameters[1].description == "The holding")
        #expect(operation.parameters[2].defaultValue == "full")
        #expect(operation.parameters[2].allowedValues == ["full", "brief"])
        #expect(operation.id == "get_almaws_v1_bibs_mms_id_holdings_holding_id")
    }

    @Test func documentCarriesParametersBodiesAndAnswers() throws {
        let catalog = Self.catalog([
            Self.route(.get, "/almaws/v1/items").documented(
                "Find an item",
                query: [.init("item_barcode", "Barcode", required: true), .format],
                answer: .redirect
            ),
            Self.route(.post, "/almaws/v1/bibs").documented("Create a bib", body: [.xml, .json]),
            Self.route(.put, "/almaws/v1/bibs/{mms_id}").documented("Update a bib", body: [.xml]),
            Self.route(.delete, "/almaws/v1/bibs/{mms_id}").documented("Delete a bib", answer: .noContent),
        ])
        let document = try OpenAPIJSON(#require(catalog.document(for: .bibs, serverURL: "http://lectern.test:8080")))
        #expect(document.root["openapi"] as? String == "3.0.3")
        #expect((document.root["info"] as? [String: Any])?["title"] as? String == "Lectern Bibs API")
        #expect((document.root["servers"] as? [[String: Any]])?.first?["url"] as? String == "http://lectern.test:8080")

        let find = try #require(document.operation("GET", "/almaws/v1/items"))
        #expect(OpenAPIJSON.parameter("item_barcode", in: find)?["required"] as? Bool == true)
        #expect(OpenAPIJSON.parameter("item_barcode", in: find)?["in"] as? String == "query")
        #expect(OpenAPIJSON.schema(of: OpenAPIJSON.parameter("format", in: find))["enum"] as? [String] == ["xml", "json"])
        #expect(OpenAPIJSON.responseCodes(find).contains("302"))
        #expect(!OpenAPIJSON.responseCodes(find).contains("200"))
        #expect(find["requestBody"] == nil)

        let create = try #require(document.operation("POST", "/almaws/v1/bibs"))
        #expect(OpenAPIJSON.requestMediaTypes(create) == ["application/xml", "application/json"])
        #expect(OpenAPIJSON.responseCodes(create).isSuperset(of: ["200", "400", "403", "429"]))
        let update = try #require(document.operation("PUT", "/almaws/v1/bibs/{mms_id}"))
        #expect(OpenAPIJSON.requestMediaTypes(update) == ["application/xml"])
        let delete = try #require(document.operation("DELETE", "/almaws/v1/bibs/{mms_id}"))
        #expect(OpenAPIJSON.responseCodes(delete).contains("204"))
        #expect(!OpenAPIJSON.responseCodes(delete).contains("200"))

        let components = try #require(document.root["components"] as? [String: Any])
        let schemes = try #require(components["securitySchemes"] as? [String: [String: Any]])
        #expect(schemes.values.contains { $0["in"] as? String == "query" && $0["name"] as? String == "apikey" })
        #expect(schemes.values.contains { $0["in"] as? String == "header" && $0["name"] as? String == "Authorization" })
        #expect((document.root["security"] as? [[String: Any]])?.count == 2)
    }

    @Test func documentBytesDoNotDependOnTheRouteOrder() {
        let routes = [
            Self.route(.get, "/almaws/v1/users").documented("Retrieve users", query: [.offset, .lang]),
            Self.route(.post, "/almaws/v1/users").documented("Create a user", body: [.json, .xml]),
            Self.route(.get, "/almaws/v1/users/{user_id}").documented("Retrieve a user"),
        ]
        let forward = Self.catalog(routes).document(for: .users, serverURL: "http://localhost")
        let backward = Self.catalog(routes.reversed()).document(for: .users, serverURL: "http://localhost")
        #expect(forward == backward)
        #expect(!(forward ?? []).isEmpty)
    }
}
