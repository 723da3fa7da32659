public import LecternCore

extension AlmaErrorCode {
    // The codes of the Esploro assets OpenAPI document (ESPLORO.md section 3).
    static let assetsGeneralError = Self(rawValue: "401711")
    static let invalidDate = Self(rawValue: "402711")
    static let invalidIDList = Self(rawValue: "402712")
    static let conflictingParameters = Self(rawValue: "402713")
    static let nonNumericID = Self(rawValue: "401714")
    static let organizationNotFound = Self(rawValue: "402714")
}

extension APIError {
    static func assetsGeneralError(_ detail: String) -> Self {
        APIError(.assetsGeneralError, "General Error - An error has occurred when processing this request. \(detail)")
    }

    public static let jsonOnly = assetsGeneralError("The assets API speaks JSON only: send and accept application/json.")

    static let missingAssetFilter = assetsGeneralError(
        "At least one of doi, user_primary_id, update_date_from, update_date_to, embargo_expiry_date_from, embargo_expiry_date_to, open_access, org_code is required."
    )

    static func invalidDate(_ name: String, _ value: String) -> Self {
        APIError(.invalidDate, "Input parameter \(name) contains an invalid format - correct date format is YYYY-MM-DD. (\(value))")
    }

    static func invalidIDList(_ value: String) -> Self {
        APIError(.invalidIDList, "Input parameter mmsId list is not valid. (\(value))")
    }

    static func nonNumericID(_ value: String) -> Self {
        APIError(.nonNumericID, "Input parameters mmsId is not numeric. (\(value))")
    }

    static func conflictingParameters(_ names: String) -> Self {
        APIError(.conflictingParameters, "Input parameters contains multiple values that cannot be used together: \(names).")
    }

    static func invalidAsset(_ reason: String) -> Self {
        assetsGeneralError(reason)
    }

    static func organizationNotFound(_ code: String) -> Self {
        APIError(.organizationNotFound, "Organization \(code) was not found.")
    }
}
