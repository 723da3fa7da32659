extension PrimoQuery {
    /// Parses a `q` parameter (already percent-decoded).
    ///
    /// - throws: ``PrimoQueryError`` for parameter `q`: empty, too long, a clause without
    ///   `field,precision,value`, an unknown field or precision, an empty value, an unmatched
    ///   `"` or parenthesis, too many clauses or terms.
    public init(parsing q: String) throws(PrimoQueryError) {
        let bytes = Array(q.utf8)
        guard bytes.count <= Self.maximumLength else {
            throw Self.error("is longer than \(Self.maximumLength) bytes")
        }
        guard bytes.contains(where: { !ASCIISet.whitespace.contains($0) }) else {
            throw Self.error("is empty; expected field,precision,value (any,contains,popcorn)")
        }
        var clauses: [Clause] = []
        for (number, range) in Self.clauseRanges(bytes).enumerated() {
            guard number < Self.maximumClauses else { throw Self.error("has more than \(Self.maximumClauses) clauses") }
            clauses.append(try Self.clause(bytes[range], number: number + 1))
        }
        self.init(clauses: clauses)
    }

    static func error(_ message: String) -> PrimoQueryError {
        PrimoQueryError(parameter: "q", message: message)
    }

    /// The byte ranges of the clauses: split at each `;` outside double quotes that is followed
    /// by `name,name,` (a field and a precision).
    private static func clauseRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var quoted = false
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if byte == UInt8(ascii: ";"), !quoted, startsClause(bytes, at: index + 1) {
                ranges.append(start..<index)
                start = index + 1
            }
        }
        ranges.append(start..<bytes.count)
        return ranges
    }

    /// Whether `name,name,` (names of letters, digits and `_`, spaces around them) starts at `index`.
    /// Bounded by a name length of 32, so the split stays linear.
    private static func startsClause(_ bytes: [UInt8], at index: Int) -> Bool {
        var position = index
        for _ in 0..<2 {
            while position < bytes.count, bytes[position] == 0x20 { position += 1 }
            let nameStart = position
            while position < bytes.count, position - nameStart <= 32, isNameByte(bytes[position]) { position += 1 }
            guard position > nameStart, position - nameStart <= 32 else { return false }
            while position < bytes.count, bytes[position] == 0x20 { position += 1 }
            guard position < bytes.count, bytes[position] == UInt8(ascii: ",") else { return false }
            position += 1
        }
        return true
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "_")
    }

    private static func clause(_ bytes: ArraySlice<UInt8>, number: Int) throws(PrimoQueryError) -> Clause {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let firstComma = bytes.firstIndex(of: UInt8(ascii: ",")),
            let secondComma = bytes[(firstComma + 1)...].firstIndex(of: UInt8(ascii: ","))
        else {
            throw error("clause \(number) (\"\(excerpt(text))\") is not field,precision,value")
        }
        let field = PNXText.trimmed(String(decoding: bytes[bytes.startIndex..<firstComma], as: UTF8.self)).lowercased()
        guard isField(field) else {
            throw error(
                "unknown field \"\(excerpt(field))\" in clause \(number) (expected \(fields.joined(separator: ", ")) or lsr01…lsr99)"
            )
        }
        let precisionText = PNXText.trimmed(String(decoding: bytes[(firstComma + 1)..<secondComma], as: UTF8.self)).lowercased()
        guard let precision = Precision(rawValue: precisionText) else {
            throw error("unknown precision \"\(excerpt(precisionText))\" in clause \(number) (expected contains, exact or begins_with)")
        }
        var rest = PNXText.trimmed(String(decoding: bytes[(secondComma + 1)...], as: UTF8.self))
        var joiner = BooleanOperator.and
        for candidate in BooleanOperator.allCases where rest.hasSuffix("," + candidate.rawValue) {
            joiner = candidate
            rest = PNXText.trimmed(String(rest.dropLast(candidate.rawValue.count + 1)))
            break
        }
        guard !rest.isEmpty else { throw error("clause \(number) (field \(field)) has an empty value") }
        let terms: Terms
        do throws(PrimoTermsParser.Failure) {
            terms = try PrimoTermsParser.parse(rest, precision: precision)
        } catch {
            throw Self.error("clause \(number) (field \(field)): \(error.message)")
        }
        return Clause(field: field, precision: precision, value: rest, terms: terms, joiner: joiner)
    }

    /// At most 60 characters of `text`, for messages.
    static func excerpt(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(60)) + "…"
    }
}
