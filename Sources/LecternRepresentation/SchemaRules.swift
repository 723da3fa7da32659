/// What an object's XSD says of each of its simple fields: the value's kind and, for text, its
/// longest length. Generated from the vendor's XSDs by `scripts/xsd_rules.py`, one table per
/// object, and checked on every write so that what is stored is what the schema allows.
///
/// Paths are below the root element, wrappers included (`contact_info/emails/email/email_address`);
/// an attribute is `@name` after its element's path (`user_roles/user_role/@desc`, `@link` on the root).
public struct SchemaRules: Sendable {
    /// One field's rule.
    public struct Rule: Sendable, Hashable {
        /// The XSD built-in type a field's value is written in.
        public enum Kind: String, Sendable, Hashable {
            case string, date, dateTime, boolean, int, float
        }

        /// The kind of value.
        public var kind: Kind
        /// The most characters the value may have (`xs:maxLength`), when the XSD sets one.
        public var maximumLength: Int?

        /// Creates a rule.
        public init(_ kind: Kind, maximumLength: Int? = nil) {
            self.kind = kind
            self.maximumLength = maximumLength
        }
    }

    /// The rules by path.
    public let rules: [String: Rule]

    /// Creates the table.
    public init(_ rules: [String: Rule]) {
        self.rules = rules
    }

    /// The first value of `node` (the object's root element) that its rule refuses, as the
    /// field's path and the reason; empty values are absent ones and pass.
    public func firstViolation(in node: Node) -> (path: String, reason: String)? {
        violation(in: node, path: "")
    }

    private func violation(in node: Node, path: String) -> (path: String, reason: String)? {
        for attribute in node.attributes {
            let key = path.isEmpty ? "@\(attribute.name)" : "\(path)/@\(attribute.name)"
            if let rule = rules[key], let reason = rule.problem(with: attribute.value) { return (key, reason) }
        }
        for child in node.children {
            let key = path.isEmpty ? child.name : "\(path)/\(child.name)"
            if let rule = rules[key], let text = child.text, let reason = rule.problem(with: text) { return (key, reason) }
            if let found = violation(in: child, path: key) { return found }
        }
        return nil
    }
}

extension SchemaRules.Rule {
    /// Why `value` does not fit this rule, or `nil` when it does.
    public func problem(with value: String) -> String? {
        if value.isEmpty { return nil }
        if let maximumLength, value.unicodeScalars.count > maximumLength {
            return "is longer than \(maximumLength) characters"
        }
        switch kind {
        case .string:
            return nil
        case .date:
            return XSDLexical.isDate(value) ? nil : "is not a date (YYYY-MM-DD)"
        case .dateTime:
            return XSDLexical.isDateTime(value) || XSDLexical.isDate(value) ? nil : "is not a date and time (YYYY-MM-DDThh:mm:ssZ)"
        case .boolean:
            return ["true", "false", "1", "0"].contains(value) ? nil : "is not a boolean (true or false)"
        case .int:
            return Int32(value.hasPrefix("+") ? String(value.dropFirst()) : value) != nil ? nil : "is not a whole number"
        case .float:
            return Double(value).map(\.isFinite) == true ? nil : "is not a number"
        }
    }
}

/// The lexical forms of XSD's `xs:date` and `xs:dateTime` (XML Schema part 2, 3.2.7 and 3.2.9).
enum XSDLexical {
    /// `2026-12-07`, with an optional time zone (`Z`, `+02:00`), as Alma writes dates (`2030-01-16Z`).
    static func isDate(_ text: String) -> Bool {
        var scalars = Substring(text).utf8[...]
        guard readDate(&scalars) else { return false }
        return readZone(&scalars) && scalars.isEmpty
    }

    /// `2026-12-07T09:30:00`, optional fractional seconds, optional time zone.
    static func isDateTime(_ text: String) -> Bool {
        var scalars = Substring(text).utf8[...]
        guard readDate(&scalars), scalars.first == UInt8(ascii: "T") else { return false }
        scalars = scalars.dropFirst()
        guard let hour = readDigits(&scalars, count: 2), hour <= 23, skip(":", &scalars),
            let minute = readDigits(&scalars, count: 2), minute <= 59, skip(":", &scalars),
            let second = readDigits(&scalars, count: 2), second <= 60
        else { return false }
        if scalars.first == UInt8(ascii: ".") {
            scalars = scalars.dropFirst()
            let digits = scalars.prefix { (0x30...0x39).contains($0) }
            guard !digits.isEmpty else { return false }
            scalars = scalars.dropFirst(digits.count)
        }
        return readZone(&scalars) && scalars.isEmpty
    }

    private static func readDate(_ scalars: inout Substring.UTF8View.SubSequence) -> Bool {
        guard let year = readDigits(&scalars, count: 4), year >= 1, skip("-", &scalars),
            let month = readDigits(&scalars, count: 2), (1...12).contains(month), skip("-", &scalars),
            let day = readDigits(&scalars, count: 2), day >= 1
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    private static func readZone(_ scalars: inout Substring.UTF8View.SubSequence) -> Bool {
        guard let sign = scalars.first else { return true }
        if sign == UInt8(ascii: "Z") {
            scalars = scalars.dropFirst()
            return true
        }
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return false }
        scalars = scalars.dropFirst()
        guard let hours = readDigits(&scalars, count: 2), hours <= 14, skip(":", &scalars),
            let minutes = readDigits(&scalars, count: 2), minutes <= 59
        else { return false }
        return true
    }

    private static func readDigits(_ scalars: inout Substring.UTF8View.SubSequence, count: Int) -> Int? {
        var value = 0
        for _ in 0..<count {
            guard let byte = scalars.first, (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
            scalars = scalars.dropFirst()
        }
        return value
    }

    private static func skip(_ character: Unicode.Scalar, _ scalars: inout Substring.UTF8View.SubSequence) -> Bool {
        guard scalars.first == UInt8(character.value) else { return false }
        scalars = scalars.dropFirst()
        return true
    }
}
