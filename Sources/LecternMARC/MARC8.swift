import CYaz
import Foundation

/// MARC-8 text decoded to UTF-8 by YAZ's character conversion: ASCII and ANSEL, the escape
/// sequences to Greek, Cyrillic, Hebrew, Arabic, East Asian (EACC), subscript and superscript
/// sets, and MARC-8's combining marks (written before their base letter) moved after it; the
/// result is composed (NFC), as UTF-8 records are stored.
enum MARC8 {
    /// The C1 bytes MARC-8 gives a meaning (non-sort begin and end, zero-width joiner and
    /// non-joiner); the others, and DEL in either half, are no character of it, and YAZ would
    /// drop them without a word.
    private static let definedC1: Set<UInt8> = [0x88, 0x89, 0x8D, 0x8E]

    private static func isUndefined(_ byte: UInt8) -> Bool {
        byte == 0x7F || byte == 0xFF || ((0x80...0x9F).contains(byte) && !definedC1.contains(byte))
    }

    /// YAZ's conversion from MARC-8 to UTF-8, opened once for the fields of a record: each field
    /// ends with a flush, which returns the conversion to its initial state.
    final class Converter {
        fileprivate let handle: yaz_iconv_t

        init?() {
            guard let handle = yaz_iconv_open("UTF-8", "MARC8") else { return nil }
            self.handle = handle
        }

        deinit {
            yaz_iconv_close(handle)
        }
    }

    /// One field's content in UTF-8, and how many bytes were no MARC-8 character (each replaced
    /// by U+FFFD, before the text is composed).
    ///
    /// A data field's indicators, subfield delimiters and subfield codes are ASCII whatever set
    /// is in force, so only the subfields' data is converted; a set chosen by an escape holds
    /// until the next escape or the end of the field, across subfields. A field of printable
    /// ASCII and delimiters alone is the same in UTF-8, and is not converted; `converter` is
    /// opened for the first field that needs it.
    static func utf8(
        _ content: UnsafeBufferPointer<UInt8>,
        isControlField: Bool,
        converter: inout Converter?
    ) -> (bytes: [UInt8], unconvertible: Int) {
        if content.allSatisfy({ $0 >= 0x1F && $0 < 0x7F }) { return (Array(content), 0) }
        if converter == nil { converter = Converter() }
        guard let converter = converter?.handle else { return ([], content.count) }
        var decoder = Decoder(converter: converter, capacity: content.count)
        if isControlField {
            decoder.convert(content[...])
        } else {
            let prefix = min(2, content.count)
            decoder.produced += content[0..<prefix]
            var index = prefix
            while index < content.count {
                guard content[index] == 0x1F else {
                    var end = index
                    while end < content.count, content[end] != 0x1F { end += 1 }
                    decoder.convert(content[index..<end])
                    index = end
                    continue
                }
                let code = min(index + 2, content.count)
                decoder.produced += content[index..<code]
                index = code
            }
        }
        decoder.flush()
        if decoder.produced.allSatisfy({ $0 < 0x80 }) { return (decoder.produced, decoder.unconvertible) }
        let composed = String(decoding: decoder.produced, as: UTF8.self).precomposedStringWithCanonicalMapping
        return (Array(composed.utf8), decoder.unconvertible)
    }

    /// One YAZ conversion, fed piece by piece so that its state (the sets in force, a combining
    /// mark waiting for its letter) carries from one piece to the next.
    private struct Decoder {
        let converter: yaz_iconv_t
        var produced: [UInt8] = []
        var unconvertible = 0
        private var output: [UInt8]

        init(converter: yaz_iconv_t, capacity: Int) {
            self.converter = converter
            produced.reserveCapacity(capacity + 16)
            output = [UInt8](repeating: 0, count: 4 * capacity + 64)
        }

        /// Converts `piece`; a byte that is no MARC-8 character becomes U+FFFD and is counted.
        mutating func convert(_ piece: Slice<UnsafeBufferPointer<UInt8>>) {
            var runStart = piece.startIndex
            for index in piece.indices where MARC8.isUndefined(piece[index]) {
                convertDefined(piece[runStart..<index])
                replace()
                runStart = index + 1
            }
            convertDefined(piece[runStart...])
        }

        private mutating func replace() {
            unconvertible += 1
            produced += [0xEF, 0xBF, 0xBD]
        }

        /// Converts bytes that YAZ would not drop without a word.
        private mutating func convertDefined(_ piece: Slice<UnsafeBufferPointer<UInt8>>) {
            guard !piece.isEmpty else { return }
            var input = Array(piece)
            input.withUnsafeMutableBytes { bytes in
                var next = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var left = bytes.count
                // Every turn consumes at least one byte, whatever YAZ does with garbage.
                while left > 0 {
                    let before = left
                    run(&next, &left)
                    if left < before { continue }
                    // Stopped at a byte that is no character here: replaced, and the rest converted.
                    replace()
                    next = next.map { $0 + 1 }
                    left -= 1
                }
            }
        }

        /// Writes out what the conversion still holds.
        mutating func flush() {
            var nothing: UnsafeMutablePointer<CChar>? = nil
            var none = 0
            run(&nothing, &none, flushing: true)
        }

        /// One call of `yaz_iconv`, repeated while the output is full; it stops early at a byte
        /// it cannot convert, with `left` telling how far it got.
        private mutating func run(_ next: inout UnsafeMutablePointer<CChar>?, _ left: inout Int, flushing: Bool = false) {
            let converter = converter
            var collected: [UInt8] = []
            output.withUnsafeMutableBytes { outputBytes in
                let start = outputBytes.baseAddress!.assumingMemoryBound(to: CChar.self)
                // The output holds four times the input, more than MARC-8 ever needs: a full
                // output is retried a few times only, so that garbage cannot keep it going.
                for _ in 0..<4 {
                    var out: UnsafeMutablePointer<CChar>? = start
                    var room = outputBytes.count
                    let result = flushing ? yaz_iconv(converter, nil, nil, &out, &room) : yaz_iconv(converter, &next, &left, &out, &room)
                    let written = outputBytes.count - room
                    collected.append(contentsOf: UnsafeRawBufferPointer(start: start, count: written))
                    guard result == size_t.max, yaz_iconv_error(converter) == YAZ_ICONV_E2BIG, written > 0 else { return }
                }
            }
            produced += collected
        }
    }
}
