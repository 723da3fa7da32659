extension Node {
    /// The longest text or attribute value a request body may carry in one place, in UTF-8 bytes.
    ///
    /// Stored documents are read back with libxml2, which refuses (without its "huge" option)
    /// a document whose unread part grows past 10,000,000 bytes; one value of a megabyte keeps
    /// every stored document well inside that, whatever else the body holds.
    public static let maximumTextBytes = 1_000_000

    /// The first member of the tree that a stored document cannot keep as it was given: a text
    /// or attribute value longer than ``maximumTextBytes``, or with a character XML 1.0 cannot
    /// carry (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF). Returns
    /// the member's path (`user/contact_info/emails/email/email_address`) and the reason. A tree
    /// too deep or too large for ``XMLCodec/parse(_:)`` to read back is refused at its root.
    public func firstUnstorableValue() -> (path: String, reason: String)? {
        var elements = 0
        if !fitsParser(depth: 1, elements: &elements) {
            return (name, "nests deeper than \(XMLCodec.maximumDepth) levels or has more than \(XMLCodec.maximumElements) elements")
        }
        return firstUnstorableText()
    }

    private func firstUnstorableText() -> (path: String, reason: String)? {
        if let text, let reason = Self.problem(in: text) { return (name, reason) }
        for attribute in attributes {
            if let reason = Self.problem(in: attribute.value) { return ("\(name)/@\(attribute.name)", reason) }
        }
        for child in children {
            if let found = child.firstUnstorableText() { return ("\(name)/\(found.path)", found.reason) }
        }
        return nil
    }

    /// Whether the tree from here, at `depth`, stays inside the parser's limits; counts elements.
    private func fitsParser(depth: Int, elements: inout Int) -> Bool {
        elements += 1
        guard depth <= XMLCodec.maximumDepth, elements <= XMLCodec.maximumElements else { return false }
        for child in children where !child.fitsParser(depth: depth + 1, elements: &elements) { return false }
        return true
    }

    /// Why `text` cannot be stored as given (too long, or a character XML cannot carry), or `nil`.
    public static func problem(in text: String) -> String? {
        if text.utf8.count > maximumTextBytes { return "is longer than \(maximumTextBytes) bytes" }
        let illegal = text.unicodeScalars.contains { scalar in
            (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0xFFFE || scalar.value == 0xFFFF
        }
        return illegal ? "holds a character XML cannot carry" : nil
    }
}

extension JSONValue {
    /// The first member of the value that a stored document cannot keep as given (see
    /// ``Node/problem(in:)``, keys included), as its path (`records[0].title`) and the reason.
    public func firstUnstorableValue(at path: String = "") -> (path: String, reason: String)? {
        switch self {
        case .string(let text):
            return Node.problem(in: text).map { (path, $0) }
        case .array(let values):
            for (index, value) in values.enumerated() {
                if let found = value.firstUnstorableValue(at: "\(path)[\(index)]") { return found }
            }
        case .object(let entries):
            for entry in entries {
                let here = path.isEmpty ? entry.key : "\(path).\(entry.key)"
                if let reason = Node.problem(in: entry.key) { return (here, "has a name that \(reason)") }
                if let found = entry.value.firstUnstorableValue(at: here) { return found }
            }
        case .null, .bool, .number:
            break
        }
        return nil
    }
}
