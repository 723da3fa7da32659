import Foundation

/// Amounts of money: exact decimals, read from and written as plain text (`12.5`, `750`).
enum Money {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The amount `text` says: at most 12 digits before the point and 2 after, optionally
    /// negative; `nil` for anything else (no exponents, no thousands separators).
    static func parse(_ text: String) -> Decimal? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var digits = Substring(trimmed)
        if digits.hasPrefix("-") { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, (1...12).contains(whole.count),
            whole.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        }
        return Decimal(string: trimmed, locale: posix)
    }

    /// `amount` as text, rounded to cents: `12.5`, `750`, `0`.
    static func text(_ amount: Decimal) -> String {
        var value = amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .bankers)
        return NSDecimalNumber(decimal: rounded).stringValue
    }
}
