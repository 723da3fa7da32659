import LecternDiscovery
import LecternStore

/// A parsed Primo query as a discovery-index expression: `contains` matches words and phrases,
/// `exact` a whole field value, `begins_with` the start of one; `any` is the field holding all.
enum PrimoQueryTranslation {
    static func expression(_ query: PrimoQuery) -> DiscoveryExpression {
        expression(query.root)
    }

    private static func expression(_ node: PrimoQuery.Node) -> DiscoveryExpression {
        switch node {
        case .clause(let clause):
            return expression(clause)
        case .and(let nodes):
            return conjunction(
                nodes.map { node in
                    if case .not(let negated) = node { return (expression(negated), true) }
                    return (expression(node), false)
                }
            )
        case .or(let nodes):
            return .or(nodes.map(expression))
        case .not(let negated):
            return .andNot(.and([]), expression(negated))
        }
    }

    /// `a AND b AND NOT c`: the positive operands, minus each negated one.
    private static func conjunction(_ operands: [(DiscoveryExpression, negated: Bool)]) -> DiscoveryExpression {
        var result = DiscoveryExpression.and(operands.filter { !$0.negated }.map(\.0))
        for (negated, _) in operands.filter(\.negated) { result = .andNot(result, negated) }
        return result
    }

    private static func expression(_ clause: PrimoQuery.Clause) -> DiscoveryExpression {
        // `ftext` (full text) is everything Lectern has; `usertag` and local `lsrNN` hold nothing.
        let name = clause.field == "ftext" ? "any" : clause.field
        guard let field = DiscoveryField(rawValue: name) else { return .or([]) }
        switch clause.precision {
        case .contains:
            return terms(clause.terms, field)
        case .exact, .beginsWith:
            let words = DiscoveryText.normalized(clause.value.trimmingQuotes).split(separator: " ").map(String.init)
            return .whole(field, words, prefix: clause.precision == .beginsWith)
        }
    }

    private static func terms(_ terms: PrimoQuery.Terms, _ field: DiscoveryField) -> DiscoveryExpression {
        switch terms {
        case .word(let word): return .words(field, [word])
        case .prefix(let prefix): return .words(field, [prefix + "*"])
        case .phrase(let words): return .phrase(field, words)
        case .and(let operands):
            return conjunction(
                withoutStopWords(operands).map { operand in
                    if case .not(let negated) = operand { return (self.terms(negated, field), true) }
                    return (self.terms(operand, field), false)
                }
            )
        case .or(let operands): return .or(operands.map { self.terms($0, field) })
        case .not(let negated): return .andNot(.and([]), self.terms(negated, field))
        }
    }

    /// The operands without the stop words among them, unless only stop words are left.
    private static func withoutStopWords(_ operands: [PrimoQuery.Terms]) -> [PrimoQuery.Terms] {
        let kept = operands.filter { operand in
            if case .word(let word) = operand { return !StopWords.contains(word) }
            return true
        }
        let keepsAPositiveOperand = kept.contains { if case .not = $0 { false } else { true } }
        return keepsAPositiveOperand ? kept : operands
    }
}

extension String {
    /// The text without one pair of surrounding quotes (`"War and peace"`, `'x'`).
    fileprivate var trimmingQuotes: String {
        guard count >= 2, let first, let last, first == last, first == "\"" || first == "'" else { return self }
        return String(dropFirst().dropLast())
    }
}
