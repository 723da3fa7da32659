import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Alma's XML form of a ``Node`` tree: parse a request body, render a response body.
///
/// Parsing uses Foundation's `XMLParser` and refuses what an API body never needs and an
/// attacker likes: a DOCTYPE (so no entity declarations and no external entities), NUL bytes
/// (so no UTF-16/32 documents slipping past the DOCTYPE check), and nesting deeper than
/// ``maximumDepth``. Every failure is a ``RepresentationError``; nothing crashes.
///
/// The tree keeps what the wire carries: element names as written (prefixes included),
/// namespace declarations as attributes (`xmlns="…"`, so they round-trip), leaf text exactly,
/// and no whitespace-only text between child elements. A present but empty element
/// (`<label/>` or `<label></label>`) gets the text `""`. `XMLParser` does not report attribute
/// order, so attributes come back with namespace declarations first, then sorted by name.
///
/// Rendering writes `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` and the tree
/// without indentation. An element with no text, no children and no attributes means "absent"
/// and is left out.
public enum XMLCodec {
    /// The deepest element nesting a parsed document may have.
    public static let maximumDepth = 256
    /// The most elements a parsed document may have (an API object has some hundreds, a bib
    /// with its MARC record a few thousand): a body of a million elements only makes a request slow.
    public static let maximumElements = 100_000

    /// Parses an XML document into its root element.
    ///
    /// - throws: ``RepresentationError`` when the bytes are not a well-formed XML document,
    ///   contain a DOCTYPE or NUL bytes, or nest deeper than ``maximumDepth``.
    public static func parse(_ bytes: [UInt8]) throws(RepresentationError) -> Node {
        if let problem = bytes.withUnsafeBufferPointer(XMLInputCheck.problem(in:)) {
            throw RepresentationError("XML is not well-formed: \(problem.reason)")
        }
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = builder
        let succeeded = parser.parse()
        if let failure = builder.failure {
            throw RepresentationError(failure)
        }
        // `parse()` reports success for some errors after the root element (extra content),
        // so the error itself decides.
        let error = builder.parseError ?? parser.parserError
        guard succeeded, error == nil, let root = builder.root, builder.stack.isEmpty else {
            let reason = error.map { ": \(describe($0))" } ?? ""
            throw RepresentationError("XML is not well-formed\(reason)")
        }
        return root
    }

    /// Renders `node` as an XML document (or, with `declaration: false`, a bare element).
    ///
    /// This is on every XML response's path: it writes bytes straight into one buffer.
    public static func render(_ node: Node, declaration: Bool = true) -> [UInt8] {
        var out = ByteBuffer(capacity: 4096)
        if declaration {
            raw(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#, &out)
        }
        write(node, to: &out)
        return out.finish()
    }

    // MARK: - Rendering

    private static func write(_ node: Node, to out: inout ByteBuffer) {
        if node.text == nil && node.children.isEmpty && node.attributes.isEmpty { return }
        out.append(UInt8(ascii: "<"))
        out.append(node.name)
        for index in node.attributes.indices {
            out.append(UInt8(ascii: " "))
            out.append(node.attributes[index].name)
            raw(#"=""#, &out)
            escape(node.attributes[index].value, into: &out, attribute: true)
            out.append(UInt8(ascii: "\""))
        }
        if node.children.isEmpty && (node.text?.isEmpty ?? true) {
            raw("/>", &out)
            return
        }
        out.append(UInt8(ascii: ">"))
        if let text = node.text {
            escape(text, into: &out, attribute: false)
        }
        for index in node.children.indices {
            write(node.children[index], to: &out)
        }
        raw("</", &out)
        out.append(node.name)
        out.append(UInt8(ascii: ">"))
    }

    /// Appends a literal.
    @inline(__always)
    private static func raw(_ literal: StaticString, _ out: inout ByteBuffer) {
        out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Escapes markup characters; tab, newline and carriage return become character
    /// references (so they survive attribute and line-end normalization); other characters
    /// XML 1.0 cannot carry at all (C0 controls, U+FFFE, U+FFFF) become U+FFFD.
    private static func escape(_ string: String, into out: inout ByteBuffer, attribute: Bool) {
        var string = string
        let clean = string.withUTF8 { bytes -> Bool in
            for byte in bytes where byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0xEF {
                return false
            }
            out.append(contentsOf: bytes)
            return true
        }
        if clean { return }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": raw("&amp;", &out)
            case "<": raw("&lt;", &out)
            case ">": raw("&gt;", &out)
            case "\"": raw("&quot;", &out)
            case "\t": attribute ? raw("&#x9;", &out) : out.append(0x09)
            case "\n": attribute ? raw("&#xA;", &out) : out.append(0x0A)
            case "\r": raw("&#xD;", &out)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out.append(0xEF)
                    out.append(0xBF)
                    out.append(0xBD)
                } else {
                    out.append(String(scalar))
                }
            }
        }
    }

