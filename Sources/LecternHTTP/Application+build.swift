public import Hummingbird
public import LecternCore
public import LecternGateway
public import LecternOpenAPI
public import LecternPortal
import LecternPortalWeb
public import LecternStore
public import Logging
import ServiceLifecycle

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
    /// The tenant whose data the documentation pages show as examples (the demo institution's
    /// sandbox), when there is one.
    public var examples: Tenant?

    /// Creates the bundle.
    public init(
        store: any Store,
        gateway: Gateway,
        passwords: any PasswordHasher = PBKDF2PasswordHasher(),
        portal: Portal? = nil,
        examples: Tenant? = nil
    ) {
        self.store = store
        self.gateway = gateway
        self.passwords = passwords
        self.portal = portal
        self.examples = examples
    }
}

/// The router over the API `areas`: the OpenAPI documents and the portal's pages (outside the
/// gateway, no key needed), then each area's routes behind the gateway. The portal's console
/// and the OpenAPI documents read the areas' catalog.
///
/// The OpenAPI routes come before the gateway: middleware wraps only the routes added after it.
public func buildRouter(_ services: Services, areas: [APIArea]) -> Router<LecternRequestContext> {
    let catalog = APICatalog(areas: areas)
    let router = Router(context: LecternRequestContext.self)
    router.addOpenAPI(catalog)
    let console = ConsoleDispatcher(logger: Logger(label: "lectern.console"))
    let examples = services.examples.map { DocumentationExamples(store: services.store, tenant: $0) }
    let web = services.portal.map { PortalWeb<LecternRequestContext>(portal: $0, catalog: catalog, console: console, examples: examples) }
    web?.install(on: router)
    router.addAreas(areas, gateway: services.gateway)
    // Added last, it wraps no route, only what no route answers: no cost on the API's path.
    if let web { router.add(middleware: PortalFallbackMiddleware(web: web)) }
    console.connect(router)
    return router
}

/// The application: the router over `areas`, served with the gateway's background service (and
/// the portal's sandbox resets when the portal is served).
public func buildApplication(
    _ services: Services,
    areas: [APIArea],
    configuration: ApplicationConfiguration,
    logger: Logger
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(services, areas: areas),
        configuration: configuration,
        services: backgroundServices(services, logger: logger),
        logger: logger
    )
}

/// The services that run beside the server: the gateway's, and the portal's sandbox resets.
func backgroundServices(_ services: Services, logger: Logger) -> [any Service] {
    var background: [any Service] = [GatewayService(gateway: services.gateway, logger: logger)]
    if let portal = services.portal { background.append(SandboxResetService(portal: portal)) }
    return background
}
