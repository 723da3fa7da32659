/// Alma's JSON form of a ``Node`` tree, guided by the object's ``Shape`` (WIRE.md section 3).
///
/// The root element's name does not appear: the JSON object is the root. Attributes become
/// properties (namespace declarations are dropped), `.code` fields become
/// `{"value","desc"}`, `.list` wrappers disappear and their items become one array named after
/// the item, `repeats` members are always arrays, `.number` and `.boolean` leaves are JSON
/// numbers and booleans. Members are written in the shape's order, then attributes and
/// children the shape does not know, generically: a leaf is a string, a leaf with attributes
/// is `{"value":…,<attributes>}`, an element with children is an object, and same-name
/// siblings are an array.
public enum JSONCodec {
    /// The deepest nesting of a value kept as written (``Shape/any``): a stored document nests
    /// one element deeper than its JSON, and must stay well inside ``XMLCodec/maximumDepth``.
    public static let maximumKeptDepth = 64
    /// The JSON member holding an ``Shape/anies`` element.
    static let aniesKey = "anies"
    /// What precedes the element in an `anies` string, as Alma writes it.
    static let aniesPrologue = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"

    // MARK: - Rendering

    /// Renders `node` as JSON, shaped by `shape`.
    ///
    /// This is on every response's path: it writes bytes straight into one buffer.
    public static func render(_ node: Node, as shape: Shape) -> [UInt8] {
        var out = ByteBuffer(capacity: 4096)
        value(node, shape, &out)
        return out.finish()
    }

