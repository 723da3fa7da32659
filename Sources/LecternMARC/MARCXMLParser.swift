import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Turns `XMLParser` events into records, one at a time, for ``MARCXML/read(_:_:)``.
///
/// Only the record being read is in memory. A record with a structural problem is marked
/// failed at the first problem; its remaining events are ignored, and at its end tag the
/// handler gets the error.
final class MARCXMLParser: NSObject, XMLParserDelegate {
    private enum Capture {
        case leader
        case controlField(tag: String)
        case subfield(code: Character)
    }

    private struct OpenRecord {
        var index: Int
        var line: Int
        var depth: Int
        var leader: String?
        var fields: [MARCRecord.Field] = []
        /// The data field being read: tag, indicators, subfields so far.
        var dataField: (tag: String, indicator1: Character, indicator2: Character, subfields: [MARCRecord.Subfield])?
        var capture: Capture?
        var text = ""
        var problem: String?
    }

    private let handle: (MARCReadResult) throws -> Void
    private var depth = 0
    private var sawElement = false
    private var nextIndex = 0
    private var record: OpenRecord?
    private var parseError: (error: any Error, line: Int, column: Int)?
    /// What the handler threw, if it did; reading stopped there.
    private(set) var handlerError: (any Error)?

    init(handle: @escaping (MARCReadResult) throws -> Void) {
        self.handle = handle
    }

    /// The fatal error of a parse that did not succeed, or `nil`.
    func fatalParseError(succeeded: Bool, parser: XMLParser) -> MARCError? {
        // `parse()` reports success for some errors after the root element, so the reported
        // error decides as well.
        let line = parseError?.line ?? parser.lineNumber
        let column = parseError?.column ?? parser.columnNumber
        var reason = "the document is not well-formed XML"
        if succeeded && parseError == nil {
            // libxml2 accepts a few bytes that never reach an element ("<?x"); a document
            // needs its root element, closed.
            if sawElement && depth == 0 { return nil }
            reason += sawElement ? ": it ends inside an element" : ": it has no root element"
        } else if let error = parseError?.error ?? parser.parserError {
            let nsError = error as NSError
            if let message = nsError.userInfo["NSXMLParserErrorMessage"] as? String {
                reason += ": " + message.trimmingCharacters(in: .whitespacesAndNewlines)
            } else {
                reason += " (XMLParser error \(nsError.code))"
            }
        }
        let position = MARCPosition(recordIndex: record?.index, line: line, column: column)
        return MARCError(.malformedXML, reason, position: position, isFatal: true)
    }

    // MARK: - XMLParserDelegate

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        depth += 1
        sawElement = true
        let isMARC = namespaceURI == nil || namespaceURI == "" || namespaceURI == MARCXML.namespace
        guard var open = record else {
            if isMARC && elementName == "record" {
                record = OpenRecord(index: nextIndex, line: parser.lineNumber, depth: depth)
                nextIndex += 1
            }
            return
        }
        guard open.problem == nil else { return }
        defer { record = open }
        let name = isMARC ? elementName : qualifiedName ?? elementName
        switch (depth - open.depth, name) {
        case (1, "leader") where isMARC:
            guard open.leader == nil else {
                open.problem = "the record has more than one <leader>"
                return
            }
            open.capture = .leader
        case (1, "controlfield") where isMARC:
            let tag = attributeDict["tag"] ?? ""
            guard ISO2709.isTag(tag, control: true) else {
                open.problem = "<controlfield> has the tag \"\(tag)\", not 00 followed by a letter or digit"
                return
            }
            open.capture = .controlField(tag: tag)
        case (1, "datafield") where isMARC:
            let tag = attributeDict["tag"] ?? ""
            guard ISO2709.isTag(tag, control: false) else {
                open.problem = "<datafield> has the tag \"\(tag)\", not three ASCII letters or digits outside 00X"
                return
            }
            guard let indicator1 = Self.indicator(attributeDict["ind1"]), let indicator2 = Self.indicator(attributeDict["ind2"]) else {
                open.problem = "<datafield tag=\"\(tag)\"> has an indicator that is not one printable ASCII character"
                return
            }
            open.dataField = (tag, indicator1, indicator2, [])
        case (2, "subfield") where isMARC && open.dataField != nil:
            let code = attributeDict["code"] ?? ""
            guard code.count == 1, let character = code.first, ISO2709.subfieldCode(character) != nil else {
                let tag = open.dataField?.tag ?? ""
                open.problem = "a <subfield> of field \(tag) has the code \"\(code)\", not one printable ASCII character"
                return
            }
            open.capture = .subfield(code: character)
        default:
            let parent = depth - open.depth == 1 ? "<record>" : "field \(open.dataField?.tag ?? "")"
            open.problem = "unexpected element <\(name)> in \(parent)"
        }
        open.text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard var open = record, open.problem == nil else { return }
        if open.capture != nil {
            open.text += string
        } else if !string.allSatisfy(\.isWhitespace) {
            open.problem = "text outside <leader>, <controlfield> and <subfield>"
        } else {
            return
        }
        record = open
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard record != nil else { return }
        self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(
        _ parser: XMLParser,
        didEndElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?
    ) {
        defer { depth -= 1 }
        guard var open = record else { return }
        if depth == open.depth {
            record = nil
            finish(open, parser)
            return
        }
        guard open.problem == nil else { return }
        defer { record = open }
        if let capture = open.capture {
            open.capture = nil
            switch capture {
            case .leader:
                guard open.text.utf8.count == 24, open.text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
                    open.problem = "the <leader> is not 24 printable ASCII characters: \"\(open.text)\""
                    return
                }
                open.leader = open.text
            case .controlField(let tag):
                open.fields.append(.control(tag: tag, value: open.text))
            case .subfield(let code):
                open.dataField?.subfields.append(MARCRecord.Subfield(code, open.text))
            }
            open.text = ""
        } else if let field = open.dataField, depth - open.depth == 1 {
            open.fields.append(.data(tag: field.tag, indicator1: field.indicator1, indicator2: field.indicator2, subfields: field.subfields))
            open.dataField = nil
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if self.parseError == nil {
            self.parseError = (parseError, parser.lineNumber, parser.columnNumber)
        }
    }

    func parser(_ parser: XMLParser, validationErrorOccurred validationError: any Error) {
        if parseError == nil {
            parseError = (validationError, parser.lineNumber, parser.columnNumber)
        }
    }

    // MARK: - Helpers

    private func finish(_ open: OpenRecord, _ parser: XMLParser) {
        guard handlerError == nil else { return }
        let position = MARCPosition(recordIndex: open.index, line: open.line)
        let result: MARCReadResult
        if let problem = open.problem {
            result = .failure(MARCError(.invalidMARCXML, problem, position: position))
        } else if let leader = open.leader {
            result = .success((MARCRecord(leader: leader, fields: open.fields), position, []))
        } else {
            result = .failure(MARCError(.invalidMARCXML, "the record has no <leader>", position: position))
        }
        do {
            try handle(result)
        } catch {
            handlerError = error
            parser.abortParsing()
        }
    }

    /// An indicator attribute: one printable ASCII character; missing or empty reads as blank.
    private static func indicator(_ value: String?) -> Character? {
        guard let value, !value.isEmpty else { return " " }
        guard value.count == 1, let character = value.first, ISO2709.indicator(character) != nil else { return nil }
        return character
    }
}
