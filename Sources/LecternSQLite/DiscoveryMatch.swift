import Foundation
import GRDB
import LecternStore

/// A discovery expression split for SQLite: the part FTS5 answers in one `MATCH` (words,
/// phrases, prefixes, AND, OR, NOT), and conditions on `r.rowid` for the rest (whole values).
///
/// The `MATCH` drives the search: FTS5 reads the matches in rowid order. ``DiscoveryRank``
/// (`bm25` with known document frequencies) ranks them with the words of each clause also
/// matched as a phrase inside it (`(a AND b) OR a + b`): the same matches, and the exact phrase
/// ranks above the same words scattered.
struct DiscoveryMatch {
    /// The FTS5 query that finds the matches; `nil` when no part of the expression is full text.
    var fullText: String?
    /// ``fullText`` with the words of each clause also matched as a phrase (the same matches),
    /// for ranking: reading the phrase's positions costs as much again as finding the matches.
    var rankedText: String?
    /// Each phrase of ``rankedText`` (a word, a prefix, words joined by `+`) as an FTS5 query of
    /// its own, in the order FTS5 numbers them: for ``DiscoveryRank``'s document frequencies.
    var phrases: [String] = []
    /// Conditions on `r.rowid` that also hold, with their arguments.
    var conditions: [(sql: String, arguments: StatementArguments)] = []
    /// Nothing can match (an empty OR, a word that cannot be searched in a positive AND).
    var matchesNothing = false

    init(_ expression: DiscoveryExpression?) {
        guard let expression else { return }
        var positive: [(text: String, ranked: String, phrases: [String])] = []
        var negative: [(text: String, ranked: String, phrases: [String])] = []
        for (operand, negated) in Self.conjuncts(expression) {
            switch Self.fullText(operand, boosted: true) {
            case .all:
                if negated { matchesNothing = true }
            case .none:
                if !negated { matchesNothing = true }
            case .match(let ranked, let phrases):
                guard case .match(let text, _) = Self.fullText(operand, boosted: false) else { continue }
                if negated { negative.append((text, ranked, phrases)) } else { positive.append((text, ranked, phrases)) }
            case .unsupported:
                let (sql, arguments) = Self.predicate(operand)
                conditions.append((negated ? "NOT \(sql)" : sql, arguments))
            }
        }
        if !positive.isEmpty {
            var text = positive.map { "(\($0.text))" }.joined(separator: " AND ")
            var ranked = positive.map { "(\($0.ranked))" }.joined(separator: " AND ")
            for excluded in negative {
                text = "(\(text)) NOT (\(excluded.text))"
                ranked = "(\(ranked)) NOT (\(excluded.ranked))"
            }
            fullText = text
            rankedText = ranked
            phrases = (positive + negative).flatMap(\.phrases)
        } else {
            // FTS5 has no NOT on its own: without positive text, each exclusion is a condition.
            for excluded in negative {
                conditions.append(("NOT " + Self.matching, [excluded.text]))
            }
        }
    }

    /// The condition that `r.rowid` matches an FTS5 query (the argument).
    private static let matching = "r.rowid IN (SELECT rowid FROM discovery_text WHERE discovery_text MATCH ?)"

    /// The operands of the top-level AND, each with whether it is negated.
    private static func conjuncts(_ expression: DiscoveryExpression) -> [(DiscoveryExpression, negated: Bool)] {
        switch expression {
        case .and(let operands): operands.flatMap(conjuncts)
        case .andNot(let positive, let negative): conjuncts(positive) + [(negative, true)]
        default: [(expression, false)]
        }
    }

    private enum FullText: Equatable {
        /// Every entry matches (no words, an empty AND).
        case all
        /// No entry matches (an empty OR).
        case none
        /// FTS5 query text, and its phrases in order.
        case match(String, [String])
        /// Holds a whole-value condition, or a NOT without a positive side.
        case unsupported
    }

