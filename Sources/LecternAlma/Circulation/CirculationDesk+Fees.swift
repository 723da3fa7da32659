import Foundation
import LecternCore
import LecternDiscovery
import LecternPeople
import LecternRepresentation
import LecternStore

/// Fines and fees: overdue fines that grow with the days late, fees a library charges, and
/// what is paid, waived, disputed and restored, in exact decimals.
extension CirculationDesk {
    /// Brings the overdue fines of `userID`'s active loans up to now.
    func settleFines(of userID: String) async throws {
        for loan in try await activeLoans(of: userID) { try await accrueFine(for: loan) }
    }

    /// What `loan`'s overdue fine comes to at `now`: `fine_per_day` per day started after the
    /// due date, at most `maximum_fine`; `nil` when the loan is not late (or returned).
    static func fineOwed(for loan: Document, now: Date) -> (amount: Decimal, days: Int)? {
        guard loan.fields["status"] == "ACTIVE", let due = CirculationTime.parse(loan.body.value("due_date") ?? "") else { return nil }
        let days = CirculationTime.daysLate(now, due: due)
        guard days > 0 else { return nil }
        let terms = CirculationDocuments.LoanTerms(loan.fields)
        let amount = min(terms.finePerDay * Decimal(days), terms.maximumFine)
        return amount > 0 ? (amount, days) : nil
    }

    /// Whether `fine` (the loan's fine, if any) is below what `loan` owes at `now`.
    static func fineIsBehind(_ fine: Document?, loan: Document, now: Date) -> Bool {
        guard let owed = fineOwed(for: loan, now: now) else { return false }
        guard let fine else { return true }
        return fine.fields["final"] != "true" && (Money.parse(fine.body.value("original_amount") ?? "") ?? 0) < owed.amount
    }

    /// The overdue fine of `loan` as of now (``fineOwed(for:now:)``); a fine grows (and is open
    /// again) until the loan is returned.
    func accrueFine(for loan: Document) async throws {
        guard let (amount, days) = Self.fineOwed(for: loan, now: now) else { return }
        let terms = CirculationDocuments.LoanTerms(loan.fields)
        let userID = loan.parent ?? ""
        touched.insert(userID)
        let comment = "Due: \(loan.body.value("due_date") ?? ""), \(days) days late, \(Money.text(terms.finePerDay)) a day."
        guard let fine = try await tx.document(.fee, key: loan.id, type: CirculationDocuments.loanKey) else {
            let body = try await feeNode(
                type: "OVERDUEFINE",
                amount: amount,
                owner: loan.body.value("library") ?? "",
                comment: comment,
                userID: userID,
                title: loan.body.value("title"),
                barcode: loan.body.value("item_barcode")
            )
            try await tx.put(CirculationDocuments.fee(body, userID: userID, loanID: loan.id))
            return
        }
        guard fine.fields["final"] != "true" else { return }
        let original = Money.parse(fine.body.value("original_amount") ?? "") ?? 0
        guard amount > original else { return }
        var body = fine.body
        body.setChild(Node("original_amount", text: Money.text(amount)))
        body.setChild(Node("balance", text: Money.text((Money.parse(body.value("balance") ?? "") ?? 0) + amount - original)))
        body.setChild(Node("comment", text: comment))
        if fine.fields["status"] == "CLOSED" { setStatus(&body, "ACTIVE") }
        try await tx.put(CirculationDocuments.fee(body, userID: userID, loanID: loan.id))
    }

    /// A new fee's node.
    func feeNode(
        type: String,
        amount: Decimal,
        owner: String,
        comment: String?,
        userID: String,
        title: String?,
        barcode: String?
    ) async throws -> Node {
        Node(
            "fee",
            children: [
                Node("id", text: try await newID(.fee)),
                Self.code("type", type, FeeCodes.types[type]),
                Self.code("status", "ACTIVE", FeeCodes.statuses["ACTIVE"]),
                Node("user_primary_id", text: userID),
                Node("balance", text: Money.text(amount)),
                Node("remaining_vat_amount", text: "0"),
                Node("original_amount", text: Money.text(amount)),
                Node("original_vat_amount", text: "0"),
                Node("creation_time", text: timestamp),
                Node("status_time", text: timestamp),
                comment.map { Node("comment", text: $0) },
                Self.code("owner", owner, codes.libraries[owner]),
                title.map { Node("title", text: $0) },
                barcode.flatMap { $0.isEmpty ? nil : Node("barcode", text: $0) },
                Node("transactions"),
            ].compactMap { $0 }
        )
    }

    private func setStatus(_ body: inout Node, _ status: String) {
        body.setChild(Self.code("status", status, FeeCodes.statuses[status]))
        body.setChild(Node("status_time", text: timestamp))
    }

    /// What a fee operation carries.
    struct FeeAction: Sendable {
        var op: String
        var amount: String?
        var method: String?
        var reason: String?
        var comment: String?
        var externalID: String?
    }

