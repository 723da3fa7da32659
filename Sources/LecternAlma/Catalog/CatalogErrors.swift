import LecternCore

extension AlmaErrorCode {
    static let mmsIDNotValid = Self(rawValue: "402203")
    static let mmsIDNotNumeric = Self(rawValue: "402204")
    static let deleteBibError = Self(rawValue: "4022020")
    static let recordFailedValidation = Self(rawValue: "4022032")
    static let jsonNotSupported = Self(rawValue: "60105")
    static let invalidHoldingXML = Self(rawValue: "402211")
    static let holdingIDNotValid = Self(rawValue: "60213")
    static let holdingCannotBeDeleted = Self(rawValue: "60214")
    static let itemsSearchFailed = Self(rawValue: "401688")
    static let noItemsForBarcode = Self(rawValue: "401689")
    static let itemNotFound = Self(rawValue: "401690")
    static let itemDeleteError = Self(rawValue: "401849")
    static let invalidItemField = Self(rawValue: "40166404")
    static let scanInFailed = Self(rawValue: "402502")
}

/// The Bibs area's errors, worded as the bibs OpenAPI document words them (its 400 responses)
/// and as recorded (`php-alma-client/item_barcode_error_response.json`,
/// `pulibrary-bibdata/holding_items_nonexistant_mmsid.json`).
extension APIError {
    static func mmsIDNotValid(_ id: String) -> Self {
        APIError(.mmsIDNotValid, "Input parameters mmsId \(id) is not valid.")
    }

    static func mmsIDNotNumeric(_ id: String) -> Self {
        APIError(.mmsIDNotNumeric, "Input parameters mmsId \(id) is not numeric.")
    }

    static func deleteBlockedByInventory(_ id: String) -> Self {
        APIError(.deleteBibError, "Delete Bib error. Bib \(id) has holdings or items; delete them first or use override=true.")
    }

    static func recordFailedValidation(_ reason: String) -> Self {
        APIError(.recordFailedValidation, "The record failed validation: \(reason)")
    }

    static let jsonNotSupported = APIError(.jsonNotSupported, "JSON is not supported for this API.")

    static func invalidHoldingXML(_ reason: String) -> Self {
        APIError(.invalidHoldingXML, "Given holding xml is invalid. \(reason)")
    }

    static func holdingIDNotValid(_ id: String) -> Self {
        APIError(.holdingIDNotValid, "Holding ID not valid: \(id).")
    }

    static func holdingHasItems(_ id: String) -> Self {
        APIError(.holdingCannotBeDeleted, "Holding has been deleted or cannot be deleted: holding \(id) has items.")
    }

    static func itemsSearchFailed(mmsID: String, holdingID: String) -> Self {
        APIError(.itemsSearchFailed, "Search failed for Items with mmsId \(mmsID), holdings id \(holdingID).")
    }

    static func noItemsForBarcode(_ barcode: String) -> Self {
        APIError(.noItemsForBarcode, "No items found for barcode \(barcode).")
    }

    static func itemNotFound(mmsID: String, holdingID: String, pid: String) -> Self {
        APIError(.itemNotFound, "No Item found for mmsId \(mmsID), holdingId \(holdingID) and itemPid \(pid).")
    }

    static func itemDeleteError(_ reason: String) -> Self {
        APIError(.itemDeleteError, "Item delete errors: \(reason)")
    }

    static func invalidItemField(_ reason: String) -> Self {
        APIError(.invalidItemField, "An invalid field has been entered in the item object. \(reason)")
    }

    static func scanInFailed(_ reason: String) -> Self {
        APIError(.scanInFailed, "Scan in of item failed. \(reason)")
    }
}
