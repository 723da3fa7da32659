public import HTTPTypes
import Hummingbird
import HummingbirdTesting
public import LecternCore
public import Logging
import NIOCore

/// One answer, as a client sees it.
public struct Answer: Sendable {
    /// The status code.
    public var status: Int
    /// The headers.
    public var headers: HTTPFields
    /// The body bytes.
    public var body: [UInt8]
    /// The body as text.
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// A test client that sends requests the way API clients do.
public struct LecternClient: Sendable {
    let client: any TestClientProtocol

    /// Sends a request; `key` goes into `Authorization: apikey …` unless `keyInQuery`.
    public func send(
        _ method: HTTPRequest.Method,
        _ uri: String,
        key: String?,
        keyInQuery: Bool = false,
        headers: HTTPFields = [:],
        body: String? = nil
    ) async throws -> Answer {
        var uri = uri
        var headers = headers
        if let key {
            if keyInQuery {
                uri += (uri.contains("?") ? "&" : "?") + "apikey=\(key)"
            } else {
                headers[.authorization] = "apikey \(key)"
            }
        }
        let buffer = body.map { ByteBuffer(string: $0) }
        return try await client.execute(uri: uri, method: method, headers: headers, body: buffer) { response in
            Answer(status: Int(response.status.code), headers: response.headers, body: Array(response.body.readableBytesView))
        }
    }
}

extension TestLectern {
    /// Runs `body` against the application with no socket (the default for tests).
    public func withClient(
        logger: Logger? = nil,
        areas: [APIArea]? = nil,
        _ body: @Sendable (LecternClient) async throws -> Void
    ) async throws {
        try await application(logger: logger, areas: areas).test(.router) { client in try await body(LecternClient(client: client)) }
    }

    /// Runs `body` against the application on a real socket on 127.0.0.1.
    public func withLiveClient(_ body: @Sendable (LecternClient) async throws -> Void) async throws {
        try await application().test(.live) { client in try await body(LecternClient(client: client)) }
    }
}
