public import Foundation
import LecternRepresentation

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
/// nothing that follows can be trusted. So do documents that contain NUL bytes or a DOCTYPE
/// (refused so that no entity can expand), before any record is read.
///
/// **Encodings.** A document in another encoding than UTF-8, named by its XML declaration
/// (ISO-8859-1, windows-1252, ISO-8859-5, Shift_JIS, ...) or shown by the byte order mark or
/// first bytes of UTF-16 and UTF-32, is converted to UTF-8 first by the C library's `iconv`. An
/// encoding it does not know, or bytes that are no text in the encoding, stop the reading.
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
    ///   not well formed, is not text in its encoding, contains NUL bytes or a DOCTYPE; the
    ///   records before the error have been handed to `handle`. Or the error `handle` threw.
    public static func read(_ data: Data, _ handle: (MARCReadResult) throws -> Void) throws {
        let data = try XMLEncoding.utf8(data) ?? data
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

    /// Refuses what `XMLParser` should never see (``XMLInputCheck``), as a fatal error.
    private static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> MARCError? {
        XMLInputCheck.problem(in: bytes).map { problem in
            MARCError(.malformedXML, problem.reason, position: problem.offset.map { MARCPosition(byteOffset: $0) }, isFatal: true)
        }
    }
}