    static func value(_ node: Node, _ shape: Shape, _ out: inout ByteBuffer) {
        switch shape {
        case .text, .number, .boolean:
            if !node.children.isEmpty || hasVisibleAttributes(node) {
                generic(node, &out)
            } else {
                leaf(node.text, shape, &out)
            }
        case .code:
            guard node.children.isEmpty else { return generic(node, &out) }
            raw(#"{"value":"#, &out)
            leaf(node.text, .text, &out)
            raw(#","desc":"#, &out)
            leaf(attribute(node, "desc"), .text, &out)
            for attribute in node.attributes where attribute.name != "desc" && !isNamespace(attribute.name) {
                out.append(UInt8(ascii: ","))
                key(attribute.name, &out)
                string(attribute.value, &out)
            }
            out.append(UInt8(ascii: "}"))
        case .valued(let inner):
            guard node.children.isEmpty else { return generic(node, &out) }
            raw(#"{"value":"#, &out)
            leaf(node.text, inner, &out)
            for attribute in node.attributes where !isNamespace(attribute.name) {
                out.append(UInt8(ascii: ","))
                key(attribute.name, &out)
                string(attribute.value, &out)
            }
            out.append(UInt8(ascii: "}"))
        case .object(let members):
            object(node, members, &out)
        case .anies:
            raw("[", &out)
            string(aniesPrologue + String(decoding: XMLCodec.render(node, declaration: false), as: UTF8.self), &out)
            raw("]", &out)
        case .any:
            any(node, &out)
        case .open(let members, let others, let othersRepeat):
            open(node, members, others: others, othersRepeat: othersRepeat, &out)
        case .list(let item, let itemShape):
            out.append(UInt8(ascii: "["))
            var first = true
            for child in node.children where child.name == item {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                value(child, itemShape, &out)
            }
            out.append(UInt8(ascii: "]"))
        }
    }

    /// A leaf's text in the leaf shape: a number, a boolean, a string or `null`.
    private static func leaf(_ text: String?, _ shape: Shape, _ out: inout ByteBuffer) {
        guard let text else {
            raw("null", &out)
            return
        }
        switch shape {
        case .number where isNumber(text):
            out.append(text)
        case .boolean where text == "true" || text == "false":
            out.append(text)
        default:
            string(text, &out)
        }
    }

    /// `null` for an absent member, in the member's shape.
    private static func absent(_ shape: Shape, _ out: inout ByteBuffer) {
        if case .code = shape {
            raw(#"{"value":null,"desc":null}"#, &out)
        } else {
            raw("null", &out)
        }
    }

    private static func object(_ node: Node, _ members: [Shape.Member], _ out: inout ByteBuffer) {
        out.append(UInt8(ascii: "{"))
        var first = true
        let memberCount = members.count
        let childCount = node.children.count
        var hasUnknown = false
        members.withUnsafeBufferPointer { members in
            node.children.withUnsafeBufferPointer { children in
                // One scratch buffer, no heap: for member m, links[m] is its first child and
                // links[memberCount + m] its last; for child c, links[2 * memberCount + c] is the
                // next child of the same member (-1 at the end, -2 for an unknown child).
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * memberCount + childCount + 1) { links in
                    links.initialize(repeating: -1)
                    let lastBase = memberCount
                    let nextBase = 2 * memberCount
                    var hint = 0
                    for index in 0..<childCount {
                        links[nextBase + index] = -2
                        guard memberCount > 0 else { continue }
                        var candidate = hint
                        for _ in 0..<memberCount {
                            if !members[candidate].isAttribute && members[candidate].name == (children.baseAddress! + index).pointee.name {
                                links[nextBase + index] = -1
                                let last = links[lastBase + candidate]
                                if last < 0 {
                                    links[candidate] = index
                                } else {
                                    links[nextBase + last] = index
                                }
                                links[lastBase + candidate] = index
                                hint = candidate
                                break
                            }
                            candidate += 1
                            if candidate == memberCount { candidate = 0 }
                        }
                        if links[nextBase + index] == -2 { hasUnknown = true }
                    }

                    for position in 0..<memberCount {
                        let member = members.baseAddress! + position
                        if member.pointee.isAttribute {
                            guard let text = attribute(node, member.pointee.name) else {
                                if member.pointee.nullWhenAbsent {
                                    comma(&first, &out)
                                    memberKey(member.pointee.name, &out)
                                    absent(member.pointee.shape, &out)
                                }
                                continue
                            }
                            comma(&first, &out)
                            memberKey(member.pointee.name, &out)
                            leaf(text, member.pointee.shape, &out)
                            continue
                        }
                        var index = links[position]
                        if case .list(let item, let itemShape) = member.pointee.shape {
                            guard index >= 0 else {
                                if member.pointee.nullWhenAbsent {
                                    comma(&first, &out)
                                    memberKey(item, &out)
                                    raw("null", &out)
                                }
                                continue
                            }
                            comma(&first, &out)
                            memberKey(item, &out)
                            out.append(UInt8(ascii: "["))
                            var firstItem = true
                            while index >= 0 {
                                (children.baseAddress! + index).pointee.children.withUnsafeBufferPointer { items in
                                    for itemIndex in 0..<items.count where (items.baseAddress! + itemIndex).pointee.name == item {
                                        if !firstItem { out.append(UInt8(ascii: ",")) }
                                        firstItem = false
                                        value((items.baseAddress! + itemIndex).pointee, itemShape, &out)
                                    }
                                }
                                index = links[nextBase + index]
                            }
                            out.append(UInt8(ascii: "]"))
                            continue
                        }
                        guard index >= 0 else {
                            if member.pointee.nullWhenAbsent {
                                comma(&first, &out)
                                memberKey(member.pointee.name, &out)
                                if member.pointee.repeats { raw("[]", &out) } else { absent(member.pointee.shape, &out) }
                            }
                            continue
                        }
                        comma(&first, &out)
                        if case .anies = member.pointee.shape {
                            memberKey(aniesKey, &out)
                            value((children.baseAddress! + index).pointee, .anies, &out)
                            continue
                        }
                        memberKey(member.pointee.name, &out)
                        if member.pointee.repeats || links[nextBase + index] >= 0 {
                            out.append(UInt8(ascii: "["))
                            var firstItem = true
                            while index >= 0 {
                                if !firstItem { out.append(UInt8(ascii: ",")) }
                                firstItem = false
                                value((children.baseAddress! + index).pointee, member.pointee.shape, &out)
                                index = links[nextBase + index]
                            }
                            out.append(UInt8(ascii: "]"))
                        } else {
                            value((children.baseAddress! + index).pointee, member.pointee.shape, &out)
                        }
                    }

                    for attribute in node.attributes where !isNamespace(attribute.name) {
                        if members.contains(where: { $0.isAttribute && $0.name == attribute.name }) { continue }
                        comma(&first, &out)
                        key(attribute.name, &out)
                        string(attribute.value, &out)
                    }
                    if hasUnknown {
                        var unknown: [Int] = []
                        for index in 0..<childCount where links[nextBase + index] == -2 { unknown.append(index) }
                        grouped(node.children, unknown, &first, &out)
                    }
                }
            }
        }
        out.append(UInt8(ascii: "}"))
    }

    /// An element the shape does not describe.
    private static func generic(_ node: Node, _ out: inout ByteBuffer) {
        if node.children.isEmpty {
            guard hasVisibleAttributes(node) else {
                leaf(node.text, .text, &out)
                return
            }
            raw(#"{"value":"#, &out)
            leaf(node.text, .text, &out)
            for attribute in node.attributes where !isNamespace(attribute.name) {
                out.append(UInt8(ascii: ","))
                key(attribute.name, &out)
                string(attribute.value, &out)
            }
            out.append(UInt8(ascii: "}"))
            return
        }
        out.append(UInt8(ascii: "{"))
        var first = true
        for attribute in node.attributes where !isNamespace(attribute.name) {
            comma(&first, &out)
            key(attribute.name, &out)
            string(attribute.value, &out)
        }
        grouped(node.children, Array(node.children.indices), &first, &out)
        out.append(UInt8(ascii: "}"))
    }

    /// Writes the children at `indices` as properties, same-name siblings as one array, in
    /// order of first appearance.
    private static func grouped(_ children: [Node], _ indices: [Int], _ first: inout Bool, _ out: inout ByteBuffer) {
        var groups: [(name: String, members: [Int])] = []
        if indices.count <= 16 {
            for index in indices {
                let name = children[index].name
                if let group = groups.firstIndex(where: { $0.name == name }) {
                    groups[group].members.append(index)
                } else {
                    groups.append((name, [index]))
                }
            }
        } else {
            var positions: [String: Int] = [:]
            for index in indices {
                let name = children[index].name
                if let group = positions[name] {
                    groups[group].members.append(index)
                } else {
                    positions[name] = groups.count
                    groups.append((name, [index]))
                }
            }
        }
        for group in groups {
            comma(&first, &out)
            key(group.name, &out)
            if group.members.count == 1 {
                generic(children[group.members[0]], &out)
            } else {
                out.append(UInt8(ascii: "["))
                for (offset, index) in group.members.enumerated() {
                    if offset > 0 { out.append(UInt8(ascii: ",")) }
                    generic(children[index], &out)
                }
                out.append(UInt8(ascii: "]"))
            }
        }
    }

    /// Appends a literal.
    @inline(__always)
    static func raw(_ literal: StaticString, _ out: inout ByteBuffer) {
        out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    @inline(__always)
    static func comma(_ first: inout Bool, _ out: inout ByteBuffer) {
        if first { first = false } else { out.append(UInt8(ascii: ",")) }
    }

    @inline(__always)
    static func key(_ name: String, _ out: inout ByteBuffer) {
        string(name, &out)
        out.append(UInt8(ascii: ":"))
    }

    /// A key from a shape (static data, plain identifiers): written without escaping.
    @inline(__always)
    private static func memberKey(_ name: String, _ out: inout ByteBuffer) {
        out.append(UInt8(ascii: "\""))
        out.append(name)
        raw("\":", &out)
    }

    private static func isNamespace(_ name: String) -> Bool {
        guard name.utf8.first == UInt8(ascii: "x") else { return false }
        return name.utf8.starts(with: "xmlns".utf8) && (name.utf8.count == 5 || name.utf8.dropFirst(5).first == UInt8(ascii: ":"))
    }

    private static func hasVisibleAttributes(_ node: Node) -> Bool {
        for index in node.attributes.indices where !isNamespace(node.attributes[index].name) { return true }
        return false
    }

    /// The value of the attribute `name`, without copying the attributes.
    @inline(__always)
    private static func attribute(_ node: Node, _ name: String) -> String? {
        for index in node.attributes.indices where node.attributes[index].name == name {
            return node.attributes[index].value
        }
        return nil
    }

    /// Writes a JSON string: quotes, backslash and control characters escaped, everything
    /// else (UTF-8 included) as it is.
    static func string(_ text: String, _ out: inout ByteBuffer) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { escape($0, &out) }
        out.append(UInt8(ascii: "\""))
    }

    private static func escape(_ buffer: UnsafeBufferPointer<UInt8>, _ out: inout ByteBuffer) {
        let clean = cleanPrefix(buffer)
        if clean == buffer.count {
            out.append(contentsOf: buffer)
            return
        }
        var start = 0
        for index in clean..<buffer.count {
            let byte = buffer[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if start < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<index])) }
            start = index + 1
            switch byte {
            case UInt8(ascii: "\""): raw(#"\""#, &out)
            case UInt8(ascii: "\\"): raw(#"\\"#, &out)
            case 0x0A: raw(#"\n"#, &out)
            case 0x0D: raw(#"\r"#, &out)
            case 0x09: raw(#"\t"#, &out)
            case 0x08: raw(#"\b"#, &out)
            case 0x0C: raw(#"\f"#, &out)
            default:
                let hex = UInt8(ascii: "0")
                let low = byte & 0x0F
                raw(#"\u00"#, &out)
                out.append(hex + (byte >> 4))
                out.append(low < 10 ? hex + low : UInt8(ascii: "a") + low - 10)
            }
        }
        if start < buffer.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...])) }
    }

    /// The length of the prefix that needs no escaping, eight bytes at a time: a word has a
    /// byte below 0x20, a quote or a backslash when the classic "has zero byte" test fires.
    private static func cleanPrefix(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        let count = buffer.count
        guard let base = buffer.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let control = (word &- ones &* 0x20) & ~word & highs
            let quotes = word ^ (ones &* 0x22)
            let backslashes = word ^ (ones &* 0x5C)
            let special = ((quotes &- ones) & ~quotes | (backslashes &- ones) & ~backslashes) & highs
            if control | special != 0 { break }
            index += 8
        }
        while index < count {
            let byte = base[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index += 1
        }
        return count
    }

    /// Whether `text` is a JSON number literal (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`).
    static func isNumber(_ text: String) -> Bool {
        var iterator = text.utf8.makeIterator()
        var byte = iterator.next()
        func digit(_ byte: UInt8?) -> Bool { byte.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        if byte == UInt8(ascii: "-") { byte = iterator.next() }
        guard digit(byte) else { return false }
        if byte == UInt8(ascii: "0") {
            byte = iterator.next()
        } else {
            repeat { byte = iterator.next() } while digit(byte)
        }
        if byte == UInt8(ascii: ".") {
            byte = iterator.next()
            guard digit(byte) else { return false }
            repeat { byte = iterator.next() } while digit(byte)
        }
        if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            byte = iterator.next()
            if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { byte = iterator.next() }
            guard digit(byte) else { return false }
            repeat { byte = iterator.next() } while digit(byte)
        }
        return byte == nil
    }

    // MARK: - Parsing

    /// Parses a JSON body into the element `root`, restoring what the shape says the XML form
    /// has: wrappers, attributes, code fields.
    ///
    /// Lenient where clients are sloppy: a string for a code field is its value, a single
    /// object or scalar where an array is expected is a one-element array, numbers and booleans
    /// become their text, a list may also be given in its XML form (`"user_identifiers":
    /// {"user_identifier": […]}`), and the body may be wrapped in its root name
    /// (`{"user": {…}}`). Keys the shape does not know are kept: a scalar is a leaf element, an
    /// object an element with children, an array repeated elements.
    ///
    /// - throws: ``RepresentationError`` for invalid JSON, a structure that does not fit the
    ///   shape (naming the field), or a key that cannot be an XML element name.
    public static func parse(_ bytes: [UInt8], root: String, as shape: Shape) throws(RepresentationError) -> Node {
        try node(JSONReader.read(bytes), root: root, as: shape)
    }

    /// The element `root` for a JSON value already read, as ``parse(_:root:as:)`` makes it.
    public static func node(_ value: JSONValue, root: String, as shape: Shape) throws(RepresentationError) -> Node {
        var json = value
        if case .object(let entries) = json, entries.count == 1, entries[0].key == root,
            case .object = entries[0].value, shape.member(root) == nil
        {
            json = entries[0].value
        }
        if case .object = shape, !isObject(json) {
            throw RepresentationError("JSON body must be an object, not \(json.kind)")
        }
        var reader = ShapedReader()
        return try reader.element(root, json, shape) ?? Node(root, text: "")
    }

    private static func isObject(_ value: JSONValue) -> Bool {
        if case .object = value { return true }
        return false
    }
}

/// Maps a ``JSONValue`` onto a ``Node`` tree following a ``Shape``; keeps the path for errors.
private struct ShapedReader {
    private var path: [String] = []

    private func failure(_ what: String) -> RepresentationError {
        var field = ""
        for component in path {
            if !field.isEmpty && !component.hasPrefix("[") { field += "." }
            field += component
        }
        return RepresentationError("Invalid JSON at field '\(field)': \(what)")
    }

    /// The element `name` for `value`; `nil` when the value is `null` (absent).
    mutating func element(_ name: String, _ value: JSONValue, _ shape: Shape) throws(RepresentationError) -> Node? {
        switch shape {
        case .text, .number, .boolean, .code, .valued:
            switch value {
            case .null:
                return nil
            case .bool, .number, .string:
                return Node(name, text: value.scalarText)
            case .object(let entries):
                return try leafObject(name, entries)
            case .array:
                throw failure("expected a single value, not an array")
            }
        case .object(let members):
            switch value {
            case .null:
                return nil
            case .object(let entries):
                return try object(name, entries, members)
            default:
                throw failure("expected an object, not \(value.kind)")
            }
        case .anies:
            return try embedded(name, value)
        case .any:
            return try kept(name, value)
        case .open(let members, let others, let othersRepeat):
            switch value {
            case .null:
                return nil
            case .object(let entries):
                return try open(name, entries, members, others: others, othersRepeat: othersRepeat)
            default:
                throw failure("expected an object, not \(value.kind)")
            }
        case .list(let item, let itemShape):
            var wrapper = Node(name)
            let items: [JSONValue]
            switch value {
            case .null: return nil
            case .array(let values): items = values
            case .object(let entries) where entries.count == 1 && entries[0].key == item:
                items = Self.elements(of: entries[0].value)
            default: items = [value]
            }
            try appendItems(item, items, itemShape, to: &wrapper)
            if wrapper.children.isEmpty { wrapper.text = "" }
            return wrapper
        }
    }

    /// The element `name` from an `anies` array: its first string, parsed as XML.
    private mutating func embedded(_ name: String, _ value: JSONValue) throws(RepresentationError) -> Node? {
        let text: String
        switch value {
        case .null: return nil
        case .string(let string): text = string
        case .array(let values):
            guard let first = values.first else { return nil }
            guard case .string(let string) = first else { throw failure("expected a string holding XML, not \(first.kind)") }
            text = string
        default: throw failure("expected an array with one XML string, not \(value.kind)")
        }
        // The string is already Unicode text: its declaration (Alma writes "UTF-16") says nothing.
        var document = Substring(text)
        if document.hasPrefix("<?xml"), let end = document.firstRange(of: "?>") { document = document[end.upperBound...] }
        let node: Node
        do {
            node = try XMLCodec.parse(Array(document.utf8))
        } catch {
            throw failure("the embedded XML cannot be read: \(error.message)")
        }
        guard node.name == name else { throw failure("expected <\(name)> but found <\(node.name)>") }
        return node
    }

    /// `{"value": …, "desc": …, "link": …}`: a leaf with attributes.
    private mutating func leafObject(_ name: String, _ entries: [JSONEntry]) throws(RepresentationError) -> Node {
        var node = Node(name)
        for entry in entries {
            let key = entry.key
            let value = entry.value
            path.append(key)
            defer { path.removeLast() }
            switch value {
            case .null:
                if key == "value" { node.text = nil }
            case .bool, .number, .string:
                if key == "value" {
                    node.text = value.scalarText
                } else {
                    try checkName(key)
                    node.setAttribute(key, value.scalarText)
                }
            case .array, .object:
                throw failure("expected a single value, not \(value.kind)")
            }
        }
        return node
    }

    private mutating func object(
        _ name: String,
        _ entries: [JSONEntry],
        _ members: [Shape.Member]
    ) throws(RepresentationError) -> Node {
        var node = Node(name)
        var used = [Bool](repeating: false, count: entries.count)
        for member in members {
            var jsonKey = member.name
            var listItem: (String, Shape)?
            if !member.isAttribute, case .list(let item, let itemShape) = member.shape {
                jsonKey = item
                listItem = (item, itemShape)
            }
            if case .anies = member.shape { jsonKey = JSONCodec.aniesKey }
            var found = entries.lastIndex { $0.key == jsonKey }
            var wrapped = false
            if found == nil, listItem != nil {
                found = entries.lastIndex { $0.key == member.name }
                wrapped = found != nil
            }
            guard let index = found, !used[index] else { continue }
            used[index] = true
            let value = entries[index].value
            path.append(entries[index].key)
            defer { path.removeLast() }

            if member.isAttribute {
                switch value {
                case .null: continue
                case .bool, .number, .string: node.setAttribute(member.name, value.scalarText)
                case .array, .object: throw failure("expected a single value, not \(value.kind)")
                }
            } else if let (item, itemShape) = listItem {
                var items: [JSONValue]
                if wrapped {
                    switch value {
                    case .null: continue
                    case .object(let inner):
                        items = inner.last { $0.key == item }.map { Self.elements(of: $0.value) } ?? []
                    case .array(let values): items = values
                    default: throw failure("expected an object or an array, not \(value.kind)")
                    }
                } else {
                    if case .null = value { continue }
                    items = Self.elements(of: value)
                }
                var wrapper = Node(member.name)
                try appendItems(item, items, itemShape, to: &wrapper)
                if wrapper.children.isEmpty { wrapper.text = "" }
                node.children.append(wrapper)
            } else if member.repeats {
                for (offset, item) in Self.elements(of: value).enumerated() {
                    path.append("[\(offset)]")
                    defer { path.removeLast() }
                    if let child = try element(member.name, item, member.shape) { node.children.append(child) }
                }
            } else if let child = try element(member.name, value, member.shape) {
                node.children.append(child)
            }
        }
        for (index, entry) in entries.enumerated() where !used[index] {
            path.append(entry.key)
            defer { path.removeLast() }
            node.children.append(contentsOf: try generic(entry.key, entry.value))
        }
        if node.children.isEmpty { node.text = "" }
        return node
    }

    /// An object whose members keep their order: declared members in their shapes, the others
    /// in `others` (each value of an array one child, when they repeat).
    private mutating func open(
        _ name: String,
        _ entries: [JSONEntry],
        _ members: [Shape.Member],
        others: Shape,
        othersRepeat: Bool
    ) throws(RepresentationError) -> Node {
        var node = Node(name)
        for entry in entries {
            path.append(entry.key)
            defer { path.removeLast() }
            let member = members.first { !$0.isAttribute && $0.name == entry.key }
            if member == nil, !Self.keepsAnyName(others) { try checkName(entry.key) }
            let shape = member?.shape ?? others
            if member?.repeats ?? othersRepeat {
                for (offset, item) in Self.elements(of: entry.value).enumerated() {
                    path.append("[\(offset)]")
                    defer { path.removeLast() }
                    if let child = try element(entry.key, item, shape) { node.children.append(child) }
                }
            } else if let child = try element(entry.key, entry.value, shape) {
                node.children.append(child)
            }
        }
        if node.children.isEmpty { node.text = "" }
        return node
    }

    private static func keepsAnyName(_ shape: Shape) -> Bool {
        if case .any = shape { return true }
        return false
    }

    /// A value kept as written (``Node/init(json:named:)``), refused when it nests deeper than
    /// ``JSONCodec/maximumKeptDepth``.
    private func kept(_ name: String, _ value: JSONValue) throws(RepresentationError) -> Node {
        if value.depth > JSONCodec.maximumKeptDepth {
            throw failure("nesting deeper than \(JSONCodec.maximumKeptDepth) levels")
        }
        return Node(json: value, named: name)
    }

    private mutating func appendItems(_ item: String, _ items: [JSONValue], _ shape: Shape, to wrapper: inout Node) throws(RepresentationError) {
        for (offset, value) in items.enumerated() {
            path.append("[\(offset)]")
            defer { path.removeLast() }
            if let child = try element(item, value, shape) { wrapper.children.append(child) }
        }
    }

    private static func elements(of value: JSONValue) -> [JSONValue] {
        switch value {
        case .null: []
        case .array(let values): values
        default: [value]
        }
    }

    /// A key the shape does not know: kept as generic elements.
    private mutating func generic(_ name: String, _ value: JSONValue) throws(RepresentationError) -> [Node] {
        try checkName(name)
        switch value {
        case .null:
            return []
        case .bool, .number, .string:
            return [Node(name, text: value.scalarText)]
        case .array(let values):
            var nodes: [Node] = []
            for (offset, item) in values.enumerated() {
                path.append("[\(offset)]")
                defer { path.removeLast() }
                if case .array = item { throw failure("arrays of arrays cannot be represented") }
                nodes.append(contentsOf: try generic(name, item))
            }
            return nodes
        case .object(let entries):
            let hasValue = entries.contains { $0.key == "value" && ($0.value.isScalar || isNull($0.value)) }
            let allScalar = entries.allSatisfy { $0.value.isScalar || isNull($0.value) }
            if hasValue && allScalar && entries.count > 1 {
                return [try leafObject(name, entries)]
            }
            var node = Node(name)
            for entry in entries {
                let key = entry.key
                let item = entry.value
                path.append(key)
                defer { path.removeLast() }
                node.children.append(contentsOf: try generic(key, item))
            }
            if node.children.isEmpty { node.text = "" }
            return [node]
        }
    }

    private func isNull(_ value: JSONValue) -> Bool {
        if case .null = value { return true }
        return false
    }

    /// Refuses names that cannot be element or attribute names of a stored document
    /// (``Node/isElementName(_:)``).
    private func checkName(_ name: String) throws(RepresentationError) {
        if !Node.isElementName(name) {
            throw failure("'\(name)' is not a valid element name")
        }
    }
}
