/// A parsed JSON value that keeps what `JSONSerialization` loses: the order of object keys and
/// the exact text of numbers.
enum JSONValue {
    case null
    case bool(Bool)
    /// The number's literal text, as written.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Keys in document order; a repeated key keeps every occurrence.
    case object([JSONEntry])

    /// The value's kind, for error messages.
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The text of a scalar (`"true"`/`"false"` for booleans, the literal for numbers);
    /// `nil` for `null`, arrays and objects.
    var scalarText: String? {
        switch self {
        case .bool(let value): value ? "true" : "false"
        case .number(let text): text
        case .string(let text): text
        case .null, .array, .object: nil
        }
    }

    var isScalar: Bool {
        switch self {
        case .bool, .number, .string: true
        case .null, .array, .object: false
        }
    }
}

/// One property of a JSON object.
struct JSONEntry {
    var key: String
    var value: JSONValue
}
