import Foundation
import LecternPortal

/// A submitted `application/x-www-form-urlencoded` body or a query string.
///
/// Any text a browser or a script can send is read or refused with a ``PortalError`` (a 400
/// page): a raw `{`, `"` or space is kept as it is, and only a malformed percent escape (`%zz`,
/// or escapes that are not UTF-8) refuses the form.
struct Form: Sendable {
    private var values: [String: [String]] = [:]

    /// Parses `text` (`a=1&b=two+words`).
    init(_ text: String) throws(PortalError) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(parts[0])
            let value = parts.count > 1 ? try Self.decode(parts[1]) : ""
            values[name, default: []].append(value)
        }
    }

    private static func decode(_ text: Substring) throws(PortalError) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        guard spaced.contains("%") else { return spaced }
        guard let decoded = spaced.removingPercentEncoding else {
            throw PortalError("The form or the address holds a malformed percent escape.")
        }
        return decoded
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

    /// An empty form.
    static let empty = Form()

    private init() {}
}
