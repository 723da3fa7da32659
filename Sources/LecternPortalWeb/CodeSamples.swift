import Foundation
import HTTPTypes
import LecternRepresentation

/// The console's call written for a developer to paste: curl, Python (requests) and JavaScript
/// (fetch). The key is never in them: each reads it from `LECTERN_KEY` in the environment, outside
/// any quotes; every other value is quoted for its language (shell single quotes with `'\''`, and
/// JSON string literals, which Python and JavaScript read as their own).
struct CodeSamples {
    var curl: String
    var python: String
    var javascript: String

    init(_ call: ConsoleCall, base: String) {
        let url = base + call.path
        let headers = call.headers.filter { $0.name != .consoleToken }.map { ($0.name.rawName, $0.value) }
        var curl = ["curl -X \(call.method.rawValue) \(Self.shell(url))", #"-H "Authorization: apikey $LECTERN_KEY""#]
        curl += headers.map { "-H \(Self.shell("\($0.0): \($0.1)"))" }
        if let body = call.body { curl.append("--data-binary \(Self.shell(body))") }
        self.curl = curl.joined(separator: " \\\n  ")

        let pythonHeaders =
            ([#""Authorization": "apikey " + os.environ["LECTERN_KEY"]"#] + headers.map { "\(Self.literal($0.0)): \(Self.literal($0.1))" })
            .joined(separator: ",\n        ")
        python = """
            import os
            import requests

            response = requests.request(
                \(Self.literal(call.method.rawValue)),
                \(Self.literal(url)),
                headers={
                    \(pythonHeaders),
                },\(call.body.map { "\n    data=\(Self.literal($0)).encode(\"utf-8\")," } ?? "")
            )
            print(response.status_code, response.text)
            """

        let scriptHeaders =
            ([#""Authorization": "apikey " + process.env.LECTERN_KEY"#] + headers.map { "\(Self.literal($0.0)): \(Self.literal($0.1))" })
            .joined(separator: ",\n    ")
        javascript = """
            const response = await fetch(\(Self.literal(url)), {
              method: \(Self.literal(call.method.rawValue)),
              headers: {
                \(scriptHeaders),
              },\(call.body.map { "\n  body: \(Self.literal($0))," } ?? "")
            });
            console.log(response.status, await response.text());
            """
    }

    /// `text` in shell single quotes.
    static func shell(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// `text` as a JSON string literal: valid in Python and JavaScript alike.
    static func literal(_ text: String) -> String {
        String(decoding: JSONValue.string(text).rendered(), as: UTF8.self)
    }
}
