/// Parses one clause value into ``PrimoQuery/Terms``: the tokenizer and the grammar of
/// ``PrimoQuery``'s documentation.
///
/// ```
/// or   := and ("OR" and)*
/// and  := not (["AND"] not | "NOT" not)*      adjacency is AND; "a NOT b" is a AND NOT b
/// not  := "NOT"* atom
/// atom := word | phrase | "(" or ")"
/// ```
enum PrimoTermsParser {
    /// Why a value does not parse; ``PrimoQuery`` adds the clause.
    struct Failure: Error {
        var message: String
    }

    enum Token: Equatable {
        case word(String)
        case phrase(String)
        case and, or, not
        case open, close
    }

    static func parse(_ value: String, precision: PrimoQuery.Precision) throws(Failure) -> PrimoQuery.Terms {
        if precision != .contains {
            // The whole value is one phrase, enclosing quotes removed.
            var text = value
            if let quote = text.first, quote == "\"" || quote == "'", text.count >= 2, text.last == quote {
                text = String(text.dropFirst().dropLast())
            } else if text.contains("\"") {
                guard text.utf8.count(where: { $0 == UInt8(ascii: "\"") }) % 2 == 0 else { throw Failure(message: "unmatched \"") }
            }
            let words = DiscoveryText.words(text)
            guard !words.isEmpty else { throw Failure(message: "the value has no word to search for") }
            guard words.count <= PrimoQuery.maximumTerms else { throw tooManyTerms }
            return .phrase(words)
        }
        var tokens = try tokenize(value)
        tokens = demoteStrayOperators(tokens)
        var parser = Grammar(tokens: tokens)
        guard let terms = try parser.parseOr(depth: 0) else { throw Failure(message: "the value has no word to search for") }
        if parser.position < tokens.count { throw Failure(message: "unmatched )") }
        return terms
    }

    static let tooManyTerms = Failure(message: "the value has more than \(PrimoQuery.maximumTerms) terms")

