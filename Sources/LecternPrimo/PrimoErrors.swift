import LecternCore

extension AlmaErrorCode {
    // Primo's own errors are not documented and no recording shows one (PRIMO.md section 5):
    // Lectern answers 400 with the `web_service_result` body and these codes.
    static let invalidView = Self(rawValue: "INVALID_VID")
    static let invalidTab = Self(rawValue: "INVALID_TAB")
    static let invalidScope = Self(rawValue: "INVALID_SCOPE")
    static let invalidQuery = Self(rawValue: "INVALID_QUERY")
    static let invalidPrimoParameter = Self(rawValue: "INVALID_PARAMETER")
    static let recordNotFound = Self(rawValue: "RECORD_NOT_FOUND")
}

extension APIError {
    static func invalidView(_ vid: String) -> Self {
        APIError(.invalidView, "The view \(vid) does not exist.")
    }

    static func invalidTab(_ tab: String, vid: String) -> Self {
        APIError(.invalidTab, "The view \(vid) has no tab \(tab).")
    }

    static func invalidScope(_ scope: String, tab: String) -> Self {
        APIError(.invalidScope, "The tab \(tab) has no search scope \(scope).")
    }

    static func invalidQuery(_ parameter: String, _ message: String) -> Self {
        APIError(.invalidQuery, "Invalid \(parameter): \(message)")
    }

    static func invalidPrimoParameter(_ name: String, _ value: String) -> Self {
        APIError(.invalidPrimoParameter, "Illegal value for parameter \(name): \(value)")
    }

    static func missingPrimoParameter(_ name: String) -> Self {
        APIError(.invalidPrimoParameter, "The parameter \(name) is required.")
    }

    static func recordNotFound(_ docid: String) -> Self {
        APIError(.recordNotFound, "No record \(docid) was found.")
    }
}
