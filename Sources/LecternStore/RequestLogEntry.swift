/// One call in a key's request log, as the developer portal shows it.
///
/// The log keeps the newest calls of each key (100 by default); it never holds the key itself.
public struct RequestLogEntry: Sendable, Hashable {
    /// The key's row id.
    public var keyID: Int64
    /// When the call arrived: ISO 8601 in UTC with milliseconds (`2027-01-15T08:00:00.123Z`).
    public var time: String
    /// The HTTP method (`GET`).
    public var method: String
    /// The path with its query string, the value of every `apikey` parameter replaced by `***`.
    public var path: String
    /// The HTTP status of the answer.
    public var status: Int
    /// How long the gateway took to answer, in microseconds.
    public var microseconds: Int64
    /// The error code of the answer, empty for an answer that is not an error.
    public var errorCode: String

    /// Creates an entry.
    public init(keyID: Int64, time: String, method: String, path: String, status: Int, microseconds: Int64, errorCode: String) {
        self.keyID = keyID
        self.time = time
        self.method = method
        self.path = path
        self.status = status
        self.microseconds = microseconds
        self.errorCode = errorCode
    }
}
