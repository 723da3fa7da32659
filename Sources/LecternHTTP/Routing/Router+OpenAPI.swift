import Foundation
import HTTPTypes
public import Hummingbird
import LecternCore
public import LecternOpenAPI
public import Logging

extension Router<LecternRequestContext> {
    /// Serves the catalog's OpenAPI documents, like a public documentation site: no API key,
    /// no thresholds.
    ///
    /// - `GET /openapi`: the index, `{"apis": [{"area", "title", "url"}]}` with one entry per area
    ///   that has routes; `url` is the document's path (`/openapi/users.json`).
    /// - `GET /openapi/{area}.json`: the area's OpenAPI 3.0.3 document, whose server is
    ///   `http://` and the request's host; 404 with a JSON error for an area without routes.
    ///
    /// Call it before ``addAreas(_:gateway:logLevel:)``: middleware wraps only the routes added after
    /// it, so these routes stay outside the gateway.
    @discardableResult
    public func addOpenAPI(_ catalog: APICatalog, logLevel: Logger.Level = .debug) -> Self {
        let index = Self.openAPIIndex(catalog)
        let routes = group().add(middleware: RequestLogMiddleware(level: logLevel))
        routes.get("/openapi") { _, _ in Self.openAPIResponse(.ok, index) }
        routes.get("/openapi/{document}") { request, context in
            let name = context.parameters.get("document") ?? ""
            let area = Area(String(name.dropLast(".json".count)))
            guard name.hasSuffix(".json"), catalog.areas.contains(area),
                let document = catalog.document(for: area, serverURL: "http://\(request.head.authority ?? "localhost")")
            else {
                return Self.openAPIResponse(.notFound, Self.openAPIEncoded(OpenAPINotFound(name: name, areas: catalog.areas)))
            }
            return Self.openAPIResponse(.ok, document)
        }
        return self
    }

    private static func openAPIIndex(_ catalog: APICatalog) -> [UInt8] {
        openAPIEncoded(
            OpenAPIIndex(apis: catalog.areas.map { .init(area: $0.rawValue, title: catalog.title(of: $0), url: "/openapi/\($0.rawValue).json") })
        )
    }

    private static func openAPIEncoded(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings and arrays of them only: encoding cannot fail.
        return Array(try! encoder.encode(value))
    }

    /// A JSON answer any page may read (`Access-Control-Allow-Origin: *`): the documents are public.
    private static func openAPIResponse(_ status: HTTPResponse.Status, _ bytes: [UInt8]) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json;charset=UTF-8", .accessControlAllowOrigin: "*"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }
}

/// The body of `GET /openapi`.
private struct OpenAPIIndex: Encodable {
    struct Entry: Encodable {
        var area: String
        var title: String
        var url: String
    }

    var apis: [Entry]
}

/// The 404 of `GET /openapi/{name}` for a name that is no area's document.
private struct OpenAPINotFound: Encodable {
    var error: String
    var areas: [String]

    init(name: String, areas: [Area]) {
        error = "No OpenAPI document \(name): see /openapi"
        self.areas = areas.map(\.rawValue)
    }
}
