/// A JSON value that keeps what `JSONSerialization` loses: the order of object keys and the
/// exact text of numbers. Read by ``JSONValue/parse(_:)``, written by ``JSONValue/rendered()``:
/// the form of APIs that speak JSON only (Primo), where no XML form needs the ``Shape`` mapping.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number's literal text, as written.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Keys in document order; a repeated key keeps every occurrence.
    case object([JSONEntry])

    /// The value's kind, for error messages.
    public var kind: String {
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
    public var scalarText: String? {
        switch self {
        case .bool(let value): value ? "true" : "false"
        case .number(let text): text
        case .string(let text): text
        case .null, .array, .object: nil
        }
    }

    public var isScalar: Bool {
        switch self {
        case .bool, .number, .string: true
        case .null, .array, .object: false
        }
    }
}

/// One property of a JSON object.
public struct JSONEntry: Sendable, Hashable {
    /// The key.
    public var key: String
    /// The value.
    public var value: JSONValue

    /// Creates a property.
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

extension JSONValue {
    /// Reads a JSON document.
    ///
    /// - throws: ``RepresentationError`` naming what is wrong and where.
    public static func parse(_ bytes: [UInt8]) throws(RepresentationError) -> JSONValue {
        try JSONReader.read(bytes)
    }

    /// The value as JSON, UTF-8: compact, or indented by two spaces per level (for people).
    public func rendered(indented: Bool = false) -> [UInt8] {
        var out = ByteBuffer(capacity: 4096)
        write(&out, indent: indented ? 0 : nil)
        return out.finish()
    }

    /// Writes the value; `indent` is the current depth when indenting, `nil` for compact output.
    private func write(_ out: inout ByteBuffer, indent: Int?) {
        switch self {
        case .null: out.append("null")
        case .bool(let value): out.append(value ? "true" : "false")
        case .number(let text): out.append(text)
        case .string(let text): JSONCodec.string(text, &out)
        case .array(let values):
            Self.container(&out, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), count: values.count, indent: indent) { index, out, inner in
                values[index].write(&out, indent: inner)
            }
        case .object(let entries):
            Self.container(&out, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), count: entries.count, indent: indent) { index, out, inner in
                JSONCodec.string(entries[index].key, &out)
                out.append(inner == nil ? ":" : ": ")
                entries[index].value.write(&out, indent: inner)
            }
        }
    }

    private static func container(
        _ out: inout ByteBuffer,
        open: UInt8,
        close: UInt8,
        count: Int,
        indent: Int?,
        element: (Int, inout ByteBuffer, Int?) -> Void
    ) {
        out.append(open)
        let inner = indent.map { $0 + 1 }
        for index in 0..<count {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            if let inner { newline(&out, depth: inner) }
            element(index, &out, inner)
        }
        if let indent, count > 0 { newline(&out, depth: indent) }
        out.append(close)
    }

    private static func newline(_ out: inout ByteBuffer, depth: Int) {
        out.append("\n" + String(repeating: "  ", count: depth))
    }
}

extension JSONValue {
    /// How deeply the value nests: 0 for a scalar, 1 for an array or object of scalars.
    public var depth: Int {
        switch self {
        case .null, .bool, .number, .string: 0
        case .array(let values): 1 + (values.map(\.depth).max() ?? 0)
        case .object(let entries): 1 + (entries.map(\.value.depth).max() ?? 0)
        }
    }
}
