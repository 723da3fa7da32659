/// A body that could not be read as an object: malformed XML or JSON, or JSON whose structure
/// does not fit the object's shape.
///
/// The message is safe to show to the caller (it names the offending field, never internals).
public struct RepresentationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in one sentence.
    public var message: String

    /// Creates an error with a message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
