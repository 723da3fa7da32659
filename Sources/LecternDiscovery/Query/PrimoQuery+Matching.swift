extension PrimoQuery {
    /// Whether the record indexed as `index` matches the query: the reference semantics of
    /// ``PrimoQuery``, for stores that search in memory and for checking those that translate
    /// the query (to FTS5 `MATCH`, to SQL).
    ///
    /// `contains`: each word occurs among the words of the field's text, each phrase inside one
    /// of its values, each prefix starts a word. `exact`: the phrase is one of the field's
    /// ``DiscoveryIndex/exactText`` values. `begins_with`: one of them starts with it. A field
    /// the record has no text for matches nothing (and `NOT` it matches).
    public func matches(_ index: DiscoveryIndex) -> Bool {
        Self.evaluate(root, index)
    }

    private static func evaluate(_ node: Node, _ index: DiscoveryIndex) -> Bool {
        switch node {
        case .clause(let clause): matches(clause, index)
        case .and(let nodes): nodes.allSatisfy { evaluate($0, index) }
        case .or(let nodes): nodes.contains { evaluate($0, index) }
        case .not(let node): !evaluate(node, index)
        }
    }

    private static func matches(_ clause: Clause, _ index: DiscoveryIndex) -> Bool {
        switch clause.precision {
        case .contains:
            let values = (index.searchText[clause.field] ?? "").split(separator: "\n").map { $0.split(separator: " ") }
            return evaluate(clause.terms, values)
        case .exact, .beginsWith:
            guard case .phrase(let words) = clause.terms else { return false }
            let phrase = words.joined(separator: " ")
            let values = index.exactText[clause.field] ?? []
            if clause.precision == .exact { return values.contains(phrase) }
            return values.contains { $0.hasPrefix(phrase) }
        }
    }

    /// `values`: the field's values, each as its words.
    private static func evaluate(_ terms: Terms, _ values: [[Substring]]) -> Bool {
        switch terms {
        case .word(let word):
            return values.contains { $0.contains { $0 == word } }
        case .prefix(let prefix):
            return values.contains { $0.contains { $0.hasPrefix(prefix) } }
        case .phrase(let phrase):
            return values.contains { words in
                guard phrase.count <= words.count else { return false }
                return (0...(words.count - phrase.count)).contains { start in
                    zip(words[start...], phrase).allSatisfy { $0 == $1 }
                }
            }
        case .and(let parts): return parts.allSatisfy { evaluate($0, values) }
        case .or(let parts): return parts.contains { evaluate($0, values) }
        case .not(let part): return !evaluate(part, values)
        }
    }
}