    /// `expression` as FTS5 text; `boosted`, with the words of each clause also matched as a phrase.
    private static func fullText(_ expression: DiscoveryExpression, boosted: Bool) -> FullText {
        switch expression {
        case .words(let field, let words):
            let quoted = quotedWords(words, prefixes: true)
            guard !quoted.isEmpty else { return .all }
            let each = quoted.map { column(field) + $0 }
            let all = each.joined(separator: " AND ")
            guard quoted.count > 1, boosted else { return .match(all, each) }
            let phrase = column(field) + quotedWords(words, prefixes: false).joined(separator: " + ")
            return .match("(\(all)) OR (\(phrase))", each + [phrase])
        case .phrase(let field, let words):
            let quoted = quotedWords(words, prefixes: false)
            let phrase = column(field) + quoted.joined(separator: " + ")
            return quoted.isEmpty ? .all : .match(phrase, [phrase])
        case .whole:
            return .unsupported
        case .and(let operands):
            var parts: [String] = []
            var phrases: [String] = []
            for operand in operands {
                switch fullText(operand, boosted: boosted) {
                case .all: continue
                case .none: return .none
                case .unsupported: return .unsupported
                case .match(let text, let more):
                    parts.append("(\(text))")
                    phrases += more
                }
            }
            return parts.isEmpty ? .all : .match(parts.joined(separator: " AND "), phrases)
        case .or(let operands):
            var parts: [String] = []
            var phrases: [String] = []
            for operand in operands {
                switch fullText(operand, boosted: boosted) {
                case .all: return .all
                case .none: continue
                case .unsupported: return .unsupported
                case .match(let text, let more):
                    parts.append("(\(text))")
                    phrases += more
                }
            }
            return parts.isEmpty ? .none : .match(parts.joined(separator: " OR "), phrases)
        case .andNot(let positive, let negative):
            switch (fullText(positive, boosted: boosted), fullText(negative, boosted: boosted)) {
            case (.unsupported, _), (_, .unsupported), (.all, .match): return .unsupported
            case (.none, _), (_, .all): return .none
            case (let kept, .none): return kept
            case (.match(let kept, let keptPhrases), .match(let dropped, let droppedPhrases)):
                return .match("(\(kept)) NOT (\(dropped))", keptPhrases + droppedPhrases)
            }
        }
    }

    /// The column filter of `field`; `any` as the columns it repeats, beside itself, so that
    /// `bm25` weighs where the word is.
    private static func column(_ field: DiscoveryField?) -> String {
        guard let field else { return "" }
        guard field == .any else { return "\(field.rawValue) : " }
        return "{" + ([.any] + DiscoveryField.repeatedInAny).map(\.rawValue).joined(separator: " ") + "} : "
    }

    /// Each word quoted, so that no word is read as FTS5 syntax; a word ending in `*` is a
    /// prefix (unless `prefixes` is false, inside a phrase).
    private static func quotedWords(_ words: [String], prefixes: Bool) -> [String] {
        words.compactMap { word in
            let isPrefix = word.hasSuffix("*")
            let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: "*"))
            guard !bare.isEmpty else { return nil }
            return "\"\(bare.replacingOccurrences(of: "\"", with: "\"\""))\"" + (isPrefix && prefixes ? "*" : "")
        }
    }

    /// An SQL condition on `r.rowid` for `expression`, for the operands FTS5 cannot answer alone.
    private static func predicate(_ expression: DiscoveryExpression) -> (String, StatementArguments) {
        switch expression {
        case .whole(let field, let words, let prefix):
            return DiscoveryExact.match(field, words, prefix: prefix)
        case .and(let operands), .or(let operands):
            guard !operands.isEmpty else { return (expression == .and([]) ? "1" : "0", []) }
            let joiner = if case .and = expression { " AND " } else { " OR " }
            var parts: [String] = []
            var arguments: StatementArguments = []
            for operand in operands {
                let (sql, operandArguments) = predicate(operand)
                parts.append(sql)
                arguments += operandArguments
            }
            return ("(" + parts.joined(separator: joiner) + ")", arguments)
        case .andNot(let positive, let negative):
            let (keep, keepArguments) = predicate(positive)
            let (drop, dropArguments) = predicate(negative)
            var arguments = keepArguments
            arguments += dropArguments
            return ("(\(keep) AND NOT \(drop))", arguments)
        case .words, .phrase:
            switch fullText(expression, boosted: false) {
            case .all: return ("1", [])
            case .none: return ("0", [])
            case .match(let text, _): return (matching, [text])
            case .unsupported: return ("0", [])
            }
        }
    }
}
