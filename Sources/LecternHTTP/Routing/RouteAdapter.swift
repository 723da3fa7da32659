import Foundation
import HTTPTypes
import Hummingbird
import LecternCore
import LecternRepresentation

/// Turns a request into a ``Call`` for a route's handler, and the handler's ``Reply`` into a
/// response: the one place between HTTP and the families. Before the handler runs it refuses
/// what the route's declarations rule out: XML in an area that speaks JSON only, and a query
/// value that fails its parameter's ``ValueCheck``; only the headers a route declares reach it.
struct RouteAdapter {
    private let renderings = RenderCache()

    /// Adds `route` of `area` to `routes`.
    func add(_ route: Route, area: AreaDescriptor, to routes: RouterGroup<LecternRequestContext>) {
        let names = Self.parameterNames(route.path)
        let headers = (route.documentation?.headers ?? []).compactMap { HTTPField.Name($0.name) }
        let checks = (route.documentation?.query ?? []).compactMap { parameter in parameter.check.map { (parameter.name, $0) } }
        let formatRefusal = area.isJSONOnly ? area.formatRefusal : nil
        let answersJSONOnly = area.isJSONOnly
        routes.on(RouterPath(route.path), method: HTTPRequest.Method(route.method)) { request, context in
            let call = try Self.call(for: request, context: context, method: route.method, parameterNames: names, headers: headers)
            if let formatRefusal, Self.asksForXML(call) { throw formatRefusal }
            for (name, check) in checks {
                if let value = call.query[name], !value.isEmpty, !check.accepts(value) { throw check.error(name: name, value: value) }
            }
            let format = answersJSONOnly ? .json : WireFormat(for: request)
            return Self.response(for: try await route.handler(call), format: format, baseURL: call.baseURL, renderings: renderings)
        }
    }

    private static func call(
        for request: Request,
        context: LecternRequestContext,
        method: LecternCore.Method,
        parameterNames: [String],
        headers headerNames: [HTTPField.Name]
    ) throws -> Call {
        var path: [String: String] = [:]
        for name in parameterNames {
            guard let raw = context.parameters.get(name) else { continue }
            var value = String(raw)
            if value.utf8.contains(UInt8(ascii: "%")) {
                guard let decoded = value.removingPercentEncoding else { throw APIError.parameterNotValid(name) }
                value = decoded
            }
            try InputText.check(value, parameter: name, maximumLength: InputText.maximumPathParameterLength)
            path[name] = value
        }
        var query: [String: String] = [:]
        for (name, value) in request.formQueryParameters where query[String(name)] == nil {
            let name = String(name)
            let value = String(value)
            try InputText.check(name, parameter: "query", maximumLength: InputText.maximumQueryValueLength)
            try InputText.check(value, parameter: name, maximumLength: InputText.maximumQueryValueLength)
            query[name] = value
        }
        var headers: [String: String] = [:]
        for name in headerNames {
            if let value = request.headers[name] { headers[name.canonicalName] = value }
        }
        return Call(
            caller: try context.requireCaller(),
            method: method,
            path: path,
            query: query,
            headers: headers,
            body: context.body,
            baseURL: "http://\(request.head.authority ?? "localhost")"
        )
    }

    /// `format=xml`, or an XML body: what an area that speaks JSON only refuses.
    private static func asksForXML(_ call: Call) -> Bool {
        if let format = call.query(.format), format.lowercased() == "xml" { return true }
        if case .xml? = call.body { return true }
        return false
    }

    private static func response(for reply: Reply, format: WireFormat, baseURL: String, renderings: RenderCache) -> Response {
        switch reply {
        case .object(let node, let shape):
            return .wire(node, as: shape, format: format)
        case .stored(let node, let shape, let version):
            let bytes = renderings.bytes(version: version, format: format) { format.render(node, as: shape) }
            return Response(status: .ok, headers: format.headers, body: ResponseBody(byteBuffer: bytes))
        case .noContent:
            return Response(status: .noContent)
        case .redirect(let path):
            return Response(status: .found, headers: [.location: baseURL + path])
        }
    }

    private static func parameterNames(_ path: String) -> [String] {
        path.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? String(segment.dropFirst().dropLast()) : nil
        }
    }
}
