import Foundation
import LecternRepresentation
import LecternTesting
import Testing

@Suite("JSONCodec")
struct JSONCodecTests {
    /// A small user-like shape exercising every kind of hint.
    static let shape: Shape = .object([
        Shape.Member("link", .text, isAttribute: true, nullWhenAbsent: true),
        Shape.Member("primary_id", .text),
        Shape.Member("user_group", .code),
        Shape.Member("campus_code", .code),
        Shape.Member("balance", .number),
        Shape.Member("active", .boolean),
        Shape.Member("loans", .valued(.text), nullWhenAbsent: true),
        Shape.Member("count", .valued(.number)),
        Shape.Member("line2", .text, nullWhenAbsent: true),
        Shape.Member("country", .code, nullWhenAbsent: true),
        Shape.Member(
            "user_identifiers",
            .list(
                item: "user_identifier",
                of: .object([
                    Shape.Member("segment_type", .text, isAttribute: true),
                    Shape.Member("preferred", .boolean, isAttribute: true),
                    Shape.Member("id_type", .code),
                    Shape.Member("value", .text),
                ])
            )
        ),
        Shape.Member("proxy_for_users", .list(item: "proxy_for_user", of: .object([Shape.Member("primary_id", .text)]))),
        Shape.Member("note", .object([Shape.Member("text", .text)]), repeats: true),
    ])

    static let user = Node(
        "user",
        attributes: [.init("xmlns", "urn:x"), .init("link", "https://x/1")],
        children: [
            Node("primary_id", text: "007"),
            Node("user_group", attributes: [.init("desc", "Staff")], text: "08"),
            Node("campus_code", text: ""),
            Node("balance", text: "750.5"),
            Node("active", text: "true"),
            Node("loans", attributes: [.init("link", "https://x/1/loans")], text: "14"),
            Node("count", attributes: [.init("link", "L")], text: "3"),
            Node(
                "user_identifiers",
                children: [
                    Node(
                        "user_identifier",
                        attributes: [.init("segment_type", "Internal"), .init("preferred", "true")],
                        children: [
                            Node("id_type", attributes: [.init("desc", "Barcode")], text: "BARCODE"),
                            Node("value", text: "b1"),
                        ]
                    )
                ]
            ),
            Node("proxy_for_users", text: ""),
            Node("note", children: [Node("text", text: "one")]),
            Node("extra", text: "kept"),
            Node("extra_list", children: [Node("item", text: "1"), Node("item", text: "2")]),
            Node("flagged", attributes: [.init("on", "yes")], text: "v"),
        ]
    )

