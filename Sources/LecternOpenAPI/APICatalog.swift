public import LecternCore

/// The operations Lectern implements, by API area, read from the very route tables the router
/// serves: the console renders its forms from ``operations(in:)`` and the portal publishes
/// ``document(for:serverURL:)``, so neither can drift from the code.
///
/// ```swift
/// let catalog = APICatalog(areas: [UsersArea.area(store: store, passwords: passwords)])
/// catalog.areas                                   // [.users]
/// catalog.operations(in: .users).first?.path      // "/almaws/v1/users"
/// let json = catalog.document(for: .users, serverURL: "http://localhost:8080")
/// ```
public struct APICatalog: Sendable {
    /// The version the documents give in `info.version`.
    public static let version = "1.0"

    private let operationsByArea: [Area: [APIOperation]]

    /// Every area served, with or without operations, in the application's order: what a key's
    /// permissions can name.
    public let directory: AreaDirectory

    /// The areas that have at least one operation, in the application's order.
    public let areas: [Area]

    /// The catalog of `areas`.
    public init(areas: [APIArea]) {
        var byArea: [Area: [APIOperation]] = [:]
        for area in areas where !area.routes.isEmpty {
            byArea[area.descriptor.area] = area.routes.map { APIOperation($0, area: area.descriptor.area) }.sorted(by: Self.precedes)
        }
        operationsByArea = byArea
        directory = AreaDirectory(areas.map(\.descriptor))
        self.areas = areas.map(\.descriptor.area).filter { byArea[$0] != nil }
    }

    /// The operations of `area`, by path, then GET, POST, PUT, DELETE; empty for an area without routes.
    public func operations(in area: Area) -> [APIOperation] {
        operationsByArea[area] ?? []
    }

    /// The name of `area` as people read it (`Users`); its raw name when the catalog does not have it.
    public func title(of area: Area) -> String {
        directory[area]?.title ?? area.rawValue
    }

    /// The OpenAPI 3.0.3 document of `area` as JSON (keys sorted, so equal catalogs give equal
    /// bytes), with `serverURL` (`http://host:port`) as its one server; `nil` for an area the
    /// catalog does not have. An area without operations gives a document without paths.
    public func document(for area: Area, serverURL: String) -> [UInt8]? {
        directory[area].map { OpenAPIDocument(area: $0, operations: operations(in: area), serverURL: serverURL, version: Self.version).json }
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
