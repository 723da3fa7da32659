import Foundation
public import LecternRepresentation

/// An HTTP method, as the route tables name it.
public enum Method: String, Sendable, Hashable {
    case get = "GET"
    case post = "POST"
    case put = "PUT"
    case delete = "DELETE"

    /// Whether the method changes data (and so needs a read/write permission).
    public var isWrite: Bool { self != .get }
}

/// One API call as a handler sees it: no HTTP types, only what the family needs.
public struct Call: Sendable {
    /// Who is calling; the gateway has admitted them.
    public var caller: Caller
    /// The method.
    public var method: Method
    /// Path parameters by name (`user_id`).
    public var path: [String: String]
    /// Query parameters by name, first value wins (`limit`, `q`, `format`).
    public var query: [String: String]
    /// Request headers a handler may read (`exl-user-pw`), with lower-cased names.
    public var headers: [String: String]
    /// The request body, if any.
    public var body: Body?
    /// The base URL of this server as the caller reached it (`https://host`), for `link` attributes.
    public var baseURL: String

    /// Creates a call.
    public init(
        caller: Caller,
        method: Method,
        path: [String: String] = [:],
        query: [String: String] = [:],
        headers: [String: String] = [:],
        body: Body? = nil,
        baseURL: String = ""
    ) {
        self.caller = caller
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.baseURL = baseURL
    }

    /// The tenant the call reads and writes.
    public var tenant: Tenant { caller.tenant }

    /// A request body: XML already parsed by the gateway (which refuses malformed XML), or JSON bytes
    /// that the handler reads with the shape of the object it expects.
    public enum Body: Sendable {
        case xml(Node)
        case json([UInt8])
    }
}

extension Call {
    /// The body read as the object `root` with `shape`; a missing or unreadable body is `401676`.
    ///
    /// A value that a stored document could not keep as given (too long, or with a character XML
    /// cannot carry) is refused here too, whatever the object, so that what is stored reads back.
    public func object(_ root: String, as shape: Shape) throws -> Node {
        let node: Node
        switch body {
        case .none:
            throw APIError.invalidBody("The request has no body.")
        case .xml(let parsed):
            guard parsed.name == root else { throw APIError.invalidBody("Expected <\(root)> but found <\(parsed.name)>.") }
            node = parsed
        case .json(let bytes):
            do {
                node = try JSONCodec.parse(bytes, root: root, as: shape)
            } catch {
                throw APIError.invalidBody(error.message)
            }
        }
        if let (path, reason) = node.firstUnstorableValue() { throw APIError.invalidBody("The value of \(path) \(reason).") }
        return node
    }
}

extension String {
    /// The values of a comma-separated list (`mms_id=1,2`, `expand=loans,fees`), trimmed, empty ones dropped.
    public var commaSeparatedValues: [String] {
        split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Whether the text is a day as query parameters write it: `YYYY-MM-DD`.
    public var isDay: Bool {
        let parts = split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [4, 2, 2] && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}

extension Call {
    /// The value of the checked integer parameter `parameter` (``RouteParameter/integer(in:refusal:)``),
    /// which the router has already held to its range; its default when absent or empty.
    public func integer(_ parameter: RouteParameter) -> Int {
        if let text = query[parameter.name], !text.isEmpty, let value = Int(text) { return value }
        return parameter.defaultValue.flatMap { Int($0) } ?? 0
    }

    /// The value of `parameter` as sent (empty when sent empty); `nil` when absent.
    public func query(_ parameter: RouteParameter) -> String? {
        query[parameter.name]
    }

    /// The value of `parameter`; its default when absent or empty.
    public func text(_ parameter: RouteParameter) -> String? {
        if let text = query[parameter.name], !text.isEmpty { return text }
        return parameter.defaultValue
    }

    /// The page `paging` declares, as the call asks for it.
    public func page(_ paging: Paging) -> (limit: Int, offset: Int) {
        (integer(paging.limit), integer(paging.offset))
    }
}
