/// The codes of fines and fees and their descriptions (Alma's `FineFeeTypes` and the statuses,
/// transaction types and payment methods its fee API names).
enum FeeCodes {
    static let types: [String: String] = [
        "OVERDUEFINE": "Overdue fine", "RECALLEDOVERDUEFINE": "Recalled overdue fine", "LOSTITEMREPLACEMENTFEE": "Lost item replacement fee",
        "LOSTITEMPROCESSFEE": "Lost item process fee", "DAMAGEDITEMFINE": "Damaged item fine", "RENEWFEE": "Renew fee",
        "CARDRENEWAL": "Card renewal", "CREDIT": "Credit", "OTHER": "Other",
    ]
    static let statuses: [String: String] = ["ACTIVE": "Active", "CLOSED": "Closed", "EXEMPT": "Exempt", "INDISPUTE": "In dispute"]
    static let transactions: [String: String] = ["PAYMENT": "Payment", "WAIVE": "Waive", "DISPUTE": "Dispute", "RESTORE": "Restore"]
    static let paymentMethods: [String: String] = ["CASH": "Cash", "CREDIT_CARD": "Credit card", "ONLINE": "Online", "CHECK": "Check"]
}
