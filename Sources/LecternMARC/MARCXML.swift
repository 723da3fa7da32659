public import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// MARC 21 in XML, the MARC21-slim schema: parse documents, stream large collections, and write
/// records as Alma embeds them or as a `<collection>`.
///
/// **Reading.** `<record>` elements are taken wherever they are: under a `<collection>`, as the
/// document element, or inside an envelope such as Alma's `<bib>` or an OAI-PMH response.
/// MARC elements are those in the namespace `http://www.loc.gov/MARC21/slim` or in no
/// namespace, under any prefix. Inside a record the reader is strict about structure: one
/// `<leader>` of 24 printable ASCII characters; `<controlfield tag>` with a tag `00X`;
/// `<datafield tag ind1 ind2>` with a three-letter-or-digit tag outside `00X` and one-character
/// indicators (a missing or empty indicator is read as blank); `<subfield code>` with one
/// printable ASCII character; nothing else, and no text outside these elements. It is lenient
/// about content: values are kept exactly as written, whitespace included.
///
/// A record that breaks these rules is rejected on its own (``MARCError/Code/invalidMARCXML``)
/// and reading goes on with the next record. A document that is not well-formed XML stops the
/// reading (``MARCError/Code/malformedXML``, ``MARCError/isFatal``): after a syntax error
/// nothing that follows can be trusted. So do documents that are not UTF-8, contain NUL bytes
/// or a DOCTYPE (refused so that no entity can expand), before any record is read.
///
/// **Writing.** ``string(for:namespaced:)`` writes a single `<record>` without namespace and
/// without whitespace, with the attribute order Alma uses (`ind1`, `ind2`, `tag`), as in
/// `shared/reference/exlibris/samples/alma/misc/bib_record.xml`. ``collection(_:)`` writes a
/// document with a `<collection xmlns="http://www.loc.gov/MARC21/slim">`, one record a line.
public enum MARCXML {
    /// The MARC21-slim namespace.
    public static let namespace = "http://www.loc.gov/MARC21/slim"

    // MARK: - Reading

    /// Reads `data` record by record, calling `handle` with each record or rejected record, in
    /// document order, without building the document in memory.
    ///
    /// `handle` receives `.failure` for a record with a structural problem; reading then goes on.
    /// If `handle` throws, reading stops and the error is rethrown.
    ///
    /// - throws: a fatal ``MARCError`` (``MARCError/Code/malformedXML``) when the document is
    ///   not well formed, is not UTF-8, contains NUL bytes or a DOCTYPE; the records before the
    ///   error have been handed to `handle`. Or the error `handle` threw.
    public static func read(_ data: Data, _ handle: (MARCReadResult) throws -> Void) throws {
        if let problem = data.withUnsafeBytes({ check($0.bindMemory(to: UInt8.self)) }) {
            throw problem
        }
        try withoutActuallyEscaping(handle) { handle in
            let reader = MARCXMLParser(handle: handle)
            // From a stream, which XMLParser feeds to libxml2 in small chunks: given the whole
            // document as one chunk, libxml2 refuses documents over 10 MB ("huge input lookup").
            let parser = XMLParser(stream: InputStream(data: data))
            parser.shouldProcessNamespaces = true
            parser.shouldReportNamespacePrefixes = false
            parser.shouldResolveExternalEntities = false
            parser.delegate = reader
            let succeeded = parser.parse()
            if let error = reader.handlerError { throw error }
            if let error = reader.fatalParseError(succeeded: succeeded, parser: parser) { throw error }
        }
    }

    /// Reads the file at `url` record by record; see ``read(_:_:)``. The file is mapped, not
    /// copied, where the system allows.
    ///
    /// - throws: the file system's error when the file cannot be read, else as ``read(_:_:)``.
    public static func read(contentsOf url: URL, _ handle: (MARCReadResult) throws -> Void) throws {
        try read(Data(contentsOf: url, options: .mappedIfSafe), handle)
    }

    /// Reads every record in `data`, strictly: the first rejected record ends the reading.
    ///
    /// - throws: the first ``MARCError``.
    public static func records(from data: Data) throws(MARCError) -> [MARCRecord] {
        var records: [MARCRecord] = []
        do {
            try read(data) { result in
                switch result {
                case .success(let read): records.append(read.record)
                case .failure(let error): throw error
                }
            }
        } catch let error as MARCError {
            throw error
        } catch {
            // `read` throws only MARCError and what the handler throws, which is a MARCError.
            throw MARCError(.malformedXML, "\(error)", isFatal: true)
        }
        return records
    }

    /// Reads every record in `string`, strictly. See ``records(from:)-(Data)``.
    public static func records(from string: String) throws(MARCError) -> [MARCRecord] {
        try records(from: Data(string.utf8))
    }

    /// Reads the one record that `data` must hold (a `<record>`, possibly inside an envelope
    /// such as Alma's `<bib>` or a `<collection>`).
    ///
    /// - throws: ``MARCError`` when the record is rejected, or the document holds no record or
    ///   more than one.
    public static func record(from data: Data) throws(MARCError) -> MARCRecord {
        let records = try records(from: data)
        guard records.count == 1 else {
            throw MARCError(.invalidMARCXML, "the document holds \(records.count) MARC records, not one")
        }
        return records[0]
    }

