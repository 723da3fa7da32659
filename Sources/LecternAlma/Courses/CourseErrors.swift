import LecternCore

extension AlmaErrorCode {
    static let courseNotFound = Self(rawValue: "401914")
    static let readingListNotFound = Self(rawValue: "401915")
    static let citationNotFound = Self(rawValue: "401916")
    static let identifierNotEmpty = Self(rawValue: "401908")
    static let codeAndNameMandatory = Self(rawValue: "401909")
    static let statusMandatory = Self(rawValue: "401922")
    static let courseUnitNotValid = Self(rawValue: "401626")
    static let courseCodeUnchangeable = Self(rawValue: "401918")
    static let codeNotUnique = Self(rawValue: "401006")
    static let articleTitleMandatory = Self(rawValue: "401924")
    static let titleMandatory = Self(rawValue: "401923")
    static let citationTypeIncompatible = Self(rawValue: "401913")
    static let coursesGeneralError = Self(rawValue: "402119")
}

/// The courses area's errors, worded as the courses OpenAPI document words them (its 400
/// responses), with what was wrong after the documented words.
extension APIError {
    static func courseNotFound(_ id: String) -> Self {
        APIError(.courseNotFound, "Course not found. Course ID: \(id)")
    }

    static func readingListNotFound(_ id: String) -> Self {
        APIError(.readingListNotFound, "Reading list not found. Reading list ID: \(id)")
    }

    static func citationNotFound(_ id: String) -> Self {
        APIError(.citationNotFound, "Citation not found. Citation ID: \(id)")
    }

    static func identifierNotEmpty(_ object: String) -> Self {
        APIError(.identifierNotEmpty, "\(object) identifier field should be left empty")
    }

    static func codeAndNameMandatory(_ object: String) -> Self {
        APIError(.codeAndNameMandatory, "\(object) code and name are mandatory fields")
    }

    static func statusMandatory(_ object: String) -> Self {
        APIError(.statusMandatory, "\(object) status is mandatory field")
    }

    static func courseUnitNotValid(_ code: String) -> Self {
        APIError(.courseUnitNotValid, "Course unit is not valid: \(code)")
    }

    static let courseCodeUnchangeable = APIError(.courseCodeUnchangeable, "Course code field can't be modified")

    static func courseCodeNotUnique(code: String, section: String) -> Self {
        APIError(.codeNotUnique, "Course code field not unique for section. Code: \(code), section: \(section)")
    }

    static func readingListCodeNotUnique(_ code: String) -> Self {
        APIError(.codeNotUnique, "Reading list code field not unique: \(code)")
    }

    static let articleTitleMandatory = APIError(.articleTitleMandatory, "Article title is mandatory field")
    static let titleMandatory = APIError(.titleMandatory, "Course title is mandatory field")

    static func citationTypeIncompatible(_ reason: String) -> Self {
        APIError(.citationTypeIncompatible, "Course field is not compatible with this citation type: \(reason)")
    }

    static func coursesGeneralError(_ reason: String) -> Self {
        APIError(.coursesGeneralError, "General error. \(reason)")
    }
}

extension APIError {
    static func notAnOwner(_ user: String) -> Self {
        APIError(.parameterNotValid, "Parameter is not valid: primary_id \(user) is not an owner of the reading list.")
    }
}
