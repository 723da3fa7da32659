/// Words too common to narrow a search: among other words, a `contains` search ignores them
/// (`the history of art` finds what `history art` finds); alone, or in a quoted phrase, they
/// are searched like any word.
public enum StopWords {
    /// English articles, conjunctions, prepositions and auxiliaries, normalized (lower case).
    public static let english: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "if", "in", "into", "is", "it", "its",
        "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to",
        "was", "will", "with",
    ]

    /// Whether `word` (normalized) is a stop word.
    public static func contains(_ word: String) -> Bool {
        english.contains(word)
    }
}