    /// Splits a value into words, phrases, operators and parentheses.
    static func tokenize(_ value: String) throws(Failure) -> [Token] {
        let bytes = Array(value.utf8)
        var tokens: [Token] = []
        var word: [UInt8] = []
        var index = 0

        func flush() {
            guard !word.isEmpty else { return }
            let text = String(decoding: word, as: UTF8.self)
            switch text {
            case "AND": tokens.append(.and)
            case "OR": tokens.append(.or)
            case "NOT": tokens.append(.not)
            default: tokens.append(.word(text))
            }
            word.removeAll(keepingCapacity: true)
        }

        func isBoundary(_ byte: UInt8) -> Bool {
            ASCIISet.whitespace.contains(byte) || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
        }

        while index < bytes.count {
            let byte = bytes[index]
            if ASCIISet.whitespace.contains(byte) {
                flush()
                index += 1
            } else if byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") {
                flush()
                tokens.append(byte == UInt8(ascii: "(") ? .open : .close)
                index += 1
            } else if byte == UInt8(ascii: "\"") {
                flush()
                guard let end = bytes[(index + 1)...].firstIndex(of: byte) else { throw Failure(message: "unmatched \"") }
                tokens.append(.phrase(String(decoding: bytes[(index + 1)..<end], as: UTF8.self)))
                index = end + 1
            } else if byte == UInt8(ascii: "'"), word.isEmpty,
                let end = closingApostrophe(bytes, after: index, isBoundary: isBoundary)
            {
                tokens.append(.phrase(String(decoding: bytes[(index + 1)..<end], as: UTF8.self)))
                index = end + 1
            } else {
                word.append(byte)
                index += 1
            }
            if tokens.count > PrimoQuery.maximumTerms * 2 { throw tooManyTerms }
        }
        flush()
        return tokens
    }

    /// The first `'` after `start` that ends a word (followed by a boundary or the end), or `nil`.
    private static func closingApostrophe(_ bytes: [UInt8], after start: Int, isBoundary: (UInt8) -> Bool) -> Int? {
        var index = start + 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "'"), index + 1 == bytes.count || isBoundary(bytes[index + 1]) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Operators without operands become words: `OR` alone, `AND` first, `NOT` last.
    static func demoteStrayOperators(_ tokens: [Token]) -> [Token] {
        func endsOperand(_ token: Token?) -> Bool {
            switch token {
            case .word, .phrase, .close: true
            default: false
            }
        }
        func startsOperand(_ token: Token?) -> Bool {
            switch token {
            case .word, .phrase, .open, .not: true
            default: false
            }
        }
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        for (index, token) in tokens.enumerated() {
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            switch token {
            case .and, .or:
                // Binary: needs an operand on the left (as already rewritten) and one on the right.
                result.append(endsOperand(result.last) && startsOperand(next) ? token : .word(token == .and ? "AND" : "OR"))
            case .not:
                result.append(startsOperand(next) ? token : .word("NOT"))
            default:
                result.append(token)
            }
        }
        // One pass suffices: a demoted operator becomes a word, an operand, which can only make
        // the operators before it valid, never invalid.
        return result
    }

    /// Recursive descent over the tokens.
    struct Grammar {
        let tokens: [Token]
        var position = 0
        var termCount = 0

        init(tokens: [Token]) {
            self.tokens = tokens
        }

        var current: Token? { position < tokens.count ? tokens[position] : nil }

        mutating func parseOr(depth: Int) throws(Failure) -> PrimoQuery.Terms? {
            var alternatives: [PrimoQuery.Terms] = []
            if let first = try parseAnd(depth: depth) { alternatives.append(first) }
            while current == .or {
                position += 1
                if let next = try parseAnd(depth: depth) { alternatives.append(next) }
            }
            switch alternatives.count {
            case 0: return nil
            case 1: return alternatives[0]
            default: return .or(alternatives)
            }
        }

        mutating func parseAnd(depth: Int) throws(Failure) -> PrimoQuery.Terms? {
            var parts: [PrimoQuery.Terms] = []
            while let token = current, token != .or, token != .close {
                if token == .and {
                    position += 1
                    continue
                }
                if let term = try parseNot(depth: depth) { parts.append(term) }
            }
            switch parts.count {
            case 0: return nil
            case 1: return parts[0]
            default: return .and(parts)
            }
        }

        mutating func parseNot(depth: Int) throws(Failure) -> PrimoQuery.Terms? {
            var negations = 0
            while current == .not {
                negations += 1
                position += 1
            }
            guard let atom = try parseAtom(depth: depth) else { return nil }
            return negations % 2 == 1 ? .not(atom) : atom
        }

        mutating func parseAtom(depth: Int) throws(Failure) -> PrimoQuery.Terms? {
            guard let token = current else { return nil }
            position += 1
            switch token {
            case .open:
                guard depth < PrimoQuery.maximumDepth else {
                    throw Failure(message: "parentheses are nested deeper than \(PrimoQuery.maximumDepth)")
                }
                let inner = try parseOr(depth: depth + 1)
                guard current == .close else { throw Failure(message: "unmatched (") }
                position += 1
                guard let inner else { throw Failure(message: "empty parentheses") }
                return inner
            case .word(let text):
                return try count(Self.word(text))
            case .phrase(let text):
                let words = DiscoveryText.words(text)
                return try count(words.isEmpty ? nil : words.count == 1 ? .word(words[0]) : .phrase(words))
            case .and, .or, .not, .close:
                // Unreachable after demoteStrayOperators and the callers' checks; skip it.
                return nil
            }
        }

        private mutating func count(_ term: PrimoQuery.Terms?) throws(Failure) -> PrimoQuery.Terms? {
            guard let term else { return nil }
            termCount += 1
            if termCount > PrimoQuery.maximumTerms { throw PrimoTermsParser.tooManyTerms }
            return term
        }

        /// A word token: normalized; `*` at the end makes a prefix; a word that normalizes to
        /// several is a phrase, to none nothing.
        static func word(_ text: String) -> PrimoQuery.Terms? {
            let isPrefix = text.hasSuffix("*")
            let words = DiscoveryText.words(text)
            guard let last = words.last else { return nil }
            if isPrefix {
                return words.count == 1 ? .prefix(last) : .and([.phrase(Array(words.dropLast())), .prefix(last)])
            }
            return words.count == 1 ? .word(last) : .phrase(words)
        }
    }
}
