import Foundation
import LecternCore
import LecternRepresentation
import Testing

/// The shapes of JSON-only APIs: `.any` keeps a value exactly as written, through the XML form
/// a store keeps; `.open` keeps members in the order they came.
struct OpenShapeTests {
    static let written: Shape = .open([], others: .any, othersRepeat: false)

    /// `json` read into the node form, stored as XML, read back and written as JSON.
    static func throughTheStore(_ json: String) throws -> String {
        let node = try JSONCodec.parse(Array(json.utf8), root: "record", as: written)
        let stored = try XMLCodec.parse(XMLCodec.render(node))
        return String(decoding: JSONCodec.render(stored, as: written), as: UTF8.self)
    }

    @Test(arguments: [
        #"{}"#,
        #"{"title":"A","n":null,"t":true,"f":false,"zero":0,"literal":-1.50E+3,"empty":"","blank":"   "}"#,
        #"{"a":[],"b":{},"c":[[],[[]],{}],"d":[{"x":[1,"1",true,null]}]}"#,
        #"{"@id":"k","a b":1,"":"empty key","1st":2,"xmlns":"x","xml-ish":3,"member":"m","item":[4],"type":"t","key":"k"}"#,
        #"{"dup":1,"dup":"two","dup":[3]}"#,
        #"{"markup":"<a href=\"x\">&amp;</a>","tabs":"a\tb\nc\r","unicode":"é 😀 \u2028"}"#,
    ])
    func aValueReadsBackAsWritten(json: String) throws {
        let expected = json.replacingOccurrences(of: #"\u2028"#, with: "\u{2028}")
        #expect(try Self.throughTheStore(json) == expected)
    }

    @Test func randomValuesReadBackEqualAsFoundationReadsThem() throws {
        var random = SeededGenerator(seed: 29)
        for _ in 0..<300 {
            let json = Self.randomObject(&random, depth: 0)
            let back = try Self.throughTheStore(json)
            let before = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed) as? NSDictionary
            let after = try JSONSerialization.jsonObject(with: Data(back.utf8), options: .fragmentsAllowed) as? NSDictionary
            #expect(before != nil && before == after, "\(json)\n\(back)")
        }
    }

    @Test func anOpenObjectKeepsItsOrderAndGroupsRepeatedMembers() {
        let shape: Shape = .open([.text("single"), Shape.Member("tags", .text, repeats: true)], others: .text, othersRepeat: true)
        let node = Node(
            "section",
            children: [
                Node("zeta", text: "1"), Node("tags", text: "t"), Node("single", text: "s"), Node("alpha", text: "2"),
                Node("zeta", text: "3"),
            ]
        )
        let json = String(decoding: JSONCodec.render(node, as: shape), as: UTF8.self)
        #expect(json == #"{"zeta":["1","3"],"tags":["t"],"single":"s","alpha":["2"]}"#)
        #expect(String(decoding: JSONCodec.render(Node("section", text: ""), as: shape), as: UTF8.self) == "{}")
    }

    @Test func aStoredValueWhoseTypeDoesNotFitItsTextIsAString() throws {
        let stored = try XMLCodec.parse(Array(#"<r><a type="number">1e</a><b type="boolean">yes</b><c type="bogus">x</c></r>"#.utf8))
        #expect(String(decoding: JSONCodec.render(stored, as: Self.written), as: UTF8.self) == #"{"a":"1e","b":"yes","c":"x"}"#)
    }

    @Test func valuesAStoreCouldNotReadBackAreRefused() throws {
        let tooDeep = #"{"x":"# + String(repeating: "[", count: 65) + String(repeating: "]", count: 65) + "}"
        #expect(throws: RepresentationError.self) { try JSONCodec.parse(Array(tooDeep.utf8), root: "r", as: Self.written) }
        let deepEnough = #"{"x":"# + String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "}"
        #expect(try Self.throughTheStore(deepEnough) == deepEnough)

        let wide = Node("r", children: Array(repeating: Node("v", text: "1"), count: XMLCodec.maximumElements))
        #expect(wide.firstUnstorableValue()?.path == "r")
        var nested = Node("leaf", text: "x")
        for _ in 0..<XMLCodec.maximumDepth { nested = Node("level", children: [nested]) }
        #expect(nested.firstUnstorableValue()?.reason.contains("deeper") == true)
    }

    // MARK: - Random JSON, written here (not by the engine under test)

    static func randomObject(_ random: inout SeededGenerator, depth: Int) -> String {
        let count = depth > 3 ? 0 : random.int(5)
        let keys = Set((0..<count).map { _ in randomString(&random) })
        return "{" + keys.map { "\(quoted($0)):\(randomValue(&random, depth: depth + 1))" }.joined(separator: ",") + "}"
    }

    static func randomValue(_ random: inout SeededGenerator, depth: Int) -> String {
        switch random.int(depth > 3 ? 5 : 7) {
        case 0: return "null"
        case 1: return random.int(2) == 0 ? "true" : "false"
        case 2: return ["0", "-7", "3.25", "1e3", "-0.5E-2", "12345678901234567890"][random.int(6)]
        case 3, 4: return quoted(randomString(&random))
        case 5: return "[" + (0..<random.int(4)).map { _ in randomValue(&random, depth: depth + 1) }.joined(separator: ",") + "]"
        default: return randomObject(&random, depth: depth)
        }
    }

    static func randomString(_ random: inout SeededGenerator) -> String {
        let alphabet = Array("ab Z9_-.@:é😀<>&\"\\\t\n/ ")
        return String((0..<random.int(6)).map { _ in alphabet[random.int(alphabet.count)] })
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
