import LecternCore
public import LecternStore

/// Alma's brief search, `q=field~value`, terms joined by AND / OR (AND binds tighter).
///
/// A value is a set of words that must all occur in the field, in any order, case and accents
/// ignored; a word ending in `*` matches as a prefix. `ALL` searches every field but, as
/// documented, cannot be combined with AND.
///
/// A query is bounded so that its cost is: at most ``maximumLength`` characters, ``maximumTerms``
/// terms and ``maximumWords`` words in all; anything longer is refused before the store sees it.
public struct BriefSearch: Sendable {
    /// The fields this resource can be searched on.
    let fields: Set<String>

    /// A search over `fields`.
    public init(fields: Set<String>) {
        self.fields = fields
    }

    /// The users' (and researchers') brief search.
    public static let users = BriefSearch(fields: UserDocument.searchFields)

    /// The longest query, in characters.
    public static let maximumLength = 2_000
    /// The most `field~value` terms a query may join.
    public static let maximumTerms = 30
    /// The most words all the values of a query may hold.
    public static let maximumWords = 100

    /// The expression `query` asks for; an `APIError` (402119) when it cannot be read or is too large.
    public func parse(_ query: String) throws -> SearchExpression {
        guard query.count <= Self.maximumLength else { throw APIError.invalidQuery("longer than \(Self.maximumLength) characters") }
        var alternatives: [[SearchExpression]] = [[]]
        var terms = 0
        var words = 0
        var current: (field: String, words: [String])?
        var sawAnd = false
        func close() throws {
            guard let term = current else { throw APIError.invalidQuery("an operator has no term after it") }
            guard !term.words.isEmpty else { throw APIError.invalidQuery("no value for \(term.field)") }
            terms += 1
            words += term.words.count
            guard terms <= Self.maximumTerms else { throw APIError.invalidQuery("more than \(Self.maximumTerms) terms") }
            guard words <= Self.maximumWords else { throw APIError.invalidQuery("more than \(Self.maximumWords) words") }
            let field = term.field == "ALL" ? "ALL" : term.field
            alternatives[alternatives.count - 1].append(.words(field: field, term.words))
            current = nil
        }
        let tokens = query.split(whereSeparator: { $0 == " " || $0 == "+" }).map(String.init)
        guard !tokens.isEmpty else { throw APIError.invalidQuery("empty query") }
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            let upper = token.uppercased()
            if upper == "AND" || upper == "OR", index == tokens.count - 1 {
                throw APIError.invalidQuery("\(upper) has no term after it")
            }
            if (upper == "AND" || upper == "OR"), tokens[index + 1].contains("~") {
                try close()
                if upper == "OR" { alternatives.append([]) } else { sawAnd = true }
                index += 1
                continue
            }
            if let term = current {
                current = (term.field, term.words + Self.words(Substring(token)))
            } else {
                guard let tilde = token.firstIndex(of: "~") else { throw APIError.invalidQuery("expected field~value but found '\(token)'") }
                let field = String(token[..<tilde])
                guard fields.contains(field) else { throw APIError.invalidQuery("unknown field '\(field)'") }
                current = (field, Self.words(token[token.index(after: tilde)...]))
            }
            index += 1
        }
        try close()
        let groups = alternatives.map { $0.count == 1 ? $0[0] : SearchExpression.and($0) }
        if sawAnd, alternatives.contains(where: { $0.count > 1 && $0.contains(where: Self.isAll) }) {
            throw APIError.invalidQuery("ALL cannot be combined with AND")
        }
        return groups.count == 1 ? groups[0] : .or(groups)
    }

    private static func isAll(_ expression: SearchExpression) -> Bool {
        if case .words(let field, _) = expression { return field == "ALL" }
        return false
    }

    /// The words of a value: letters and digits; `*` kept at a word's end.
    static func words(_ text: Substring) -> [String] {
        var words: [String] = []
        var word = ""
        for character in text {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if character == "*", !word.isEmpty {
                words.append(word + "*")
                word = ""
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }
}
