import Foundation
import LecternRepresentation
import Testing

@Suite("XMLCodec")
struct XMLCodecTests {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#

    @Test("parses elements, attributes, leaf text and drops whitespace between children")
    func parsesTree() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <user link="https://x/users/1">
                <primary_id> 12345 </primary_id>
                <user_group desc="Staff">08</user_group>
                <job_description></job_description>
                <label/>
            </user>
            """
        let node = try XMLCodec.parse(Array(xml.utf8))
        #expect(node.name == "user")
        #expect(node.attribute("link") == "https://x/users/1")
        #expect(node.text == nil)
        #expect(node.children.map(\.name) == ["primary_id", "user_group", "job_description", "label"])
        #expect(node.value("primary_id") == " 12345 ")
        #expect(node.child("user_group")?.attribute("desc") == "Staff")
        #expect(node.value("user_group") == "08")
        #expect(node.value("job_description") == "")
        #expect(node.value("label") == "")
    }

    @Test("renders with the declaration, no indentation, empty elements self-closed")
    func rendersCompact() {
        let node = Node(
            "user",
            attributes: [.init("link", "L")],
            children: [
                Node("primary_id", text: "1"),
                Node("job_description", text: ""),
                Node("absent"),
                Node("user_group", attributes: [.init("desc", "Staff")], text: "08"),
                Node("campus_code", attributes: [.init("desc", "")]),
            ]
        )
        let xml = XMLCodec.render(node).text
        #expect(
            xml == Self.declaration
                + #"<user link="L"><primary_id>1</primary_id><job_description/><user_group desc="Staff">08</user_group><campus_code desc=""/></user>"#
        )
        #expect(XMLCodec.render(node, declaration: false).text.hasPrefix("<user "))
    }

    @Test("an element without text, children or attributes is absent")
    func omitsAbsent() {
        let a = XMLCodec.render(Node("a", children: [Node("b"), Node("c", children: [])]), declaration: false).text
        #expect(a == "<a/>" || a == "<a></a>")
        #expect(XMLCodec.render(Node("a"), declaration: false).isEmpty)
    }

    @Test("escapes markup and control characters and parses them back")
    func escaping() throws {
        let tricky = "a & b < c > d \" e ' f \t g \n h \r i \u{1} j \u{7F} é 漢 🙂"
        let node = Node("x", attributes: [.init("attr", tricky)], children: [Node("t", text: tricky)])
        let xml = XMLCodec.render(node).text
        #expect(xml.contains("a &amp; b &lt; c &gt; d &quot; e"))
        #expect(!xml.contains("\u{1}"))
        let back = try XMLCodec.parse(Array(xml.utf8))
        let expected = tricky.replacingOccurrences(of: "\u{1}", with: "\u{FFFD}")
        #expect(back.value("t") == expected)
        #expect(back.attribute("attr") == expected)
    }

    @Test("namespace declarations are kept as attributes and round-trip")
    func namespaces() throws {
        let xml =
            Self.declaration
            + #"<web_service_result xmlns="http://com/exlibris/urm/general/xmlbeans"><errorsExist>true</errorsExist></web_service_result>"#
        let node = try XMLCodec.parse(Array(xml.utf8))
        #expect(node.attribute("xmlns") == "http://com/exlibris/urm/general/xmlbeans")
        #expect(node.value("errorsExist") == "true")
        #expect(XMLCodec.render(node).text == xml)
    }

    @Test("CDATA and entities become text")
    func cdataAndEntities() throws {
        let node = try XMLCodec.parse(Array("<a><b><![CDATA[x < y & z]]></b><c>&lt;&amp;&#233;&#x41;</c></a>".utf8))
        #expect(node.value("b") == "x < y & z")
        #expect(node.value("c") == "<&éA")
    }

    @Test(
        "recorded documents round-trip: parse, render, parse gives the same tree",
        arguments: [
            "bibsys-example/bib.xml", "bibsys-example/userrequests.xml", "bibsys-example/representation.xml",
            "bibsys-example/representations.xml", "php-alma-client/holding_response.xml",
            "php-alma-client/error_response.xml", "php-alma-client/analytics_response.xml",
        ]
    )
    func recordedRoundTrip(path: String) throws {
        let node = try XMLCodec.parse(try Recorded.bytes(path))
        let rendered = XMLCodec.render(node)
        #expect(rendered.text.hasPrefix(Self.declaration))
        #expect(try XMLCodec.parse(rendered) == node)
        #expect(XMLCodec.render(try XMLCodec.parse(rendered)) == rendered)
    }

    @Test("the analytics rowset keeps prefixed names and namespace declarations")
    func analyticsNamespaces() throws {
        let node = try XMLCodec.parse(try Recorded.bytes("php-alma-client/analytics_response.xml"))
        let rowset = try #require(node.descendant("QueryResult/ResultXml/rowset"))
        #expect(rowset.attribute("xmlns") == "urn:schemas-microsoft-com:xml-analysis:rowset")
        let schema = try #require(rowset.child("xsd:schema"))
        #expect(schema.attribute("xmlns:xsd") == "http://www.w3.org/2001/XMLSchema")
        #expect(rowset.children(named: "Row").count > 0)
    }

    @Test(
        "refuses DOCTYPE, entity declarations and external entities",
        arguments: [
            #"<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xx">]><a>&x;</a>"#,
            #"<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>"#,
            #"<?xml version="1.0"?><!doctype a [<!ENTITY % p SYSTEM "http://evil/">%p;]><a/>"#,
            #"<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>"#,
            "<a>&undefined;</a>",
        ]
    )
    func refusesDeclarations(xml: String) {
        #expect(throws: RepresentationError.self) { try XMLCodec.parse(Array(xml.utf8)) }
    }

    @Test("refuses UTF-16 documents (NUL bytes)")
    func refusesUTF16() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "<a>x</a>".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(throws: RepresentationError.self) { try XMLCodec.parse(bytes) }
    }

    @Test("limits nesting depth")
    func depthLimit() throws {
        let ok = String(repeating: "<a>", count: 200) + String(repeating: "</a>", count: 200)
        #expect(throws: Never.self) { try XMLCodec.parse(Array(ok.utf8)) }
        for depth in [257, 1_000, 100_000] {
            let deep = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
            #expect(throws: RepresentationError.self) { try XMLCodec.parse(Array(deep.utf8)) }
        }
    }

    @Test(
        "refuses empty and malformed input with a message",
        arguments: [
            "", "   \n", "x", "<", "<a>", "<a></b>", "<a/><b/>", "<a b=c/>", "<a>\u{1}</a>", "</a>",
            "<?xml version=\"1.0\"?>", "<a><!-- unterminated", "<a x=\"1\" x=\"2\"/>", "<1a/>",
        ]
    )
    func refusesMalformed(xml: String) {
        do {
            _ = try XMLCodec.parse(Array(xml.utf8))
            Issue.record("parsed malformed XML: \(xml)")
        } catch {
            #expect(error.message.hasPrefix("XML"))
        }
    }
}
