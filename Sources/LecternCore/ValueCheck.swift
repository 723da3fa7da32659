/// What a declared parameter accepts, checked by the router before the handler runs: a value
/// that fails is refused with ``refusal`` and `Illegal value for parameter NAME: VALUE`. An
/// absent or empty value is never checked: the handler gets the parameter's default.
public struct ValueCheck: Sendable, Hashable {
    /// The rule a value must follow.
    public enum Rule: Sendable, Hashable {
        /// A whole number in the range.
        case integer(ClosedRange<Int>)
        /// One of the values; with `ignoringCase`, in any letter case.
        case oneOf([String], ignoringCase: Bool)
    }

    /// The rule.
    public var rule: Rule
    /// The documented error code a value that breaks the rule gets.
    public var refusal: AlmaErrorCode

    /// Creates a check.
    public init(_ rule: Rule, refusal: AlmaErrorCode = .generalError) {
        self.rule = rule
        self.refusal = refusal
    }

    /// Whether `value` follows the rule.
    public func accepts(_ value: String) -> Bool {
        switch rule {
        case .integer(let range):
            guard let number = Int(value) else { return false }
            return range.contains(number)
        case .oneOf(let values, let ignoringCase):
            return ignoringCase ? values.contains { $0.lowercased() == value.lowercased() } : values.contains(value)
        }
    }

    /// The error a call with `value` for the parameter `name` gets.
    public func error(name: String, value: String) -> APIError {
        APIError(refusal, "Illegal value for parameter \(name): \(value)")
    }
}