    /// Pays, waives, disputes or restores `fee`.
    ///
    /// - throws: 401666 for an amount that is not a positive number up to the balance, a payment
    ///   without a known method, or an operation the fee's status does not allow.
    func apply(_ action: FeeAction, to fee: Document) async throws -> Document {
        var body = fee.body
        let status = fee.fields["status"] ?? ""
        let balance = Money.parse(body.value("balance") ?? "") ?? 0
        var transaction: [Node] = [Self.code("type", action.op, FeeCodes.transactions[action.op])]
        switch action.op {
        case "pay", "waive":
            guard status == "ACTIVE" || (action.op == "waive" && status == "INDISPUTE") else { throw APIError.parameterNotValid("op") }
            let amount: Decimal
            if let text = action.amount, !text.isEmpty, text.uppercased() != "ALL" {
                guard let parsed = Money.parse(text), parsed > 0, parsed <= balance else { throw APIError.parameterNotValid("amount") }
                amount = parsed
            } else {
                amount = balance
            }
            let kind = action.op == "pay" ? "PAYMENT" : "WAIVE"
            transaction = [
                Self.code("type", kind, FeeCodes.transactions[kind]), Node("amount", text: Money.text(amount)), Node("vat_amount", text: "0"),
            ]
            if action.op == "pay" {
                guard let method = action.method?.uppercased(), let name = FeeCodes.paymentMethods[method] else {
                    throw APIError.parameterNotValid("method")
                }
                transaction.append(Self.code("payment_method", method, name))
            } else if let reason = action.reason, !reason.isEmpty {
                transaction.append(Node("reason", text: reason))
            }
            body.setChild(Node("balance", text: Money.text(balance - amount)))
            if balance - amount == 0 { setStatus(&body, action.op == "pay" ? "CLOSED" : "EXEMPT") }
        case "dispute":
            guard status == "ACTIVE" else { throw APIError.parameterNotValid("op") }
            transaction = [Self.code("type", "DISPUTE", FeeCodes.transactions["DISPUTE"])] + (action.reason.map { [Node("reason", text: $0)] } ?? [])
            setStatus(&body, "INDISPUTE")
        case "restore":
            guard status == "INDISPUTE" else { throw APIError.parameterNotValid("op") }
            transaction = [Self.code("type", "RESTORE", FeeCodes.transactions["RESTORE"])]
            setStatus(&body, "ACTIVE")
        default:
            throw APIError.parameterNotValid("op")
        }
        transaction += [
            action.comment.map { Node("comment", text: $0) }, action.externalID.map { Node("external_transaction_id", text: $0) },
            Node("created_by", text: "API"), Node("transaction_time", text: timestamp),
        ].compactMap { $0 }
        var list = body.child("transactions") ?? Node("transactions")
        list.children.append(Node("transaction", children: transaction))
        body.setChild(list)
        let written = CirculationDocuments.fee(body, userID: fee.parent ?? "", loanID: fee.fields["loan"], final: fee.fields["final"] == "true")
        try await tx.put(written)
        touched.insert(fee.parent ?? "")
        return written
    }

    /// Pays `amount` (or everything) of `userID`'s active fees, oldest first.
    ///
    /// - throws: 401666 for an amount that is not a positive number up to what is owed.
    func payAll(of userID: String, amount text: String?, action: FeeAction) async throws {
        let fees = try await fees(of: userID, status: "ACTIVE")
        let owed = CirculationDocuments.balance(of: fees)
        var left: Decimal
        if let text, !text.isEmpty, text.uppercased() != "ALL" {
            guard let parsed = Money.parse(text), parsed > 0, parsed <= owed else { throw APIError.parameterNotValid("amount") }
            left = parsed
        } else {
            left = owed
        }
        for fee in fees where left > 0 {
            let balance = Money.parse(fee.body.value("balance") ?? "") ?? 0
            guard balance > 0 else { continue }
            let part = min(balance, left)
            var one = action
            one.amount = Money.text(part)
            _ = try await apply(one, to: fee)
            left -= part
        }
    }

    /// Charges `userID` a fee the body describes (`type`, `original_amount`, `owner`, optionally
    /// `barcode` and `comment`).
    ///
    /// - throws: 4019991/4019992 for a missing or unknown type, 4019994 for a missing or bad
    ///   amount, 4019996/4019997 for a missing owner or one that is not a library, 4019993 for a
    ///   barcode no item has.
    func charge(_ incoming: Node, to userID: String) async throws -> Document {
        guard let type = incoming.value("type"), !type.isEmpty else { throw APIError.feeTypeRequired }
        guard FeeCodes.types[type] != nil else { throw APIError.feeTypeInvalid }
        guard let amountText = incoming.value("original_amount"), !amountText.isEmpty else { throw APIError.feeAmountRequired }
        guard let amount = Money.parse(amountText), amount != 0 else { throw APIError.feeAmountRequired }
        guard let owner = incoming.value("owner"), !owner.isEmpty else { throw APIError.feeOwnerRequired }
        guard codes.libraries[owner] != nil else { throw APIError.feeOwnerNotLibrary }
        var title = incoming.value("title")
        let barcode = incoming.value("barcode").flatMap { $0.isEmpty ? nil : $0 }
        if let barcode {
            guard let item = try await tx.document(.item, key: barcode, type: CatalogDocuments.barcode) else { throw APIError.feeBarcodeInvalid }
            if title == nil { title = try await tx.document(.bib, id: item.parent ?? "")?.body.value("title") }
        }
        let comment = incoming.value("comment").flatMap { $0.isEmpty ? nil : $0 }
        let body = try await feeNode(type: type, amount: amount, owner: owner, comment: comment, userID: userID, title: title, barcode: barcode)
        let fee = CirculationDocuments.fee(body, userID: userID)
        try await tx.put(fee)
        touched.insert(userID)
        return fee
    }
}
