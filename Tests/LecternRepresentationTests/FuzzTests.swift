import Foundation
import LecternCore
import LecternRepresentation
import Testing

/// Garbage in, `RepresentationError` or a tree out: never a crash, never a hang.
@Suite("Fuzzing")
struct FuzzTests {
    static let recordedXML = [
        "bibsys-example/bib.xml", "bibsys-example/userrequests.xml", "php-alma-client/error_response.xml",
        "php-alma-client/holding_response.xml", "php-alma-client/analytics_response.xml",
    ]
    static let recordedJSON = [
        "bibsys-example/userrequests.json", "bibsys-example/representation.json",
        "bibsys-example/representations.json", "php-alma-client/error_response.json",
        "php-alma-client/holding_response.json",
    ]
    static let anyShape: Shape = .object([
        Shape.Member("a", .code), Shape.Member("b", .list(item: "c", of: .object([Shape.Member("d", .number)]))),
        Shape.Member("e", .boolean, repeats: true), Shape.Member("f", .text, isAttribute: true),
    ])

    /// Whatever parses must render, and the rendering must parse again to the same tree.
    func checkXML(_ bytes: [UInt8]) {
        guard let node = try? XMLCodec.parse(bytes) else { return }
        let rendered = XMLCodec.render(node)
        #expect((try? XMLCodec.parse(rendered)) == node)
        _ = JSONCodec.render(node, as: Self.anyShape)
    }

    func checkJSON(_ bytes: [UInt8]) {
        guard let node = try? JSONCodec.parse(bytes, root: "r", as: Self.anyShape) else { return }
        let json = JSONCodec.render(node, as: Self.anyShape)
        #expect((try? JSONSerialization.jsonObject(with: Data(json))) != nil, "\(json.text)")
        let xml = XMLCodec.render(node)
        #expect((try? XMLCodec.parse(xml)) != nil, "\(xml.text)")
    }

    @Test("random bytes")
    func randomBytes() {
        var random = SeededGenerator(seed: 1)
        for _ in 0..<2_000 {
            let count = Int.random(in: 0..<200, using: &random)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
            checkXML(bytes)
            checkJSON(bytes)
            checkXML([UInt8]("<a>".utf8) + bytes + [UInt8]("</a>".utf8))
            checkJSON([UInt8]("{\"a\":\"".utf8) + bytes + [UInt8]("\"}".utf8))
        }
    }

    @Test("random markup-heavy text")
    func randomMarkup() {
        var random = SeededGenerator(seed: 2)
        let xmlAlphabet = Array("<>/=\"' &;#x!?[]-abc:\n\t".utf8) + [0xC3, 0xA9, 0xFF]
        let jsonAlphabet = Array("{}[]:,\"\\/ -+.eE0123456789abtrufnlsu\n".utf8) + [0xC3, 0xA9, 0x00, 0xFF]
        for _ in 0..<3_000 {
            let count = Int.random(in: 0..<120, using: &random)
            checkXML((0..<count).map { _ in xmlAlphabet.randomElement(using: &random)! })
            checkJSON((0..<count).map { _ in jsonAlphabet.randomElement(using: &random)! })
        }
    }

    @Test("truncated and mutated recordings", arguments: recordedXML)
    func truncatedXML(path: String) throws {
        let bytes = try Recorded.bytes(path)
        var random = SeededGenerator(seed: UInt64(bytes.count))
        let step = max(1, bytes.count / 300)
        for end in stride(from: 0, to: bytes.count, by: step) {
            checkXML(Array(bytes[..<end]))
        }
        for _ in 0..<300 {
            var mutated = bytes
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                mutated[Int.random(in: 0..<mutated.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            checkXML(mutated)
        }
    }

    @Test("truncated and mutated JSON recordings", arguments: recordedJSON)
    func truncatedJSON(path: String) throws {
        let bytes = try Recorded.bytes(path)
        var random = SeededGenerator(seed: UInt64(bytes.count) &+ 7)
        let step = max(1, bytes.count / 300)
        for end in stride(from: 0, to: bytes.count, by: step) {
            checkJSON(Array(bytes[..<end]))
        }
        for _ in 0..<300 {
            var mutated = bytes
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                mutated[Int.random(in: 0..<mutated.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            checkJSON(mutated)
        }
        #expect(throws: Never.self) { try JSONCodec.parse(bytes, root: "r", as: Self.anyShape) }
    }

    @Test("random trees render to XML and JSON that parse back")
    func randomTrees() throws {
        var random = SeededGenerator(seed: 3)
        let names = ["a", "b", "c", "d", "e", "f", "x", "ns:y", "z-1", "é"]
        let texts = ["", " ", "x", "1", "-2.5", "true", "<&>\"'", "\u{1}\u{8}", "漢字", "\r\n", "  lead"]
        func tree(_ depth: Int) -> Node {
            var node = Node(names.randomElement(using: &random)!)
            if Bool.random(using: &random) {
                node.setAttribute(["f", "desc", "link", "g"].randomElement(using: &random)!, texts.randomElement(using: &random)!)
            }
            if depth > 0 && Bool.random(using: &random) {
                node.children = (0..<Int.random(in: 1...4, using: &random)).map { _ in tree(depth - 1) }
            } else if Int.random(in: 0..<5, using: &random) > 0 {
                node.text = texts.randomElement(using: &random)!
            }
            return node
        }
        for _ in 0..<1_000 {
            var root = tree(5)
            root.name = "r"
            root.attributes.removeAll { $0.name.hasPrefix("xmlns") }
            let json = JSONCodec.render(root, as: Self.anyShape)
            #expect((try? JSONSerialization.jsonObject(with: Data(json))) != nil, "\(json.text)")
            _ = try? JSONCodec.parse(json, root: "r", as: Self.anyShape)
            let xml = XMLCodec.render(root)
            // Prefixes without declarations are namespace errors in libxml2; either outcome is fine
            // as long as it does not crash.
            _ = try? XMLCodec.parse(xml)
        }
    }

    @Test("deep nesting in every form")
    func deepNesting() {
        for depth in [255, 256, 257, 5_000, 50_000] {
            checkXML(Array((String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)).utf8))
            checkXML(Array(String(repeating: "<a>", count: depth).utf8))
            checkJSON(Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8))
            checkJSON(Array(("{\"a\":" + String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth + 1)).utf8))
        }
        // A deep tree built in code still renders.
        var node = Node("leaf", text: "x")
        for _ in 0..<300 { node = Node("a", children: [node]) }
        #expect(!XMLCodec.render(node).isEmpty)
        #expect(!JSONCodec.render(node, as: .text).isEmpty)
    }
}
