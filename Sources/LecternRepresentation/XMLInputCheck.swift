/// What makes bytes unfit to hand to FoundationXML's `XMLParser`, found before it sees them.
///
/// `XMLParser` (libxml2) traps on some malformed UTF-8 and resolves what DOCTYPE and ENTITY
/// declarations ask for, so every XML reader of Lectern (``XMLCodec`` for API bodies, the MARCXML
/// reader for imports) refuses such input here first: an empty document, NUL bytes, invalid UTF-8,
/// a declared encoding other than UTF-8 or ASCII, DOCTYPE or ENTITY declarations, and processing
/// instructions other than the XML declaration.
public enum XMLInputCheck {
    /// Why the bytes are refused, and where, when a place can be named.
    public struct Problem: Error, Sendable, Hashable {
        /// The reason, a phrase such as `the document contains a NUL byte`.
        public var reason: String
        /// The byte offset of the problem, when there is one.
        public var offset: Int?
    }

    /// The first problem of `bytes`, or `nil` when `XMLParser` may read them.
    public static func problem(in bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return Problem(reason: "the document is empty")
        }
        if let nul = bytes.firstIndex(of: 0) {
            return Problem(reason: "the document contains a NUL byte", offset: nul)
        }
        if let invalid = firstInvalidUTF8(bytes) {
            return Problem(reason: "the document is not valid UTF-8", offset: invalid)
        }
        if let encoding = declaredEncoding(in: bytes), !["utf-8", "utf8", "us-ascii", "ascii"].contains(encoding.lowercased()) {
            return Problem(reason: "the document declares the encoding \"\(encoding)\"; only UTF-8 is accepted")
        }
        if let declaration = firstDeclaration(bytes) {
            return Problem(reason: "DOCTYPE and ENTITY declarations are not allowed", offset: declaration)
        }
        if let instruction = firstProcessingInstruction(bytes) {
            return Problem(reason: "processing instructions are not allowed", offset: instruction)
        }
        return nil
    }

    /// The offset of the first `<?` other than an XML declaration opening the document, or `nil`.
    ///
    /// FoundationXML's `XMLParser` reads past a null pointer for a processing instruction without
    /// data (`<?pi?>`): one such body ended the process. API bodies and MARCXML need none.
    static func firstProcessingInstruction(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let declaration = Array("<?XML".utf8)
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "<") && bytes[index + 1] == UInt8(ascii: "?") {
                let opensDocument =
                    index == start && matches(bytes, at: index, declaration)
                    && index + declaration.count < bytes.count && [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index + declaration.count])
                if !opensDocument { return index }
            }
            index += 1
        }
        return nil
    }

    /// The offset of the first byte that is not part of well-formed UTF-8, or `nil`.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            guard bytes[index + 1] >= lower, bytes[index + 1] <= upper else { return index }
            for next in index + 2..<index + length where bytes[next] < 0x80 || bytes[next] > 0xBF {
                return index
            }
            index += length
        }
        return nil
    }

    /// The `encoding` of the XML declaration, if there is one: what it names, or an empty
    /// string for a declaration whose encoding has no quoted value.
    public static func declaredEncoding(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard bytes[start...].starts(with: "<?xml".utf8) else { return nil }
        var end = start
        while end + 1 < bytes.count && !(bytes[end] == UInt8(ascii: "?") && bytes[end + 1] == UInt8(ascii: ">")) {
            end += 1
        }
        let declaration = String(decoding: bytes[start..<end], as: UTF8.self)
        guard let range = declaration.firstRange(of: "encoding") else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return "" }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    /// The offset of the first `<!DOCTYPE` or `<!ENTITY` (any case), or `nil`.
    static func firstDeclaration(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let words = [Array("<!DOCTYPE".utf8), Array("<!ENTITY".utf8)]
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "<") && bytes[index + 1] == UInt8(ascii: "!") {
                for word in words where matches(bytes, at: index, word) {
                    return index
                }
            }
            index += 1
        }
        return nil
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ word: [UInt8]) -> Bool {
        guard start + word.count <= bytes.count else { return false }
        for offset in 0..<word.count {
            var byte = bytes[start + offset]
            if byte >= 0x61 && byte <= 0x7A { byte -= 0x20 }
            if byte != word[offset] { return false }
        }
        return true
    }
}
