// How an ISO 2709 reader turns a field's bytes into a control or data field: decoded as UTF-8,
// and, reading leniently, repaired where permissive MARC readers repair, each repair a warning.

extension ISO2709Reader {
    /// The repairs made to one record: reading leniently each is a warning; reading strictly the
    /// first one rejects the record.
    struct Repairs {
        let mode: MARCReadMode
        /// Where the record starts in the input.
        let recordOffset: Int
        private(set) var warnings: [MARCWarning] = []

        init(mode: MARCReadMode, recordOffset: Int) {
            self.mode = mode
            self.recordOffset = recordOffset
        }

        /// Notes the repair `done` of field `tag` at `offset` in the record, or throws `rejecting`.
        mutating func repair(
            _ code: MARCError.Code,
            _ tag: String,
            at offset: Int,
            rejecting reason: @autoclosure () -> String,
            _ done: @autoclosure () -> String
        ) throws(Problem) {
            guard mode == .lenient else { throw Problem(code, reason(), field: tag) }
            warnings.append(MARCWarning(code, field: tag, byteOffset: recordOffset + offset, repair: done()))
        }
    }

    static func isControlTag(_ tag: String) -> Bool {
        tag.utf8.first == UInt8(ascii: "0") && tag.utf8.dropFirst().first == UInt8(ascii: "0")
    }

    /// Builds a field from its bytes without the terminator; `offset` is where the field starts
    /// in the record, for warnings.
    static func field(
        _ tag: String,
        _ bytes: Slice<UnsafeBufferPointer<UInt8>>,
        at offset: Int,
        _ repairs: inout Repairs
    ) throws(Problem) -> MARCRecord.Field {
        let isControl = isControlTag(tag)
        var content = bytes
        if let terminator = content.firstIndex(where: { $0 == ISO2709.fieldTerminator || $0 == ISO2709.recordTerminator }) {
            try repairs.repair(
                .invalidField,
                tag,
                at: offset,
                rejecting: isControl
                    ? "control field \(tag) contains a MARC delimiter byte"
                    : "data field \(tag) contains a terminator byte before its end",
                "a terminator byte inside the field ends it: the \(counted(content.endIndex - terminator, "byte")) from there are not read as part of it"
            )
            content = content[..<terminator]
        }
        if isControl {
            guard content.contains(ISO2709.subfieldDelimiter) else {
                return .control(tag: tag, value: try decode(content, tag, nil, at: offset, &repairs))
            }
            let kept = content.filter { $0 != ISO2709.subfieldDelimiter }
            try repairs.repair(
                .invalidField,
                tag,
                at: offset,
                rejecting: "control field \(tag) contains a MARC delimiter byte",
                "\(counted(content.count - kept.count, "subfield delimiter")) (0x1F) in a control field removed"
            )
            return .control(
                tag: tag,
                value: try kept.withUnsafeBufferPointer { buffer throws(Problem) in try decode(buffer[...], tag, nil, at: offset, &repairs) }
            )
        }
        let start = content.startIndex
        let delimiter = content.firstIndex(of: ISO2709.subfieldDelimiter) ?? content.endIndex
        var indicators: [Character] = [" ", " "]
        let indicatorCount = Swift.min(2, delimiter - start)
        if indicatorCount < 2 {
            try repairs.repair(
                .invalidField,
                tag,
                at: offset,
                rejecting: content.count < 2
                    ? "data field \(tag) is shorter than its two indicators"
                    : "data field \(tag) has indicators that are not printable ASCII",
                indicatorCount == 0 ? "no indicators: both read as blank" : "one indicator only: the second read as blank"
            )
        }
        for position in 0..<indicatorCount {
            let byte = content[start + position]
            guard byte >= 0x20, byte < 0x7F else {
                try repairs.repair(
                    .invalidField,
                    tag,
                    at: offset,
                    rejecting: "data field \(tag) has indicators that are not printable ASCII",
                    "indicator \(position + 1) is not printable ASCII (\(printable(content[start + position..<start + position + 1]))): read as blank"
                )
                continue
            }
            indicators[position] = Character(Unicode.Scalar(byte))
        }
        if delimiter - start > 2 {
            let stray = content[start + 2..<delimiter]
            try repairs.repair(
                .invalidField,
                tag,
                at: offset,
                rejecting: "data field \(tag) has data before its first subfield delimiter (0x1F)",
                "\(counted(stray.count, "byte")) before the first subfield delimiter (0x1F) dropped: \"\(printable(stray))\""
            )
        }
        var subfields: [MARCRecord.Subfield] = []
        var index = delimiter
        while index < content.endIndex {
            // content[index] is a subfield delimiter.
            var next = index + 1
            while next < content.endIndex, content[next] != ISO2709.subfieldDelimiter { next += 1 }
            // A delimiter followed by nothing (or by another delimiter) is an empty subfield
            // without a code: skipped.
            if next > index + 1 {
                let code = content[index + 1]
                if code > 0x20, code < 0x7F {
                    let value = try decode(content[index + 2..<next], tag, Character(Unicode.Scalar(code)), at: offset, &repairs)
                    subfields.append(MARCRecord.Subfield(Character(Unicode.Scalar(code)), value))
                } else {
                    try repairs.repair(
                        .invalidField,
                        tag,
                        at: offset,
                        rejecting: "data field \(tag) has a subfield code that is not printable ASCII",
                        "a subfield whose code is not printable ASCII dropped: \"\(printable(content[index + 1..<next]))\""
                    )
                }
            }
            index = next
        }
        return .data(tag: tag, indicator1: indicators[0], indicator2: indicators[1], subfields: subfields)
    }

    /// The text of `bytes`, which a UTF-8 record holds as UTF-8; read leniently, invalid
    /// sequences become U+FFFD.
    static func decode(
        _ bytes: Slice<UnsafeBufferPointer<UInt8>>,
        _ tag: String,
        _ code: Character?,
        at offset: Int,
        _ repairs: inout Repairs
    ) throws(Problem) -> String {
        let buffer = UnsafeBufferPointer(rebasing: bytes)
        if let string = String(validating: buffer, as: UTF8.self) { return string }
        var invalid = 0
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = buffer.makeIterator()
        parsing: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .error: invalid += 1
            case .emptyInput: break parsing
            }
        }
        let place = code.map { "$\($0)" } ?? "the field"
        try repairs.repair(
            .invalidUTF8,
            tag,
            at: offset,
            rejecting: "field \(tag) is not valid UTF-8",
            "\(counted(invalid, "invalid UTF-8 sequence")) in \(place) replaced by U+FFFD"
        )
        return String(decoding: buffer, as: UTF8.self)
    }

    /// `1 byte that is no MARC-8 character`, `2 bytes that are no MARC-8 characters`.
    static func notMARC8(_ count: Int) -> String {
        count == 1 ? "1 byte that is no MARC-8 character" : "\(count) bytes that are no MARC-8 characters"
    }

    /// `1 byte`, `3 bytes`.
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// Up to 40 characters of `bytes` for a warning: UTF-8 text, controls as `\xNN`.
    static func printable(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        let scalars = String(decoding: UnsafeBufferPointer(rebasing: bytes.prefix(160)), as: UTF8.self).unicodeScalars
        var text = ""
        for scalar in scalars.prefix(40) {
            if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\"" || scalar == "\\" {
                text += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true)
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return bytes.count > 160 || scalars.count > 40 ? text + "…" : text
    }
}