    @Test("renders every hint as Alma does")
    func rendersHints() throws {
        let json = try CanonicalJSON(json: JSONCodec.render(Self.user, as: Self.shape))
        let expected = try CanonicalJSON(
            json: Array(
                #"""
                {"link":"https://x/1","primary_id":"007","user_group":{"value":"08","desc":"Staff"},
                 "campus_code":{"value":"","desc":null},"balance":750.5,"active":true,
                 "loans":{"value":"14","link":"https://x/1/loans"},"count":{"value":3,"link":"L"},
                 "line2":null,"country":{"value":null,"desc":null},
                 "user_identifier":[{"segment_type":"Internal","preferred":true,
                    "id_type":{"value":"BARCODE","desc":"Barcode"},"value":"b1"}],
                 "proxy_for_user":[],"note":[{"text":"one"}],
                 "extra":"kept","extra_list":{"item":["1","2"]},"flagged":{"value":"v","on":"yes"}}
                """#.utf8
            )
        )
        #expect(json.differences(from: expected) == [])
    }

    @Test("writes members in shape order, unknown children after them")
    func order() {
        let text = JSONCodec.render(Self.user, as: Self.shape).text
        let keys = ["\"link\"", "\"primary_id\"", "\"user_group\"", "\"loans\"", "\"user_identifier\"", "\"note\"", "\"extra\""]
        let positions = keys.map { text.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test("JSON -> Node -> JSON is the identity on Alma-shaped JSON")
    func roundTrip() throws {
        let first = JSONCodec.render(Self.user, as: Self.shape)
        let node = try JSONCodec.parse(first, root: "user", as: Self.shape)
        let second = JSONCodec.render(node, as: Self.shape)
        #expect(try CanonicalJSON(json: second).differences(from: CanonicalJSON(json: first)) == [])
        // And through XML.
        let viaXML = JSONCodec.render(try XMLCodec.parse(XMLCodec.render(node)), as: Self.shape)
        #expect(try CanonicalJSON(json: viaXML).differences(from: CanonicalJSON(json: first)) == [])
    }

    @Test("parsing restores wrappers, attributes and code fields")
    func parsesIntoXMLForm() throws {
        let json = #"""
            {"primary_id":"1","user_group":{"value":"08","desc":"Staff"},"link":"L",
             "user_identifier":[{"segment_type":"Internal","value":"b1","id_type":{"value":"BARCODE","desc":"Barcode"}}],
             "proxy_for_user":[], "unknown":{"a":"1","b":["x","y"]}}
            """#
        let node = try JSONCodec.parse(Array(json.utf8), root: "user", as: Self.shape)
        let xml = XMLCodec.render(node, declaration: false).text
        #expect(
            xml
                == #"<user link="L"><primary_id>1</primary_id><user_group desc="Staff">08</user_group>"#
                + #"<user_identifiers><user_identifier segment_type="Internal"><id_type desc="Barcode">BARCODE</id_type>"#
                + #"<value>b1</value></user_identifier></user_identifiers><proxy_for_users/>"#
                + #"<unknown><a>1</a><b>x</b><b>y</b></unknown></user>"#
        )
    }

    @Test("lenient: plain code values, single objects for arrays, numbers and booleans as text, wrapped forms")
    func lenient() throws {
        let json = #"""
            {"user":{"user_group":"08","balance":"12","active":"false","primary_id":42,
             "user_identifier":{"value":"b1","id_type":"BARCODE"},
             "note":{"text":true},
             "proxy_for_users":{"proxy_for_user":{"primary_id":"p"}},
             "loans":{"value":3}}}
            """#
        let node = try JSONCodec.parse(Array(json.utf8), root: "user", as: Self.shape)
        #expect(node.value("user_group") == "08")
        #expect(node.child("user_group")?.attributes == [])
        #expect(node.value("primary_id") == "42")
        #expect(node.value("balance") == "12")
        #expect(node.value("active") == "false")
        #expect(node.value("user_identifiers/user_identifier/id_type") == "BARCODE")
        #expect(node.value("note/text") == "true")
        #expect(node.value("proxy_for_users/proxy_for_user/primary_id") == "p")
        #expect(node.value("loans") == "3")
        let rendered = try CanonicalJSON(json: JSONCodec.render(node, as: Self.shape))
        #expect(rendered["balance"] == .number(12))
        #expect(rendered["active"] == .bool(false))
        #expect(rendered["user_group"] == .object(["value": .string("08"), "desc": .null]))
    }

    @Test(
        "structural errors name the field",
        arguments: [
            (#"{"primary_id":["a"]}"#, "primary_id"),
            (#"{"user_group":[{"value":"x"}]}"#, "user_group"),
            (#"{"user_group":{"value":{"x":1}}}"#, "user_group.value"),
            (#"{"user_identifier":[{"id_type":["x"]}]}"#, "user_identifier[0].id_type"),
            (#"{"user_identifier":[{"value":"a"}, {"value":[]}]}"#, "user_identifier[1].value"),
            (#"{"user_identifier":[1]}"#, "user_identifier[0]"),
            (#"{"link":{"a":1}}"#, "link"),
            (#"{"note":[{"text":"a"},[1]]}"#, "note[1]"),
            (#"{"unknown":[[1]]}"#, "unknown[0]"),
            (#"{"bad name":"x"}"#, "bad name"),
            (#"{"x":{"1abc":"x"}}"#, "x.1abc"),
        ]
    )
    func structuralErrors(json: String, field: String) {
        do {
            _ = try JSONCodec.parse(Array(json.utf8), root: "user", as: Self.shape)
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.message.contains("'\(field)'"), "\(error.message)")
        }
    }

    @Test(
        "invalid JSON and non-object bodies are refused",
        arguments: [
            "", " ", "{", "}", "[]", "\"x\"", "1", "null", "true", "{\"a\":}", "{\"a\" 1}", "{\"a\":1,}", "[1,]",
            "{\"a\":\"\\x\"}", "{\"a\":\"\u{1}\"}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":-}", "{\"a\":1e}", "{'a':1}",
            "{\"a\":1} x", "{\"a\":tru}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00x\"}", "{\"a\":NaN}",
        ]
    )
    func invalidJSON(json: String) {
        #expect(throws: RepresentationError.self) { try JSONCodec.parse(Array(json.utf8), root: "user", as: Self.shape) }
    }

    @Test("invalid UTF-8 is refused")
    func invalidUTF8() {
        let bytes: [UInt8] = Array(#"{"primary_id":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(throws: RepresentationError.self) { try JSONCodec.parse(bytes, root: "user", as: Self.shape) }
    }

    @Test("nesting deeper than the limit is refused, not a crash")
    func deepJSON() {
        for depth in [300, 10_000, 200_000] {
            let deep = Array((String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)).utf8)
            #expect(throws: RepresentationError.self) { try JSONCodec.parse(deep, root: "user", as: Self.shape) }
            let arrays = Array(("{\"a\":" + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}").utf8)
            #expect(throws: RepresentationError.self) { try JSONCodec.parse(arrays, root: "user", as: Self.shape) }
        }
    }

    @Test("string escaping: quotes, backslash, control characters, UTF-8 passed through")
    func stringEscaping() throws {
        var all = ""
        for value in 0..<0x20 { all.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        let text = "q\"b\\s/\(all)\u{7F}é漢🙂\u{2028}"
        let bytes = JSONCodec.render(Node("x", children: [Node("s", text: text)]), as: .object([Shape.Member("s", .text)]))
        let rendered = bytes.text
        #expect(rendered.contains(#"q\"b\\s/"#))
        #expect(rendered.contains(#"\u0000\u0001"#))
        #expect(rendered.contains(#"\b\t\n\u000b\f\r"#))
        #expect(rendered.contains("\u{7F}é漢🙂"))
        #expect(!bytes.contains { $0 < 0x20 })
        #expect(try CanonicalJSON(json: bytes)["s"] == .string(text))
        let back = try JSONCodec.parse(bytes, root: "x", as: .object([Shape.Member("s", .text)]))
        #expect(back.value("s") == text)
    }

    @Test("escape sequences and surrogate pairs parse")
    func parsesEscapes() throws {
        let json = #"{"s":"\u00e9\ud83d\ude42\n\/\"\\\b\f\r\t"}"#
        let node = try JSONCodec.parse(Array(json.utf8), root: "x", as: .object([Shape.Member("s", .text)]))
        #expect(node.value("s") == "é🙂\n/\"\\\u{8}\u{C}\r\t")
    }

    @Test("numbers: valid literals as numbers, anything else as strings")
    func numbers() throws {
        let shape: Shape = .object([Shape.Member("n", .number, repeats: true)])
        let values = ["0", "-1", "750", "53.49", "1e5", "-0.5E-3", "01", "1.", "+1", "NaN", "", " 1", "12a", "0x10", "-"]
        let node = Node("x", children: values.map { Node("n", text: $0) })
        let rendered = try CanonicalJSON(json: JSONCodec.render(node, as: shape))
        guard case .array(let items)? = rendered["n"] else {
            Issue.record("n is not an array")
            return
        }
        for (value, item) in zip(values, items) {
            if ["0", "-1", "750", "53.49", "1e5", "-0.5E-3"].contains(value) {
                #expect(item == .number(Double(value)!), "\(value)")
            } else {
                #expect(item == .string(value), "\(value)")
            }
        }
    }

    @Test("booleans: true/false as JSON booleans, other text as strings")
    func booleans() throws {
        let shape: Shape = .object([Shape.Member("b", .boolean, repeats: true)])
        let node = Node("x", children: ["true", "false", "TRUE", "1", ""].map { Node("b", text: $0) })
        let rendered = try CanonicalJSON(json: JSONCodec.render(node, as: shape))
        #expect(rendered["b"] == .array([.bool(true), .bool(false), .string("TRUE"), .string("1"), .string("")]))
    }

    @Test("repeats: always an array, omitted when there are none")
    func repeats() throws {
        let shape: Shape = .object([Shape.Member("e", .text, repeats: true), Shape.Member("n", .number, isAttribute: true)])
        #expect(JSONCodec.render(Node("x", attributes: [.init("n", "0")]), as: shape).text == #"{"n":0}"#)
        #expect(JSONCodec.render(Node("x", children: [Node("e", text: "a")]), as: shape).text == #"{"e":["a"]}"#)
    }

    @Test("unknown elements survive JSON -> XML -> JSON generically")
    func unknownRoundTrip() throws {
        let json = #"""
            {"primary_id":"1","extra":"x","obj":{"a":"1","b":{"c":"2"},"list":["p","q"],"num":3,"flag":false},
             "linked":{"value":"7","link":"L"},"rows":[{"k":"1"},{"k":"2"}],"empty":{}}
            """#
        let node = try JSONCodec.parse(Array(json.utf8), root: "user", as: Self.shape)
        let xml = XMLCodec.render(node)
        let back = JSONCodec.render(try XMLCodec.parse(xml), as: Self.shape)
        let expected = try CanonicalJSON(
            json: Array(
                #"""
                {"primary_id":"1","extra":"x","obj":{"a":"1","b":{"c":"2"},"list":["p","q"],"num":"3","flag":"false"},
                 "linked":{"value":"7","link":"L"},"rows":[{"k":"1"},{"k":"2"}],"empty":"","link":null,"loans":null,
                 "line2":null,"country":{"value":null,"desc":null}}
                """#.utf8
            )
        )
        #expect(try CanonicalJSON(json: back).differences(from: expected) == [])
    }

    @Test("normalized orders children into shape order, unknown ones last")
    func normalized() {
        let node = Node(
            "user",
            children: [
                Node("zzz", text: "u"), Node("note", children: [Node("text", text: "2")]), Node("primary_id", text: "1"),
                Node("note", children: [Node("text", text: "3")]), Node("user_group", text: "g"),
            ]
        )
        let normalized = Self.shape.normalized(node)
        #expect(normalized.children.map(\.name) == ["primary_id", "user_group", "note", "note", "zzz"])
        #expect(normalized.children(named: "note").map { $0.value("text") } == ["2", "3"])
    }

    @Test("renders a full user in a few microseconds")
    func speed() {
        var node = Self.user
        for index in 0..<20 {
            node.children.append(Node("extra\(index)", attributes: [.init("desc", "d")], text: "v\(index)"))
        }
        let clock = ContinuousClock()
        var bytes = 0
        let elapsed = clock.measure {
            for _ in 0..<2_000 { bytes &+= JSONCodec.render(node, as: Self.shape).count }
        }
        #expect(bytes > 0)
        // Generous even for debug builds on a shared machine; a release build is far faster.
        #expect(elapsed < .seconds(4))
    }
}
