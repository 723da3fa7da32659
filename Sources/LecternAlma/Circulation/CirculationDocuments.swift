import Foundation
import LecternRepresentation
import LecternStore

/// How loans, requests and fees are stored: the canonical node plus what the store indexes,
/// lifted from it (and, for a loan, the terms it was made under, kept beside the body).
enum CirculationDocuments {
    /// The key only an active loan has: one active loan per item, enforced by the store.
    static let activeItemKey = "ACTIVE_ITEM"
    /// The link of an active loan to its borrower: a user's active loans through an index, however
    /// long their history (the parent index would read every loan they ever had).
    static let holderLink = "holder"

    /// The query for `userID`'s active loans.
    static func activeLoans(of userID: String) -> DocumentQuery {
        var query = DocumentQuery(kind: .loan)
        query.linked = [holderLink: userID]
        return query
    }

    /// The key of an overdue fine: one per loan.
    static let loanKey = "LOAN"

    /// The statuses of a request that is still open.
    static let openRequestStatuses: Set<String> = ["NOT_STARTED", "IN_PROCESS", "ON_HOLD_SHELF"]

    /// What a loan keeps of the term it was made under.
    struct LoanTerms: Sendable {
        var renewals = 0
        var renewalLimit: Int
        var renewDays: Int
        var finePerDay: Decimal
        var maximumFine: Decimal

        init(_ term: CirculationPolicy.Term) {
            renewalLimit = term.renewals
            renewDays = term.renewDays
            finePerDay = term.finePerDay
            maximumFine = term.maximumFine
        }

        init(_ fields: [String: String]) {
            let standard = CirculationPolicy.standard.terms[0]
            renewals = fields["renewals"].flatMap { Int($0) } ?? 0
            renewalLimit = fields["renewal_limit"].flatMap { Int($0) } ?? standard.renewals
            renewDays = fields["renew_days"].flatMap { Int($0) } ?? standard.renewDays
            finePerDay = fields["fine_per_day"].flatMap(Money.parse) ?? standard.finePerDay
            maximumFine = fields["maximum_fine"].flatMap(Money.parse) ?? standard.maximumFine
        }

        var fields: [String: String] {
            [
                "renewals": String(renewals), "renewal_limit": String(renewalLimit), "renew_days": String(renewDays),
                "fine_per_day": Money.text(finePerDay), "maximum_fine": Money.text(maximumFine),
            ]
        }
    }

    /// A loan (`<item_loan>`) of `userID`, made under `terms`.
    static func loan(_ body: Node, userID: String, terms: LoanTerms) -> Document {
        let id = body.value("loan_id") ?? ""
        let item = body.value("item_id") ?? ""
        let active = body.value("loan_status") == "ACTIVE"
        var fields = terms.fields
        fields["status"] = active ? "ACTIVE" : "COMPLETE"
        for name in ["loan_date", "due_date", "return_date", "title", "author"] { fields[name] = body.value(name) ?? "" }
        fields["barcode"] = body.value("item_barcode") ?? ""
        return Document(
            kind: .loan,
            id: id,
            parent: userID,
            body: AlmaShapes.itemLoan.normalized(body),
            keys: active ? [.init(type: activeItemKey, value: item)] : [],
            fields: fields,
            links: [.init("item", item), .init("bib", body.value("mms_id") ?? "")] + (active ? [.init(holderLink, userID)] : [])
        )
    }

    /// A request (`<user_request>`) of `userID`; `level` is `title` or `item`.
    static func request(_ body: Node, userID: String, level: String) -> Document {
        let status = body.value("request_status") ?? ""
        let item = body.value("item_id") ?? ""
        var links: [Document.Link] = [.init("bib", body.value("mms_id") ?? "")]
        if !item.isEmpty { links.append(.init("item", item)) }
        return Document(
            kind: .request,
            id: body.value("request_id") ?? "",
            parent: userID,
            body: AlmaShapes.userRequest.normalized(body),
            fields: [
                "status": status, "open": openRequestStatuses.contains(status) ? "true" : "false",
                "type": body.value("request_type") ?? "", "time": body.value("request_time") ?? "", "item": item, "level": level,
            ],
            links: links
        )
    }

    /// The sum of the balances of `fees`.
    static func balance(of fees: [Document]) -> Decimal {
        fees.reduce(Decimal(0)) { $0 + (Money.parse($1.body.value("balance") ?? "") ?? 0) }
    }

    /// A fine or fee (`<fee>`) of `userID`; an overdue fine names its loan, and is `final` once
    /// the loan is returned (it grows no more).
    static func fee(_ body: Node, userID: String, loanID: String? = nil, final: Bool = false) -> Document {
        var fields = ["status": body.value("status") ?? "", "created": body.value("creation_time") ?? ""]
        if let loanID { fields["loan"] = loanID }
        if final { fields["final"] = "true" }
        return Document(
            kind: .fee,
            id: body.value("id") ?? "",
            parent: userID,
            body: AlmaShapes.fee.normalized(body),
            keys: loanID.map { [.init(type: loanKey, value: $0)] } ?? [],
            fields: fields
        )
    }
}
