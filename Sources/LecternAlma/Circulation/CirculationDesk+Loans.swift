import Foundation
import LecternCore
import LecternRepresentation
import LecternStore

/// Loans: lending an item, renewing, changing the due date, and completing a loan on return.
extension CirculationDesk {
    /// Lends the item to `user` at the circulation desk `desk` of `library`, with the due date
    /// the terms of use give the user's group and the item's policy. An item waiting on the hold
    /// shelf (or picked) for this user fulfils the request.
    ///
    /// - throws: 401153 for a desk that does not exist; 401651 when the item is not in place,
    ///   not loanable under the terms, or waiting for someone else; 401652 when the user is blocked.
    func lend(_ held: Held, to user: Document, desk: String, library: String) async throws -> Document {
        guard let deskName = try await deskName(desk, library: library) else { throw APIError.deskCannotLoan }
        try await settleFines(of: user.id)
        if let reason = try await blockReason(user) { throw APIError.userBlocked(user.id, reason) }
        if try await tx.document(.loan, key: held.pid, type: CirculationDocuments.activeItemKey) != nil {
            throw APIError.itemNotLoanable("Item \(held.pid) is on loan.")
        }
        let waiting = try await assignedRequest(held)
        let waitsForUser = waiting?.parent == user.id
        if let waiting, !waitsForUser, waiting.fields["status"] == "ON_HOLD_SHELF" || waiting.body.value("task_name") == Self.transitTask {
            throw APIError.itemNotLoanable("Item \(held.pid) is on the hold shelf for another user.")
        }
        guard held.isInPlace || waitsForUser else {
            throw APIError.itemNotLoanable("Item \(held.pid) is not in place (\(held.process.isEmpty ? "not in place" : held.process)).")
        }
        let group = user.body.value("user_group") ?? ""
        let policyCode = held.data.value("policy") ?? ""
        guard let term = policy.term(userGroup: group, itemPolicy: policyCode), term.loanable else {
            throw APIError.itemNotLoanable("The terms of use do not lend items of policy '\(policyCode)' to user group '\(group)'.")
        }
        if let waiting {
            if waitsForUser { try await close(waiting, status: "HISTORY") } else { try await unassign(waiting) }
        }
        let loanID = try await newID(.loan)
        let location = held.data.value("location") ?? ""
        let bib = held.bib.body
        let body = Node(
            "item_loan",
            children: [
                Node("loan_id", text: loanID),
                Self.code("circ_desk", desk, deskName),
                Self.code("library", library, codes.libraries[library]),
                Node("user_id", text: user.id),
                Node("item_barcode", text: held.data.value("barcode") ?? ""),
                Node("due_date", text: CirculationTime.dueDate(CirculationTime.endOfDay(now, plus: term.loanDays))),
                Node("loan_status", text: "ACTIVE"),
                Node("loan_date", text: timestamp),
                Node("process_status", text: "NORMAL"),
                Node("mms_id", text: held.mmsID),
                Node("holding_id", text: held.holding.id),
                Node("item_id", text: held.pid),
                Node("title", text: bib.value("title") ?? ""),
                bib.value("author").map { Node("author", text: $0) },
                held.data.value("description").flatMap { $0.isEmpty ? nil : Node("description", text: $0) },
                Node("publication_year", text: bib.value("date_of_publication") ?? ""),
                Node(
                    "location_code",
                    attributes: [.init("name", codes.location(location, of: held.library) ?? location)],
                    text: location
                ),
                Node(
                    "item_policy",
                    attributes: [.init("description", held.data.child("policy")?.attribute("desc") ?? "")],
                    text: policyCode
                ),
                Node("call_number", text: HoldingRules.Location(held.holding.body).callNumber),
            ].compactMap { $0 }
        )
        let loan = CirculationDocuments.loan(body, userID: user.id, terms: .init(term))
        do {
            try await tx.put(loan)
        } catch StoreError.duplicateKey {
            throw APIError.itemNotLoanable("Item \(held.pid) is on loan.")
        }
        try await setState(of: held, inPlace: false, process: "LOAN", requested: false)
        touched.insert(user.id)
        return loan
    }

