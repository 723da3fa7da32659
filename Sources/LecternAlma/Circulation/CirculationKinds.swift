public import LecternStore

extension Kind {
    /// A loan, child of its user (`item_loan`).
    public static let loan = Kind(rawValue: "loan")
    /// A request: hold, booking or digitization, child of its user (`user_request`).
    public static let request = Kind(rawValue: "request")
    /// A fine or fee, child of its user (`fee`).
    public static let fee = Kind(rawValue: "fee")
    /// The terms of use loans and fines follow: one per tenant (``CirculationPolicy``).
    public static let circulationPolicy = Kind(rawValue: "circulation_policy")
}
