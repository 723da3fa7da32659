/// What every path parameter and query value must be before a handler sees it: text without
/// control characters, within a length. SQLite reads a bound text only up to its first NUL, so
/// `cali%00xyz` would otherwise find the user `cali`; ids are matched exactly or not at all.
public enum InputText {
    /// The longest path parameter (an id, a code, a comma-separated list of ids), in characters.
    public static let maximumPathParameterLength = 2_000
    /// The longest query parameter value, in characters.
    public static let maximumQueryValueLength = 10_000

    /// Whether `text` holds a control character (C0, DEL or C1), which no id, code or query
    /// value of any API carries.
    public static func hasControlCharacter(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    /// Refuses `value` of the parameter `name` when it holds a control character or is longer
    /// than `maximumLength`; the error names the parameter but does not echo the value.
    public static func check(_ value: String, parameter name: String, maximumLength: Int) throws(APIError) {
        guard value.count <= maximumLength, !hasControlCharacter(value) else { throw APIError.parameterNotValid(name) }
    }
}

extension AlmaErrorCode {
    /// A parameter the API cannot use (`401666 X parameter is not valid.` in the users OpenAPI document).
    public static let parameterNotValid = Self(rawValue: "401666")
}

extension APIError {
    /// A path or query parameter with a control character, a malformed escape or too long a value.
    public static func parameterNotValid(_ name: String) -> Self {
        APIError(.parameterNotValid, "\(name) parameter is not valid.")
    }
}
