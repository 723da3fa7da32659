public import LecternCore

/// Calls of one API key on one day (GMT) in one area that got one answer: the developer portal's
/// usage dashboard adds these up by day, area, status and error code.
public struct UsageCount: Sendable, Hashable {
    /// The institution code of the key.
    public var institution: String
    /// The key's row id.
    public var keyID: Int64
    /// The day, `yyyy-MM-dd` in GMT.
    public var day: String
    /// The API area of the path, or `nil` for a path outside every area.
    public var area: Area?
    /// The HTTP status of the answer.
    public var status: Int
    /// The error code of the answer (`UNAUTHORIZED`, `PER_SECOND_THRESHOLD`, `401861`), empty
    /// for an answer that is not an error.
    public var errorCode: String
    /// The calls counted.
    public var count: Int

    /// Creates a count.
    public init(institution: String, keyID: Int64, day: String, area: Area?, status: Int, errorCode: String, count: Int) {
        self.institution = institution
        self.keyID = keyID
        self.day = day
        self.area = area
        self.status = status
        self.errorCode = errorCode
        self.count = count
    }
}
