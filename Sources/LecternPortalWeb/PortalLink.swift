import Foundation

/// Links from one portal page to another that carry where to go next.
enum PortalLink {
    /// `?next=…` for a portal path, percent-encoded; empty for anything else, so that the
    /// parameter can never lead to another site.
    static func nextQuery(_ next: String?) -> String {
        guard let next, next.hasPrefix("/portal/"), !next.hasPrefix("//"), !next.contains("\\"),
            let encoded = next.addingPercentEncoding(withAllowedCharacters: .alphanumerics)
        else { return "" }
        return "?next=" + encoded
    }
}
