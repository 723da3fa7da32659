import Foundation
public import HTTPTypes

/// Drives the portal the way a browser does: keeps cookies, follows nothing by itself, and fills
/// each form's CSRF token from the last page it fetched.
///
/// Pages are read with regular expressions here, never with the templates that wrote them.
public final class PortalBrowser: @unchecked Sendable {
    private let client: LecternClient
    private var cookies: [String: String] = [:]
    /// Headers sent with every request (a forged `Host`, say).
    public var extraHeaders: HTTPFields = [:]
    /// The last answer.
    public private(set) var last = Answer(status: 0, headers: [:], body: [])

    /// Creates a browser over a test client.
    public init(_ client: LecternClient) {
        self.client = client
    }

    /// GETs `path`.
    @discardableResult
    public func get(_ path: String) async throws -> Answer {
        try await send(.get, path, body: nil)
    }

    /// POSTs `fields` to `path` as a form, adding the CSRF token of the last page unless
    /// `fields` has one.
    @discardableResult
    public func post(_ path: String, _ fields: [(String, String)]) async throws -> Answer {
        var fields = fields
        if !fields.contains(where: { $0.0 == "csrf" }), let token = csrfToken { fields.append(("csrf", token)) }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(.post, path, body: body)
    }

    /// POSTs like ``post(_:_:)`` and then, as a browser does, follows the answer's redirect
    /// with a GET; the POST's own answer is ``submitted``, the page it leads to is ``last``.
    @discardableResult
    public func submit(_ path: String, _ fields: [(String, String)]) async throws -> Answer {
        let answer = try await post(path, fields)
        submitted = answer
        guard [301, 302, 303].contains(answer.status), let location = answer.headers[.location] else { return answer }
        return try await get(location)
    }

    /// The answer to the POST of the last ``submit(_:_:)``.
    public private(set) var submitted: Answer?

    /// The CSRF token in the last page's first form.
    public var csrfToken: String? {
        Self.firstMatch(#"name="csrf" value="([0-9a-f]+)""#, in: last.text)
    }

    /// The value of the cookie `name`, if set.
    public func cookie(_ name: String) -> String? { cookies[name] }

    /// Forgets every cookie (a new browser).
    public func clearCookies() { cookies.removeAll() }

    /// The first capture group of `pattern` in `text`.
    public static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let expression = try? NSRegularExpression(pattern: pattern),
            let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            match.numberOfRanges > 1, let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }

    private func send(_ method: HTTPRequest.Method, _ path: String, body: String?) async throws -> Answer {
        var headers = extraHeaders
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let answer = try await client.send(method, path, key: nil, headers: headers, body: body)
        for field in answer.headers where field.name == .setCookie {
            let pair = field.value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 || (pair.count == 1 && field.value.contains("=;")) else { continue }
            let name = String(pair[0])
            let value = pair.count == 2 ? String(pair[1]) : ""
            if value.isEmpty || field.value.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        last = answer
        return answer
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestLectern {
    /// The e-mails in the outbox, oldest first, as text.
    public func mails() throws -> [String] {
        let files = try FileManager.default.contentsOfDirectory(at: outbox, includingPropertiesForKeys: nil).sorted {
            $0.lastPathComponent < $1.lastPathComponent
        }
        return try files.map { try String(contentsOf: $0, encoding: .utf8) }
    }

    /// The path and query of the last link in the newest mail to `email` that contains `marker`.
    public func link(to email: String, containing marker: String) throws -> String? {
        let mail = try mails().last { $0.contains("To: \(email)") && $0.contains(marker) }
        return mail.flatMap { PortalBrowser.firstMatch(#"http://[^/\s]+(/portal/\S+)"#, in: $0) }
    }
}
