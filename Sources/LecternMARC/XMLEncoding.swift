import Foundation
import LecternRepresentation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A MARCXML document in another encoding than UTF-8, made UTF-8 before `XMLParser` sees it: the
/// encoding its XML declaration names (ISO-8859-1, windows-1252, ISO-8859-5, Shift_JIS, ...),
/// or UTF-16 and UTF-32 as their byte order mark or first bytes show. The C library's `iconv`
/// converts; the declaration is rewritten to say UTF-8, and lines stay where they were.
enum XMLEncoding {
    /// `data` in UTF-8, or `nil` when it is UTF-8 (or ASCII) already.
    ///
    /// - throws: a fatal ``MARCError`` (``MARCError/Code/malformedXML``) for an encoding the
    ///   C library does not know, or bytes that are not text in it, with their offset.
    static func utf8(_ data: Data) throws(MARCError) -> Data? {
        let bytes = [UInt8](data.prefix(4))
        let name: String
        if let unicode = unicodeEncoding(bytes) {
            name = unicode
        } else {
            guard let declared = data.withUnsafeBytes({ XMLInputCheck.declaredEncoding(in: $0.bindMemory(to: UInt8.self)) }),
                !["utf-8", "utf8", "us-ascii", "ascii", ""].contains(declared.lowercased())
            else { return nil }
            name = declared
        }
        let converted = try convert(data, from: name)
        return withUTF8Declaration(converted)
    }

    /// The UTF-16 or UTF-32 encoding that the first bytes show (a byte order mark, or `<` as
    /// two or four bytes), for `iconv`; `nil` for an encoding that writes `<` as one byte.
    private static func unicodeEncoding(_ start: [UInt8]) -> String? {
        switch start.count >= 4 ? (start[0], start[1], start[2], start[3]) : (1, 1, 1, 1) {
        case (0xFF, 0xFE, 0x00, 0x00), (0x00, 0x00, 0xFE, 0xFF): "UTF-32"
        case (0x3C, 0x00, 0x00, 0x00): "UTF-32LE"
        case (0x00, 0x00, 0x00, 0x3C): "UTF-32BE"
        case (0xFF, 0xFE, _, _), (0xFE, 0xFF, _, _): "UTF-16"
        case (0x3C, 0x00, _, _): "UTF-16LE"
        case (0x00, 0x3C, _, _): "UTF-16BE"
        default: nil
        }
    }

    /// `data`, which is text in the encoding `name`, as UTF-8.
    private static func convert(_ data: Data, from name: String) throws(MARCError) -> [UInt8] {
        let converter = iconv_open("UTF-8", name)
        guard let converter, converter != iconv_t(bitPattern: -1) else {
            throw MARCError(.malformedXML, "the document's encoding \"\(name)\" is not one Lectern can read", isFatal: true)
        }
        defer { iconv_close(converter) }
        var input = [UInt8](data)
        // Four UTF-8 bytes at most for each input byte, whatever the encoding.
        var output = [UInt8](repeating: 0, count: 4 * input.count + 16)
        var written = 0
        let failure: (offset: Int, errno: Int32)? = input.withUnsafeMutableBytes { inputBytes in
            output.withUnsafeMutableBytes { outputBytes in
                var next = inputBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var left = inputBytes.count
                var out = outputBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var room = outputBytes.count
                defer { written = outputBytes.count - room }
                let result = iconv(converter, &next, &left, &out, &room)
                let consumed = inputBytes.count - left
                if result == size_t.max || left > 0 { return (consumed, errno) }
                // A shift state or an incomplete sequence at the end.
                if iconv(converter, nil, nil, &out, &room) == size_t.max { return (consumed, errno) }
                return nil
            }
        }
        if let failure {
            let what = failure.errno == EINVAL ? "ends inside a character" : "has bytes that are no text"
            throw MARCError(
                .malformedXML,
                "the document \(what) in its encoding \"\(name)\"",
                position: MARCPosition(byteOffset: failure.offset),
                isFatal: true
            )
        }
        return Array(output.prefix(written))
    }

    /// `document` with the `encoding` of its XML declaration, if it has one, saying UTF-8.
    private static func withUTF8Declaration(_ document: [UInt8]) -> Data {
        var bytes = document[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard bytes.starts(with: Array("<?xml".utf8)),
            let end = bytes.indices.first(where: { bytes[$0] == UInt8(ascii: ">") })
        else { return Data(bytes) }
        var declaration = String(decoding: bytes[...end], as: UTF8.self)
        if let range = declaration.range(of: #"encoding\s*=\s*(["'])[^"']*\1"#, options: .regularExpression) {
            declaration.replaceSubrange(range, with: "encoding=\"UTF-8\"")
        }
        return Data(declaration.utf8) + Data(bytes[(end + 1)...])
    }
}
