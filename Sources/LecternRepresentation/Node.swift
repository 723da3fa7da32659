/// One element of an object's canonical form: the Alma XML tree.
///
/// Every Alma object is held as a `Node` tree shaped like its XML form: element names,
/// attributes in order, and either text or child elements. The XML and JSON forms are both
/// rendered from this one tree (see ``XMLCodec`` and ``JSONCodec``), so that no object has
/// a serializer of its own.
///
/// `text == nil` means "no value": the element is left out of XML and becomes `null` in JSON.
/// An empty string is a present, empty value (`<job_description></job_description>`, `""`).
public struct Node: Sendable, Hashable {
    /// The element name, as on the wire (`user`, `primary_id`, `user_identifiers`).
    public var name: String
    /// Attributes in document order (`desc`, `link`, `segment_type`, `total_record_count`, ...).
    public var attributes: [Attribute]
    /// The element's text, for leaf elements; `nil` when absent.
    public var text: String?
    /// Child elements in document order.
    public var children: [Node]

    /// Creates an element.
    public init(_ name: String, attributes: [Attribute] = [], text: String? = nil, children: [Node] = []) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
    }

    /// A name and value pair on an element.
    public struct Attribute: Sendable, Hashable {
        /// The attribute name.
        public var name: String
        /// The attribute value.
        public var value: String

        /// Creates an attribute.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }
}

extension Node {
    /// The first child named `name`, or `nil`.
    public func child(_ name: String) -> Node? {
        children.first { $0.name == name }
    }

    /// Every child named `name`, in order.
    public func children(named name: String) -> [Node] {
        children.filter { $0.name == name }
    }

    /// The node at a slash-separated path of child names (`contact_info/emails`), or `nil`.
    public func descendant(_ path: String) -> Node? {
        var node = self
        for name in path.split(separator: "/") {
            guard let next = node.child(String(name)) else { return nil }
            node = next
        }
        return node
    }

    /// The text of the child at `path`, or `nil` when the child is missing or has no text.
    public func value(_ path: String) -> String? {
        descendant(path)?.text
    }

    /// The value of the attribute `name`, or `nil`.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Sets (or with `nil`, removes) the attribute `name`, keeping its position when it exists.
    public mutating func setAttribute(_ name: String, _ value: String?) {
        if let index = attributes.firstIndex(where: { $0.name == name }) {
            if let value { attributes[index].value = value } else { attributes.remove(at: index) }
        } else if let value {
            attributes.append(Attribute(name, value))
        }
    }

    /// Replaces the first child named `node.name` with `node`, or appends it.
    public mutating func setChild(_ node: Node) {
        if let index = children.firstIndex(where: { $0.name == node.name }) {
            children[index] = node
        } else {
            children.append(node)
        }
    }

    /// Removes every child named `name` (that also satisfies `condition`, when given).
    public mutating func removeChildren(named name: String, where condition: (Node) -> Bool = { _ in true }) {
        children.removeAll { $0.name == name && condition($0) }
    }
}
