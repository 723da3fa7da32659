import Foundation
import HTTPTypes
import LecternCore
import LecternOpenAPI
import NIOCore

/// A sample body for a console operation that takes one (POST, PUT), taken from the demo data:
/// the object the operation writes, read with the same key through the gateway.
///
/// For `PUT /x/{id}` it is the object `GET /x/{id}` answers (the usual GET, change, PUT round
/// trip); for `POST /x` it is an existing object of the collection, from `GET /x/{id}`, to change
/// before it is sent. A path parameter left empty is found in the collection's first `link`
/// (`GET /x?limit=1`). When the area has no such GET, or nothing answers, there is no sample.
struct ConsoleSample {
    /// The body, indented.
    var body: String
    /// The call it came from (`GET /almaws/v1/users/jsmith`).
    var source: String
    /// The path parameters of that call by name (`user_id: jsmith`): a PUT's form is filled
    /// with them, so that the sample goes back where it came from.
    var pathValues: [String: String]

    /// The sample for `operation` among `operations` (its area's), in `format`, read through
    /// `console` with the console token `token`; `values` holds the form's path parameters.
    static func load(
        for operation: APIOperation,
        among operations: [APIOperation],
        format: BodyFormat,
        values: Form,
        token: String,
        authority: String,
        remoteAddress: SocketAddress?,
        console: any ConsoleTransport
    ) async -> ConsoleSample? {
        guard let reader = readerPath(for: operation, among: operations) else { return nil }
        var path = reader
        var pathValues: [String: String] = [:]
        for name in APIOperationPath.parameterNames(reader) {
            var value = values.text("path.\(name)")
            if value.isEmpty {
                let collection = String(path[..<(path.range(of: "/{\(name)}")?.lowerBound ?? path.endIndex)])
                guard !collection.contains("{"),
                    let found = await firstID(in: collection, token: token, authority: authority, remoteAddress: remoteAddress, console: console)
                else { return nil }
                value = found
            }
            pathValues[name] = value
            let encoded = value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? value
            path = path.replacingOccurrences(of: "{\(name)}", with: encoded)
        }
        let call = ConsoleCall(
            method: .get,
            path: path,
            authority: authority,
            headers: [.consoleToken: token, .accept: format.mediaType],
            remoteAddress: remoteAddress
        )
        guard let result = try? await console.execute(call), result.status == .ok, !result.body.isEmpty else { return nil }
        let body = ConsoleResultModel.pretty(result.body, contentType: result.headers[.contentType] ?? format.mediaType)
        return ConsoleSample(body: body, source: "GET \(path)", pathValues: pathValues)
    }

    /// The GET path that reads what `operation` writes: the same path for a PUT, the path with
    /// one more `{name}` segment for a POST.
    static func readerPath(for operation: APIOperation, among operations: [APIOperation]) -> String? {
        let gets = operations.filter { $0.method == .get }.map(\.path)
        switch operation.method {
        case .put:
            return gets.first { $0 == operation.path }
        case .post:
            return gets.first { path in
                guard path.hasPrefix(operation.path + "/{"), path.hasSuffix("}") else { return false }
                return !path.dropFirst(operation.path.count + 1).contains("/")
            }
        case .get, .delete:
            return nil
        }
    }

    /// The id in the first link of `collection`'s first page (`…/almaws/v1/users/jsmith`).
    private static func firstID(
        in collection: String,
        token: String,
        authority: String,
        remoteAddress: SocketAddress?,
        console: any ConsoleTransport
    ) async -> String? {
        let call = ConsoleCall(
            method: .get,
            path: collection + "?limit=1",
            authority: authority,
            headers: [.consoleToken: token, .accept: BodyFormat.json.mediaType],
            remoteAddress: remoteAddress
        )
        guard let result = try? await console.execute(call), result.status == .ok else { return nil }
        let text = String(decoding: result.body, as: UTF8.self)
        guard let start = text.range(of: collection + "/")?.upperBound else { return nil }
        let id = text[start...].prefix { !"/?\"'<> #".contains($0) }
        return id.isEmpty ? nil : String(id).removingPercentEncoding ?? String(id)
    }
}

/// The `{name}` segments of an OpenAPI path.
enum APIOperationPath {
    static func parameterNames(_ path: String) -> [String] {
        path.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? String(segment.dropFirst().dropLast()) : nil
        }
    }
}
