import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// The API documentation pages: public, generated from the route declarations and shapes, with
/// examples from the demo data.
struct DocumentationPagesTests {
    @Test func theIndexListsEveryAreaByProductWithoutLoggingIn() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let index = try await client.send(.get, "/portal/docs", key: nil)
            #expect(index.status == 200)
            for (area, title) in [("users", "Users"), ("bibs", "Bibs"), ("conf", "Configuration"), ("primo", "Primo"), ("assets", "Esploro Assets")] {
                #expect(index.text.contains(#"<a href="/portal/docs/\#(area)">\#(title)</a>"#), "\(area)")
            }
            #expect(index.text.contains(#"<a href="/portal/docs/acq">Acquisitions</a> <span class="muted">(not served yet)</span>"#))
            #expect(index.text.contains(#"<h2 id="product-Esploro">Esploro</h2>"#))
        }
    }

    @Test func anAreaPageDocumentsOperationsParametersObjectsErrorsAndExamples() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let page = try await client.send(.get, "/portal/docs/users", key: nil)
            #expect(page.status == 200)
            let html = page.text
            for id in ["get_almaws_v1_users", "post_almaws_v1_users", "get_almaws_v1_users_user_id", "put_almaws_v1_users_user_id"] {
                #expect(html.contains(#"<section class="operation" id="\#(id)""#), "\(id)")
            }
            // A parameter with its default and allowed values, from the declaration the router checks.
            #expect(
                html.contains(
                    "<td><code>order_by</code></td><td>query</td><td>no</td><td><code>last_name</code></td><td>last_name, first_name, primary_id</td>"
                )
            )
            #expect(html.contains("<td><code>limit</code></td><td>query</td><td>no</td><td><code>10</code></td><td>0 to 100</td>"))
            // The documented errors, worded as the handlers word them.
            #expect(html.contains("<td><code>401861</code></td><td>User with identifier {user_id} was not found.</td>"))
            // The object's members, with their JSON and XML paths and types.
            #expect(html.contains(#"<section class="object" id="object-user""#))
            #expect(html.contains("<td><code>user_group</code></td><td><code>user_group</code></td><td>code: {value, desc}</td>"))
            #expect(
                html.contains(
                    "<td><code>contact_info.address[].line1</code></td><td><code>contact_info/addresses/address/line1</code></td><td>string</td>"
                )
            )
            // An example of a demo user in both forms.
            let json = try #require(Self.between(html, "Example in JSON (from the demo data)</h3><pre class=\"example\">", "</pre>"))
            let decoded = try #require(try JSONSerialization.jsonObject(with: Data(Self.unescaped(json).utf8)) as? [String: Any])
            #expect(decoded["primary_id"] is String)
            #expect((decoded["user_group"] as? [String: Any])?["value"] is String)
            let xml = try #require(Self.between(html, "Example in XML (from the demo data)</h3><pre class=\"example\">", "</pre>"))
            #expect(Self.unescaped(xml).contains("<primary_id>"))
        }
    }

    @Test func aJSONOnlyAreaHasNoXMLExampleAndAnUnknownAreaIsANotFoundPage() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let assets = try await client.send(.get, "/portal/docs/assets", key: nil)
            #expect(assets.status == 200)
            #expect(assets.text.contains("Bodies in JSON."))
            #expect(assets.text.contains("<td><code>records[].*</code></td><td><code>records/*</code></td><td>any JSON value</td>"))
            #expect(!assets.text.contains("Example in XML"))
            let unknown = try await client.send(.get, "/portal/docs/%3Cscript%3Ex", key: nil)
            #expect(unknown.status == 404)
            #expect(!unknown.text.contains("<script>x"))
            #expect(unknown.text.contains("&lt;script&gt;x"))
        }
    }

    static func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let lower = text.range(of: start)?.upperBound, let upper = text[lower...].range(of: end)?.lowerBound else { return nil }
        return String(text[lower..<upper])
    }

    static func unescaped(_ html: String) -> String {
        html.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
