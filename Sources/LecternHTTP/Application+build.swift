public import Hummingbird
import LecternAlma
public import LecternCore
import LecternEsploro
public import LecternGateway
public import LecternPortal
import LecternPortalWeb
import LecternPrimo
public import LecternStore
public import Logging

/// Everything a running Lectern needs.
public struct Services: Sendable {
    /// The document store.
    public var store: any Store
    /// The gateway state.
    public var gateway: Gateway
    /// How user passwords are hashed.
    public var passwords: any PasswordHasher
    /// The developer portal, when it is served.
    public var portal: Portal?

    /// Creates the bundle.
    public init(store: any Store, gateway: Gateway, passwords: any PasswordHasher = PBKDF2PasswordHasher(), portal: Portal? = nil) {
        self.store = store
        self.gateway = gateway
        self.passwords = passwords
        self.portal = portal
    }
}

/// The router: the portal's pages (outside the gateway), the gateway, then every family's routes.
public func buildRouter(_ services: Services) -> Router<LecternRequestContext> {
    let router = Router(context: LecternRequestContext.self)
    if let portal = services.portal { PortalWeb<LecternRequestContext>(portal: portal).install(on: router) }
    router.addGateway(services.gateway)
    router.addRoutes(Alma.routes(store: services.store, passwords: services.passwords))
    router.addRoutes(Primo.routes(store: services.store))
    router.addRoutes(Esploro.routes(store: services.store, passwords: services.passwords))
    return router
}

/// The application: the router, served with the gateway's background service.
public func buildApplication(_ services: Services, configuration: ApplicationConfiguration, logger: Logger) -> some ApplicationProtocol {
    Application(
        router: buildRouter(services),
        configuration: configuration,
        services: [GatewayService(gateway: services.gateway, logger: logger)],
        logger: logger
    )
}