    // MARK: - Parsing

    private static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        let line = nsError.userInfo["NSXMLParserErrorLineNumber"].map { " at line \($0)" } ?? ""
        return "parser error \(nsError.code)\(line)"
    }
}

/// Builds a ``Node`` tree from `XMLParser` events.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    struct Open {
        var node: Node
        var text: String
    }

    var stack: [Open] = []
    var elements = 0
    var root: Node?
    var failure: String?
    var parseError: (any Error)?

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        guard failure == nil else { return }
        if root != nil {
            fail(parser, "XML is not well-formed: content after the root element")
            return
        }
        if stack.count >= XMLCodec.maximumDepth {
            fail(parser, "XML is nested deeper than \(XMLCodec.maximumDepth) elements")
            return
        }
        elements += 1
        if elements > XMLCodec.maximumElements {
            fail(parser, "XML has more than \(XMLCodec.maximumElements) elements")
            return
        }
        let attributes = attributeDict.sorted { lhs, rhs in
            let lhsNamespace = lhs.key == "xmlns" || lhs.key.hasPrefix("xmlns:")
            let rhsNamespace = rhs.key == "xmlns" || rhs.key.hasPrefix("xmlns:")
            if lhsNamespace != rhsNamespace { return lhsNamespace }
            return lhs.key < rhs.key
        }.map { Node.Attribute($0.key, $0.value) }
        stack.append(Open(node: Node(qualifiedName ?? elementName, attributes: attributes), text: ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard failure == nil, !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard failure == nil, !stack.isEmpty else { return }
        guard let string = String(data: CDATABlock, encoding: .utf8) else {
            fail(parser, "XML is not well-formed: CDATA is not UTF-8")
            return
        }
        stack[stack.count - 1].text += string
    }

    func parser(
        _ parser: XMLParser,
        didEndElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?
    ) {
        guard failure == nil, var open = stack.popLast() else { return }
        if open.node.children.isEmpty {
            open.node.text = open.text
        } else if !open.text.allSatisfy(\.isWhitespace) {
            open.node.text = open.text
        }
        if stack.isEmpty {
            root = open.node
        } else {
            stack[stack.count - 1].node.children.append(open.node)
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if self.parseError == nil { self.parseError = parseError }
    }

    func parser(_ parser: XMLParser, validationErrorOccurred validationError: any Error) {
        if parseError == nil { parseError = validationError }
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        fail(parser, "XML is not well-formed: entity declarations are not allowed")
    }

    func parser(
        _ parser: XMLParser,
        foundExternalEntityDeclarationWithName name: String,
        publicID: String?,
        systemID: String?
    ) {
        fail(parser, "XML is not well-formed: entity declarations are not allowed")
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        fail(parser, "XML is not well-formed: external entities are not allowed")
        return nil
    }

    private func fail(_ parser: XMLParser, _ message: String) {
        if failure == nil { failure = message }
        parser.abortParsing()
    }
}
