import Hummingbird

extension Request {
    /// The first value of the query parameter `name`, as `uri.queryParameters[name]` gives it.
    ///
    /// `uri.queryParameters` parses the query into a new dictionary on every access, and the
    /// gateway asks for a parameter or two on every call, most of which have no query at all:
    /// those are told apart by one byte search.
    func queryParameter(_ name: Substring) -> Substring? {
        guard uri.string.utf8.contains(UInt8(ascii: "?")) else { return nil }
        return uri.queryParameters[name]
    }
}
