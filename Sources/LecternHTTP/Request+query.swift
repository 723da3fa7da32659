import Foundation
import Hummingbird
import HummingbirdCore

extension Request {
    /// The first value of the query parameter `name`, as ``formQueryParameters`` gives it.
    ///
    /// The query is parsed into a new dictionary on every access, and the gateway asks for a
    /// parameter or two on every call, most of which have no query at all: those are told apart
    /// by one byte search.
    func queryParameter(_ name: Substring) -> Substring? {
        guard uri.string.utf8.contains(UInt8(ascii: "?")) else { return nil }
        return formQueryParameters[name]
    }

    /// The query parameters, percent-decoded, with `+` read as a space: the vendor's servers
    /// decode a query as HTML forms encode it (and Python's `urlencode`, and most HTTP client
    /// libraries' `params`), so `q=any,contains,history+of+art` searches three words; a plus
    /// itself comes as `%2B`. `uri.queryParameters` alone keeps the `+`.
    var formQueryParameters: FlatDictionary<Substring, Substring> {
        guard let query = uri.query, query.utf8.contains(UInt8(ascii: "+")) else { return uri.queryParameters }
        return URI(uri.path + "?" + query.replacingOccurrences(of: "+", with: "%20")).queryParameters
    }
}
