import LecternCore

extension AlmaErrorCode {
    static let analyticsGeneralError = Self(rawValue: "402119")
    static let noMoreRows = Self(rawValue: "420033")
    static let analyticsPathInvalid = Self(rawValue: "90109")
    static let internalServerError = Self(rawValue: "INTERNAL_SERVER_ERROR")
}

/// The analytics area's errors, worded as the analytics OpenAPI document and the recorded
/// answers word them.
extension APIError {
    static func analyticsGeneralError(_ reason: String) -> Self {
        APIError(.analyticsGeneralError, "General error. \(reason)")
    }

    static func analyticsFilterNotValid(_ reason: String) -> Self {
        .analyticsGeneralError("The filter cannot be applied: \(reason).")
    }

    /// Every row of the report was fetched already (the recorded `analytics_response_part4.xml`).
    static let noMoreRows = APIError(.noMoreRows, "No more rows to fetch")

    /// A report path the institution has no report at (the recorded `report_not_found_response.xml`).
    static func reportPathNotFound(_ path: String) -> Self {
        APIError(.internalServerError, "Path not found (\(path))")
    }

    static func analyticsPathInvalid(_ path: String) -> Self {
        APIError(.analyticsPathInvalid, "Given path is invalid. Path: \(path)")
    }
}
