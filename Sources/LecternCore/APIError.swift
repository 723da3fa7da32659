/// An Alma logical error: answered with HTTP 400 and a `web_service_result` body.
///
/// The wording of each error lives with the family that raises it, as a static factory.
public struct APIError: Error, Hashable, Sendable {
    /// The numeric Alma error code.
    public var code: AlmaErrorCode
    /// The English message; ``MessageCatalog`` may translate it for `lang=`.
    public var message: String

    /// Creates an error.
    public init(_ code: AlmaErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }
}

/// An Alma error code, open like GRDB's `ResultCode`: each family adds its own as static members.
public struct AlmaErrorCode: RawRepresentable, Hashable, Sendable {
    /// The code as on the wire (`401861`).
    public var rawValue: String

    /// Creates a code.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }
}

extension AlmaErrorCode {
    /// A request Alma cannot process: a parameter out of range, a query it cannot read
    /// (`401652 General Error` in the users OpenAPI document).
    public static let generalError = Self(rawValue: "401652")
    /// A body that could not be read as the object it should be (`401676 No valid XML was given.`).
    public static let invalidBody = Self(rawValue: "401676")
    /// A mandatory field is missing.
    public static let mandatoryFieldMissing = Self(rawValue: "401664")
    /// An `op` the resource does not have (`401859` in the users OpenAPI document; items answer it too).
    public static let actionNotSupported = Self(rawValue: "401859")
}

extension APIError {
    /// `limit`, `offset` and similar parameters with a value out of range.
    public static func invalidParameter(_ name: String, _ value: String) -> Self {
        APIError(.generalError, "Illegal value for parameter \(name): \(value)")
    }

    /// A mandatory field is missing.
    public static func mandatoryFieldMissing(_ field: String) -> Self {
        APIError(.mandatoryFieldMissing, "Mandatory field is missing: \(field)")
    }

    /// An `op` the resource does not have.
    public static func actionNotSupported(_ op: String) -> Self {
        APIError(.actionNotSupported, "Action currently not supported: op=\(op)")
    }

    /// The request body could not be read.
    public static func invalidBody(_ reason: String) -> Self {
        APIError(.invalidBody, "No valid XML was given. \(reason)")
    }
}
