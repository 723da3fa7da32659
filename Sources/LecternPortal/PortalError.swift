/// Why a portal action was refused, in words a developer reads on the page.
public struct PortalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What the page says.
    public var message: String
    /// Whether the action needs a logged-in account or a role the account lacks.
    public var kind: Kind

    /// The kinds the web layer answers differently.
    public enum Kind: Sendable, Hashable {
        /// The form's content is wrong: show the form again with the message (400).
        case invalid
        /// Not allowed for this account (403), or not found for it (404, so nothing leaks).
        case forbidden
        case notFound
        /// Too many attempts (429).
        case throttled
    }

    /// Creates an error.
    public init(_ message: String, kind: Kind = .invalid) {
        self.message = message
        self.kind = kind
    }

    public var description: String { message }

    /// Nothing here for this account (nor for anyone: an outsider learns nothing).
    public static let notFound = PortalError("Not found.", kind: .notFound)
    /// Needs an administrator.
    public static let forbidden = PortalError("Only an organization administrator may do this.", kind: .forbidden)
}
