import LecternCore

/// Circulation's objects as the route tables document them (OpenAPI schemas, documentation
/// pages with an example from the demo data).
enum CirculationObjects {
    static let loan = DocumentedObject(
        "item_loan",
        "A loan: the item, the user, the desk and the due date",
        shape: AlmaShapes.itemLoan,
        exampleKind: "loan"
    )
    static let loans = DocumentedObject.list("item_loans", of: loan, shape: AlmaShapes.itemLoans)
    static let request = DocumentedObject(
        "user_request",
        "A request: a hold, booking or digitization request, its pickup and status",
        shape: AlmaShapes.userRequest,
        exampleKind: "request"
    )
    static let requests = DocumentedObject.list("user_requests", of: request, shape: AlmaShapes.userRequests)
    static let requestOptions = DocumentedObject("request_options", "The ways a title or item may be requested", shape: AlmaShapes.requestOptions)
    static let fee = DocumentedObject("fee", "A fine or fee: its type, amounts, status and transactions", shape: AlmaShapes.fee, exampleKind: "fee")
    static let fees = DocumentedObject.list("fees", of: fee, shape: AlmaShapes.fees)
}
