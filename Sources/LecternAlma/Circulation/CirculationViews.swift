import LecternPeople
import LecternRepresentation
import LecternStore

/// The read forms of loans, requests and fees: the stored object with what is worked out
/// when it is read (its link, whether a loan is renewable, a request's place in the queue).
enum CirculationViews {
    static func userURL(_ baseURL: String, _ userID: String) -> String {
        "\(baseURL)/almaws/v1/users/\(PeopleAPI.escape(userID))"
    }

    /// A loan, with its `link`, and `renewable` when known.
    static func loan(_ loan: Document, baseURL: String, renewable: Bool? = nil) -> Node {
        var body = loan.body
        body.setAttribute("link", "\(userURL(baseURL, loan.parent ?? ""))/loans/\(loan.id)")
        if let renewable { body.setChild(Node("renewable", text: renewable ? "true" : "false")) }
        return AlmaShapes.itemLoan.normalized(body)
    }

    /// A request, with its place in its title's queue of holds when it has one.
    static func request(_ request: Document, placeInQueue: Int?) -> Node {
        var body = request.body
        if let placeInQueue { body.setChild(Node("place_in_queue", text: String(placeInQueue))) }
        return AlmaShapes.userRequest.normalized(body)
    }

    /// A fee, with its `link` and its user's.
    static func fee(_ fee: Document, baseURL: String) -> Node {
        var body = fee.body
        let user = userURL(baseURL, fee.parent ?? "")
        body.setAttribute("link", "\(user)/fees/\(fee.id)")
        if var owner = body.child("user_primary_id") {
            owner.setAttribute("link", user)
            body.setChild(owner)
        }
        return AlmaShapes.fee.normalized(body)
    }
}
