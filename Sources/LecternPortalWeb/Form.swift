import Foundation

/// A submitted `application/x-www-form-urlencoded` body or a query string, read with Foundation's
/// URL parser.
struct Form: Sendable {
    private var values: [String: [String]] = [:]

    /// Parses `text` (`a=1&b=two+words`).
    init(_ text: String) {
        var components = URLComponents()
        components.percentEncodedQuery = text.replacingOccurrences(of: "+", with: "%20")
        for item in components.queryItems ?? [] {
            values[item.name, default: []].append(item.value ?? "")
        }
    }

    /// The first value of `name`, or `nil`.
    subscript(_ name: String) -> String? { values[name]?.first }

    /// The first value of `name`, or an empty string.
    func text(_ name: String) -> String { values[name]?.first ?? "" }

    /// Every value of `name` (checkbox groups, repeated fields).
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// Whether a checkbox was ticked.
    func isChecked(_ name: String) -> Bool { !(values[name] ?? []).isEmpty }

    /// Every field name.
    var names: [String] { Array(values.keys) }
}
