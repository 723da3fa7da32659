/// A malformed Primo query parameter: the search handler answers it with HTTP 400.
///
/// ``description`` names the parameter and what is wrong, in words a client developer can act
/// on: `q: unknown field "titel" in clause 1 (expected any, title, creator, sub, …)`.
public struct PrimoQueryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The request parameter: `q`, `qInclude`, `qExclude` or `multiFacets`.
    public var parameter: String
    /// What is wrong with it.
    public var message: String

    /// Creates an error.
    public init(parameter: String, message: String) {
        self.parameter = parameter
        self.message = message
    }

    public var description: String { parameter + ": " + message }
}
