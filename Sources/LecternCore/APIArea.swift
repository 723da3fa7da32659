/// One API area as the application serves it: its descriptor and its routes, `/test`
/// operations included (``AreaDescriptor/testRoutes``).
public struct APIArea: Sendable {
    /// What the area is.
    public let descriptor: AreaDescriptor
    /// Its routes, each in this area.
    public let routes: [Route]

    /// The area `descriptor` with `routes`, and the `/test` routes its descriptor declares.
    public init(_ descriptor: AreaDescriptor, routes: [Route]) {
        self.descriptor = descriptor
        self.routes = descriptor.testRoutes + routes
    }
}
