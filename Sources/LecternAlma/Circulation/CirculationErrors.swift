import LecternCore

extension AlmaErrorCode {
    static let deskCannotLoan = Self(rawValue: "401153")
    static let itemNotLoanable = Self(rawValue: "401651")
    static let pidFieldEmpty = Self(rawValue: "401672")
    static let loanNotFound = Self(rawValue: "401823")
    static let cannotRenew = Self(rawValue: "401822")
    static let loanOperationNotValid = Self(rawValue: "60211")
    static let dueDateMissing = Self(rawValue: "401824")
    static let dueDateInPast = Self(rawValue: "401681")
    static let noItemsCanFulfil = Self(rawValue: "401129")
    static let pickupNotFound = Self(rawValue: "401895")
    static let activeRequestExists = Self(rawValue: "401136")
    static let itemForRequestNotFound = Self(rawValue: "60328")
    static let requestNotCreated = Self(rawValue: "60331")
    static let requestNotFound = Self(rawValue: "401694")
    static let requestIDNotFound = Self(rawValue: "401907")
    static let cannotMoveForward = Self(rawValue: "401933")
    static let fineNotFound = Self(rawValue: "401665")
    static let feeTypeRequired = Self(rawValue: "4019991")
    static let feeTypeInvalid = Self(rawValue: "4019992")
    static let feeBarcodeInvalid = Self(rawValue: "4019993")
    static let feeAmountRequired = Self(rawValue: "4019994")
    static let feeOwnerRequired = Self(rawValue: "4019996")
    static let feeOwnerNotLibrary = Self(rawValue: "4019997")
}

/// Circulation's errors, worded as the users and bibs OpenAPI documents word them (their 400
/// responses), with the reason after the documented words where Alma's own say nothing of it.
extension APIError {
    static let deskCannotLoan = APIError(.deskCannotLoan, "Item cannot be loaned from this circulation desk.")

    static func itemNotLoanable(_ reason: String) -> Self {
        APIError(.itemNotLoanable, "Item is not loanable. \(reason)")
    }

    static let pidFieldEmpty = APIError(.pidFieldEmpty, "PID field is empty.")

    static func userBlocked(_ userID: String, _ reason: String) -> Self {
        APIError(.generalError, "General Error: An error has occurred while processing the request. User \(userID) is blocked: \(reason)")
    }

    static func loanNotFound(_ id: String) -> Self {
        APIError(.loanNotFound, "Loan ID \(id) does not exist.")
    }

    static func cannotRenew(_ id: String, _ reason: String) -> Self {
        APIError(.cannotRenew, "Cannot renew loan: Loan ID \(id). \(reason)")
    }

    static let loanOperationNotValid = APIError(.loanOperationNotValid, "Loan operation not valid.")
    static let dueDateMissing = APIError(.dueDateMissing, "Due date is not in loan object.")
    static let dueDateInPast = APIError(.dueDateInPast, "Due date cannot be in the past.")
    static let noItemsCanFulfil = APIError(.noItemsCanFulfil, "No items can fulfill the submitted request.")

    static func pickupNotFound(desk: String, library: String) -> Self {
        APIError(.pickupNotFound, "Pickup circulation desk with code \(desk) and library code \(library) was not found.")
    }

    static let activeRequestExists = APIError(.activeRequestExists, "Failed to save the request: Patron has active request for selected item.")
    static let itemForRequestNotFound = APIError(.itemForRequestNotFound, "Item for request was not found.")

    static func requestNotCreated(_ reason: String) -> Self {
        APIError(.requestNotCreated, "Failed to create request. \(reason)")
    }

    static func requestNotFound(_ id: String) -> Self {
        APIError(.requestNotFound, "Request Identifier not found: \(id).")
    }

    static func requestIDNotFound(_ id: String) -> Self {
        APIError(.requestIDNotFound, "Failed to find a request for the given request ID: \(id).")
    }

    static func cannotMoveForward(_ id: String, step: String) -> Self {
        APIError(.cannotMoveForward, "Cannot move forward in workflow. Request ID: \(id), Step: \(step)")
    }

    static func fineNotFound(_ id: String) -> Self {
        APIError(.fineNotFound, "Fine not found: \(id).")
    }

    static let feeTypeRequired = APIError(.feeTypeRequired, "User fine/fee type is required.")
    static let feeTypeInvalid = APIError(.feeTypeInvalid, "User fine/fee type invalid entry.")
    static let feeBarcodeInvalid = APIError(.feeBarcodeInvalid, "User item barcode invalid entry.")
    static let feeAmountRequired = APIError(.feeAmountRequired, "User fine/fee original amount is required.")
    static let feeOwnerRequired = APIError(.feeOwnerRequired, "User fine/fee owner is required.")
    static let feeOwnerNotLibrary = APIError(.feeOwnerNotLibrary, "User fine/fee owner must be a library and not institution.")
}
