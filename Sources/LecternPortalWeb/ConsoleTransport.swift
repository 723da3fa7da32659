public import HTTPTypes
public import NIOCore

/// Runs an API console call through the server's own request path (gateway included).
public protocol ConsoleTransport: Sendable {
    /// Answers `call` as the API would answer it over HTTP.
    func execute(_ call: ConsoleCall) async throws -> ConsoleResult
}

/// A call the console makes on a developer's behalf.
public struct ConsoleCall: Sendable {
    public var method: HTTPRequest.Method
    /// The path with its query string.
    public var path: String
    /// The host the browser used, for links in the answer.
    public var authority: String
    public var headers: HTTPFields
    public var body: String?
    /// The browser's address, so that IP restriction profiles apply as to a direct call.
    public var remoteAddress: SocketAddress?
}

/// What the API answered.
public struct ConsoleResult: Sendable {
    public var status: HTTPResponse.Status
    public var headers: HTTPFields
    public var body: [UInt8]

    /// Creates a result.
    public init(status: HTTPResponse.Status, headers: HTTPFields, body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
