public import Foundation
public import LecternCore

/// One answered call of an identified key, as the gateway's HTTP edge hands it to ``CallRecorder``.
public struct CallRecord: Sendable {
    /// The key's row id.
    public var keyID: Int64
    /// The key's institution code.
    public var institution: String
    /// The API area of the path, or `nil` for a path outside every area.
    public var area: Area?
    /// When the call arrived, by the gateway's clock.
    public var time: Date
    /// The HTTP method (`GET`).
    public var method: String
    /// The path and query, with every `apikey` value already redacted.
    public var path: String
    /// The HTTP status of the answer.
    public var status: Int
    /// The error code of the answer, empty for an answer that is not an error.
    public var errorCode: String
    /// How long the gateway took to answer, in microseconds.
    public var microseconds: Int64

    /// Creates a record.
    public init(
        keyID: Int64,
        institution: String,
        area: Area?,
        time: Date,
        method: String,
        path: String,
        status: Int,
        errorCode: String,
        microseconds: Int64
    ) {
        self.keyID = keyID
        self.institution = institution
        self.area = area
        self.time = time
        self.method = method
        self.path = path
        self.status = status
        self.errorCode = errorCode
        self.microseconds = microseconds
    }
}
