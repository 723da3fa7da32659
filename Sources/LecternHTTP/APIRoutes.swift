import LecternAlma
public import LecternCore
import LecternEsploro
public import LecternOpenAPI
import LecternPrimo

/// Every family's route table over the services, and the API catalog read from those same
/// tables: ``buildRouter(_:api:)`` serves the routes and their OpenAPI documents from one value,
/// and the developer portal takes its console's operations from the same ``catalog``.
///
/// ```swift
/// let api = APIRoutes(services)
/// let router = buildRouter(services, api: api)
/// api.catalog.operations(in: .users)  // what the console shows
/// ```
public struct APIRoutes: Sendable {
    /// The Alma, Primo and Esploro routes, in that order.
    public let routes: [Route]
    /// The catalog of ``routes``.
    public let catalog: APICatalog

    /// The route tables over `services`, and their catalog.
    public init(_ services: Services) {
        routes =
            Alma.routes(store: services.store, passwords: services.passwords) + Primo.routes(store: services.store)
            + Esploro.routes(store: services.store, passwords: services.passwords)
        catalog = APICatalog(routes: routes)
    }
}
