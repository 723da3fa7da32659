public import LecternCore
import LecternGateway

/// The operations Lectern implements, by API area, read from the very route tables the router
/// serves: the console renders its forms from ``operations(in:)`` and the portal publishes
/// ``document(for:serverURL:)``, so neither can drift from the code.
///
/// ```swift
/// let catalog = APICatalog(routes: Alma.routes(store: store, passwords: passwords))
/// catalog.areas                                   // [.users, .bibs, .configuration]
/// catalog.operations(in: .users).first?.path      // "/almaws/v1/users"
/// let json = catalog.document(for: .users, serverURL: "http://localhost:8080")
/// ```
///
/// A route whose path belongs to no area (``AccessPolicy/area(forPath:)``) is left out: the
/// gateway would refuse every call to it.
public struct APICatalog: Sendable {
    /// The version the documents give in `info.version`.
    public static let version = "1.0"

    private let operationsByArea: [Area: [APIOperation]]

    /// The areas that have at least one operation, in `Area.allCases` order.
    public let areas: [Area]

    /// The catalog of `routes`.
    public init(routes: [Route]) {
        var byArea: [Area: [APIOperation]] = [:]
        for route in routes {
            guard let area = AccessPolicy.area(forPath: route.path) else { continue }
            byArea[area, default: []].append(APIOperation(route, area: area))
        }
        operationsByArea = byArea.mapValues { $0.sorted(by: Self.precedes) }
        areas = Area.allCases.filter { byArea[$0] != nil }
    }

    /// The operations of `area`, by path, then GET, POST, PUT, DELETE; empty for an area without routes.
    public func operations(in area: Area) -> [APIOperation] {
        operationsByArea[area] ?? []
    }

    /// The OpenAPI 3.0.3 document of `area` as JSON (keys sorted, so equal catalogs give equal
    /// bytes), with `serverURL` (`http://host:port`) as its one server. An area without
    /// operations gives a document without paths.
    public func document(for area: Area, serverURL: String) -> [UInt8] {
        OpenAPIDocument(area: area, operations: operations(in: area), serverURL: serverURL, version: Self.version).json
    }

    private static func precedes(_ lhs: APIOperation, _ rhs: APIOperation) -> Bool {
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        return methodOrder(lhs.method) < methodOrder(rhs.method)
    }

    private static func methodOrder(_ method: Method) -> Int {
        switch method {
        case .get: 0
        case .post: 1
        case .put: 2
        case .delete: 3
        }
    }
}
