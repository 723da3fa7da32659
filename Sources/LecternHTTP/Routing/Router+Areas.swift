public import Hummingbird
public import LecternCore
public import LecternGateway
public import Logging

extension Router<LecternRequestContext> {
    /// Serves `areas`: each area's routes behind a gateway that knows the area, then the gateway
    /// for the calls no route matched (their area comes from the path).
    ///
    /// Call it after the routes that stay outside the gateway (the OpenAPI documents, the portal's
    /// pages): middleware wraps only the routes added after it.
    @discardableResult
    public func addAreas(_ areas: [APIArea], gateway: Gateway, logLevel: Logger.Level = .debug) -> Self {
        let adapter = RouteAdapter()
        for area in areas {
            let routes = group().add(middleware: GatewayMiddleware(gateway: gateway, logLevel: logLevel, area: .route(area.descriptor)))
            for route in area.routes {
                adapter.add(route, area: area.descriptor, to: routes)
            }
        }
        return addGatewayForUnmatchedCalls(gateway, areas: AreaDirectory(areas.map(\.descriptor)), logLevel: logLevel)
    }
}
