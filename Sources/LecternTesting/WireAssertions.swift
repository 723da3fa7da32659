import Foundation
import FoundationXML

/// Reads answers independently of Lectern's representation engine: JSON through
/// `JSONSerialization`, XML through `XMLDocument`-free `XMLParser` element collection.
public enum Wire {
    /// The JSON body as a dictionary (fails the test by throwing when it is not an object).
    public static func json(_ bytes: some Sequence<UInt8>) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) as? [String: Any] else {
            throw WireError("body is not a JSON object")
        }
        return object
    }

    /// The error codes of an Alma error body in JSON.
    public static func jsonErrorCodes(_ bytes: some Sequence<UInt8>) throws -> [String] {
        let body = try json(bytes)
        let errors = (body["errorList"] as? [String: Any])?["error"] as? [[String: Any]] ?? []
        return errors.compactMap { $0["errorCode"] as? String }
    }

    /// Every element's text by element name (in document order) and the root's name and attributes.
    public static func xml(_ bytes: some Sequence<UInt8>) throws -> XMLSummary {
        let parser = XMLParser(data: Data(bytes))
        let collector = XMLCollector()
        parser.delegate = collector
        guard parser.parse() else { throw WireError("body is not well-formed XML: \(String(decoding: Array(bytes).prefix(200), as: UTF8.self))") }
        return collector.summary
    }

    /// Thrown when a body is not what it should be.
    public struct WireError: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}

/// What a test reads from an XML answer.
public struct XMLSummary: Sendable {
    /// The root element's name.
    public var root = ""
    /// The root element's attributes.
    public var rootAttributes: [String: String] = [:]
    /// The texts of all elements with a given name, in order.
    public var texts: [String: [String]] = [:]
    /// The attributes of all elements with a given name, in order.
    public var attributes: [String: [[String: String]]] = [:]
    /// The path of every element (`user/contact_info/emails/email`), in order.
    public var paths: [String] = []

    /// The first text of the element `name`.
    public func text(_ name: String) -> String? { texts[name]?.first }
}

private final class XMLCollector: NSObject, XMLParserDelegate {
    var summary = XMLSummary()
    private var stack: [String] = []
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:])
    {
        if stack.isEmpty {
            summary.root = name
            summary.rootAttributes = attributes
        }
        stack.append(name)
        summary.paths.append(stack.joined(separator: "/"))
        summary.attributes[name, default: []].append(attributes)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        summary.texts[name, default: []].append(text)
        text = ""
        stack.removeLast()
    }
}
