import Hummingbird
import LecternCore
import LecternGateway

/// Applies the plan, method and area rules (``AccessPolicy``).
struct AccessPolicyMiddleware: RouterMiddleware {
    typealias Context = LecternRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let caller = try context.requireCaller()
        guard let area = AccessPolicy.area(forPath: request.uri.path) else { throw GatewayError.unauthorized }
        context.outcome.setArea(area)
        try AccessPolicy.check(caller, method: Method(request.method), area: area)
        var context = context
        context.area = area
        return try await next(request, context)
    }
}

extension LecternCore.Method {
    /// The method of an HTTP request; anything but POST, PUT and DELETE is treated as a read.
    init(_ method: HTTPRequest.Method) {
        switch method {
        case .post: self = .post
        case .put: self = .put
        case .delete: self = .delete
        case .patch: self = .put
        default: self = .get
        }
    }
}
