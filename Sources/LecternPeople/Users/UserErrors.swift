public import LecternCore

extension AlmaErrorCode {
    static let userNotFound = Self(rawValue: "401861")
    static let userOfTypeNotFound = Self(rawValue: "401890")
    static let userExists = Self(rawValue: "401851")
    static let illegalUserGroup = Self(rawValue: "401852")
    static let externalIDForInternal = Self(rawValue: "401853")
    static let externalIDMissing = Self(rawValue: "401854")
    static let illegalAccountType = Self(rawValue: "401857")
    static let externalIDChanged = Self(rawValue: "401858")
    static let invalidTypeValue = Self(rawValue: "401864")
    static let authenticationFailed = Self(rawValue: "401866")
    static let usersGeneralError = Self(rawValue: "402119")
}

/// The Users area's errors, worded as the users OpenAPI document and the recordings word them
/// (samples/alma/pulibrary-bibdata/ogrouch.json for 401861).
extension APIError {
    public static func userNotFound(_ id: String) -> Self {
        APIError(.userNotFound, "User with identifier \(id) was not found.")
    }

    public static func userNotFound(_ id: String, type: String) -> Self {
        APIError(.userOfTypeNotFound, "User with identifier \(id) of type \(type) was not found.")
    }

    static func userExists(_ value: String, type: String) -> Self {
        APIError(.userExists, "User with identifier \(value) of type \(type) already exists.")
    }

    static let illegalUserGroup = APIError(.illegalUserGroup, "Given user group is not legal.")
    static let externalIDForInternal = APIError(.externalIDForInternal, "External Id must be empty for internal user.")
    static let externalIDMissing = APIError(.externalIDMissing, "External Id must be given for external user.")
    static let illegalAccountType = APIError(.illegalAccountType, "The given user account type is illegal (must be INTERNAL/EXTERNAL).")
    static let externalIDChanged = APIError(
        .externalIDChanged,
        "The external id in DB does not fit the given value in xml - external id cannot be updated."
    )
    static let authenticationFailed = APIError(.authenticationFailed, "User authentication failed")

    static func invalidType(_ field: String, _ value: String) -> Self {
        APIError(.invalidTypeValue, "Given \(field) type (\(value)) is invalid.")
    }

    static func invalidQuery(_ reason: String) -> Self {
        APIError(.usersGeneralError, "General error. Invalid search query: \(reason)")
    }
}