    /// Reads the one record that `string` must hold. See ``record(from:)-(Data)``.
    public static func record(from string: String) throws(MARCError) -> MARCRecord {
        try record(from: Data(string.utf8))
    }

    // MARK: - Writing

    /// The start of a collection document: the XML declaration and `<collection>` with the
    /// MARC21-slim namespace, followed by a line break.
    public static let collectionStart = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection xmlns=\"\(namespace)\">\n"
    /// The end of a collection document.
    public static let collectionEnd = "</collection>\n"

    /// `record` as one `<record>` element, without whitespace.
    ///
    /// Characters XML 1.0 cannot carry (C0 controls other than tab, line feed and carriage
    /// return; U+FFFE, U+FFFF) are written as U+FFFD; carriage returns, and tabs and line feeds
    /// in attributes, as character references so that they survive XML's normalization.
    ///
    /// - parameter namespaced: declare the MARC21-slim namespace on the element, for a record
    ///   that stands alone. Alma's bib API embeds records without it.
    public static func string(for record: MARCRecord, namespaced: Bool = false) -> String {
        var out = ""
        write(record, namespaced: namespaced, into: &out)
        return out
    }

    /// Appends `record` as one `<record>` element to `out`; see ``string(for:namespaced:)``.
    public static func write(_ record: MARCRecord, namespaced: Bool = false, into out: inout String) {
        out += namespaced ? "<record xmlns=\"\(namespace)\"><leader>" : "<record><leader>"
        escape(record.leader, attribute: false, into: &out)
        out += "</leader>"
        for field in record.fields {
            switch field {
            case .control(let tag, let value):
                out += "<controlfield tag=\""
                escape(tag, attribute: true, into: &out)
                out += "\">"
                escape(value, attribute: false, into: &out)
                out += "</controlfield>"
            case .data(let tag, let indicator1, let indicator2, let subfields):
                out += "<datafield ind1=\""
                escape(String(indicator1), attribute: true, into: &out)
                out += "\" ind2=\""
                escape(String(indicator2), attribute: true, into: &out)
                out += "\" tag=\""
                escape(tag, attribute: true, into: &out)
                out += "\">"
                for subfield in subfields {
                    out += "<subfield code=\""
                    escape(String(subfield.code), attribute: true, into: &out)
                    out += "\">"
                    escape(subfield.value, attribute: false, into: &out)
                    out += "</subfield>"
                }
                out += "</datafield>"
            }
        }
        out += "</record>"
    }

    /// `records` as a collection document: ``collectionStart``, one `<record>` a line,
    /// ``collectionEnd``. To stream a large export, write those pieces yourself.
    public static func collection(_ records: some Sequence<MARCRecord>) -> String {
        var out = collectionStart
        for record in records {
            write(record, into: &out)
            out += "\n"
        }
        out += collectionEnd
        return out
    }

    private static func escape(_ value: String, attribute: Bool, into out: inout String) {
        var clean = true
        for byte in value.utf8 where byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0xEF {
            clean = false
            break
        }
        if clean {
            out += value
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t": out += attribute ? "&#9;" : "\t"
            case "\n": out += attribute ? "&#10;" : "\n"
            case "\r": out += "&#13;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out.unicodeScalars.append("\u{FFFD}")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
    }

    // MARK: - Checks before XMLParser sees the bytes

    /// Refuses what `XMLParser` should never see: empty documents, NUL bytes, invalid UTF-8
    /// (FoundationXML traps on some that libxml2 lets through), other declared encodings, and
    /// DOCTYPE or ENTITY declarations.
    private static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> MARCError? {
        func fail(_ reason: String, at offset: Int? = nil) -> MARCError {
            MARCError(.malformedXML, reason, position: offset.map { MARCPosition(byteOffset: $0) }, isFatal: true)
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return fail("the document is empty")
        }
        if let nul = bytes.firstIndex(of: 0) {
            return fail("the document contains a NUL byte", at: nul)
        }
        if let invalid = firstInvalidUTF8(bytes) {
            return fail("the document is not valid UTF-8", at: invalid)
        }
        if let encoding = declaredEncoding(bytes), !["utf-8", "utf8", "us-ascii", "ascii"].contains(encoding.lowercased()) {
            return fail("the document declares the encoding \"\(encoding)\"; MARCXML is read as UTF-8 only")
        }
        if let declaration = firstDeclaration(bytes) {
            return fail("DOCTYPE and ENTITY declarations are not allowed", at: declaration)
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

    /// The `encoding` of the XML declaration, if there is one.
    private static func declaredEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard bytes[start...].starts(with: "<?xml".utf8) else { return nil }
        var end = start
        while end + 1 < bytes.count && !(bytes[end] == UInt8(ascii: "?") && bytes[end + 1] == UInt8(ascii: ">")) {
            end += 1
        }
        let declaration = String(decoding: bytes[start..<end], as: UTF8.self)
        guard let range = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return "" }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    /// The offset of the first `<!DOCTYPE` or `<!ENTITY` (any case), or `nil`.
    private static func firstDeclaration(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
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
