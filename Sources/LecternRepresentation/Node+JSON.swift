/// The node form of a JSON value kept exactly as a client wrote it (``Shape/any``).
///
/// A string is an element with its text; any other value carries its JSON type in the attribute
/// `type` (`number`, `boolean`, `null`, `array`, `object`); an array's values are `item`
/// children, an object's members are children named by their keys. A key that cannot be an
/// element name of a stored document (`@id`, `a b`, `1st`) is an element `member` with the key
/// in the attribute `key`. So every value survives the XML form a store keeps, and reads back
/// as it was written: key order, duplicate keys, number literals, empty arrays and objects.
extension Node {
    /// The element name of array values.
    static let jsonItem = "item"
    /// The element name of members whose key is not an element name.
    static let jsonMember = "member"

    /// The node form of `value`, as the member `key` (or the root element `key`).
    public init(json value: JSONValue, named key: String) {
        let isName = Self.isElementName(key) && !key.lowercased().hasPrefix("xml")
        self.init(isName ? key : Self.jsonMember, attributes: isName ? [] : [Attribute("key", key)])
        switch value {
        case .string(let text):
            self.text = text
        case .number(let literal):
            setAttribute("type", "number")
            text = literal
        case .bool(let flag):
            setAttribute("type", "boolean")
            text = flag ? "true" : "false"
        case .null:
            setAttribute("type", "null")
        case .array(let values):
            setAttribute("type", "array")
            children = values.map { Node(json: $0, named: Self.jsonItem) }
        case .object(let entries):
            setAttribute("type", "object")
            children = entries.map { Node(json: $0.value, named: $0.key) }
        }
    }

    /// The JSON key of a member in this form: its `key` attribute, or else its name.
    public var jsonKey: String {
        attribute("key") ?? name
    }

    /// Whether `name` can be an element name of a stored document: ASCII letters, digits, `_`,
    /// `-` and `.`, not starting with a digit, `-` or `.`. No colon (a prefix without its
    /// namespace declaration makes the document unreadable) and no other characters (XML allows
    /// some non-ASCII names but not others; Alma's are all ASCII).
    public static func isElementName(_ name: String) -> Bool {
        guard !name.isEmpty else { return false }
        for (offset, byte) in name.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if offset == 0 { return false }
            default:
                return false
            }
        }
        return true
    }
}