    /// Renews `loan` by its term's renewal period from now.
    ///
    /// - throws: 401822 when the renewal limit is reached, the user is blocked, or another user
    ///   waits for the item.
    func renew(_ loan: Document) async throws -> Document {
        guard loan.fields["status"] == "ACTIVE" else { throw APIError.loanNotFound(loan.id) }
        try await settleFines(of: loan.parent ?? "")
        if let reason = try await renewalRefusal(loan) { throw APIError.cannotRenew(loan.id, reason) }
        var terms = CirculationDocuments.LoanTerms(loan.fields)
        terms.renewals += 1
        let current = CirculationTime.parse(loan.body.value("due_date") ?? "") ?? now
        let due = max(current, CirculationTime.endOfDay(now, plus: terms.renewDays))
        var body = loan.body
        body.setChild(Node("due_date", text: CirculationTime.dueDate(due)))
        body.setChild(Node("process_status", text: "RENEW"))
        body.setChild(Node("last_renew_date", text: timestamp))
        body.setChild(Self.code("last_renew_status", "RENEWED", "Renewed Successfully"))
        let renewed = CirculationDocuments.loan(body, userID: loan.parent ?? "", terms: terms)
        try await tx.put(renewed)
        touched.insert(loan.parent ?? "")
        return renewed
    }

    /// Why `loan` cannot be renewed now, or `nil`.
    func renewalRefusal(_ loan: Document) async throws -> String? {
        let terms = CirculationDocuments.LoanTerms(loan.fields)
        if terms.renewals >= terms.renewalLimit { return "The renewal limit (\(terms.renewalLimit)) is reached." }
        guard let user = try await user(loan.parent ?? "") else { return "The user does not exist." }
        if let reason = try await blockReason(user) { return reason }
        let pid = loan.body.value("item_id") ?? ""
        if let next = try await nextRequest(forItem: pid, mmsID: loan.body.value("mms_id") ?? ""), next.parent != loan.parent {
            return "The item is requested by another user."
        }
        return nil
    }

    /// Sets `loan`'s due date.
    ///
    /// - throws: 401681 for a date before now.
    func changeDueDate(_ loan: Document, to due: Date) async throws -> Document {
        guard loan.fields["status"] == "ACTIVE" else { throw APIError.loanNotFound(loan.id) }
        guard due >= now else { throw APIError.dueDateInPast }
        var body = loan.body
        body.setChild(Node("due_date", text: CirculationTime.dueDate(due)))
        let changed = CirculationDocuments.loan(body, userID: loan.parent ?? "", terms: .init(loan.fields))
        try await tx.put(changed)
        try await settleFines(of: loan.parent ?? "")
        touched.insert(loan.parent ?? "")
        return changed
    }

    /// Completes the active loan of `held`'s item, if any, at `library` and `desk` (or in a
    /// department, with neither), fixing its overdue fine.
    func completeLoan(of held: Held, library: String?, desk: String?) async throws {
        guard let loan = try await tx.document(.loan, key: held.pid, type: CirculationDocuments.activeItemKey) else { return }
        try await accrueFine(for: loan)
        var body = loan.body
        body.setChild(Node("loan_status", text: "COMPLETE"))
        body.setChild(Node("return_date", text: timestamp))
        if let library, let desk {
            body.setChild(Self.code("return_circ_desk", desk, try await deskName(desk, library: library)))
            body.setChild(Self.code("return_library", library, codes.libraries[library]))
        }
        try await tx.put(CirculationDocuments.loan(body, userID: loan.parent ?? "", terms: .init(loan.fields)))
        touched.insert(loan.parent ?? "")
        if let fine = try await tx.document(.fee, key: loan.id, type: CirculationDocuments.loanKey) {
            try await tx.put(CirculationDocuments.fee(fine.body, userID: fine.parent ?? "", loanID: loan.id, final: true))
        }
    }
}
