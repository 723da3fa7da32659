import Foundation
import LecternCore
import LecternPeople
import LecternRepresentation
import LecternStore

/// Loans: a user's (`/almaws/v1/users/{user_id}/loans`), an item's
/// (`…/holdings/{holding_id}/items/{item_pid}/loans`) and a bib's (`/almaws/v1/bibs/{mms_id}/loans`).
struct LoansAPI {
    let circulation: Circulation

    static let paging = Paging(default: 10, maximum: 100)
    static let loanStatus = RouteParameter("loan_status", "Active or Complete loans", default: "Active", allowed: ["Active", "Complete"])
        .checked(ignoringCase: true)
    static let orderBy = RouteParameter(
        "order_by",
        "Sort key (the loan id breaks ties)",
        default: "id",
        allowed: ["id", "loan_date", "due_date", "barcode", "title", "author", "return_date"]
    ).checked()
    static let direction = RouteParameter("direction", "Sort direction", default: "ASC", allowed: ["ASC", "DESC"]).checked(ignoringCase: true)
    static let expand = RouteParameter("expand", "renewable: whether each loan may be renewed now (always shown)", allowed: ["renewable"])
    static let itemPID = RouteParameter("item_pid", "The item's id (or item_barcode)")
    static let itemBarcode = RouteParameter("item_barcode", "The item's barcode (or item_pid)")
    static let op = RouteParameter("op", "The operation: renew", required: true, allowed: ["renew"])
    static let userID = RouteParameter("user_id", "The borrower's id", required: true)
    static let loanID = RouteParameter("loan_id", "The loan's id")
    static let notifyUser = RouteParameter.flag("notify_user", "Whether to tell the user (no mail is sent)", default: false)

    static let listQuery: [RouteParameter] = paging.parameters + [loanStatus, orderBy, direction, expand, .format, .lang]
    static let negotiated: [RouteParameter] = [.format, .lang]
    static let lendErrors: [APIError] = [
        .userNotFound("{user_id}"), .deskCannotLoan, .itemNotLoanable("{reason}"), .pidFieldEmpty,
        .userBlocked("{user_id}", "{reason}"), .mandatoryFieldMissing("{field}"),
    ]
    static let renewErrors: [APIError] = [.loanNotFound("{loan_id}"), .cannotRenew("{loan_id}", "{reason}"), .loanOperationNotValid]
    static let dueDateErrors: [APIError] = [.loanNotFound("{loan_id}"), .dueDateMissing, .dueDateInPast]

    var routes: [Route] {
        let user = "/almaws/v1/users/{user_id}/loans"
        let item = "/almaws/v1/bibs/{mms_id}/holdings/{holding_id}/items/{item_pid}/loans"
        let bib = "/almaws/v1/bibs/{mms_id}/loans"
        let userPath: [RouteParameter] = [.init("user_id", "The user's id")]
        let itemPath: [RouteParameter] = [BibsAPI.mmsID, HoldingsAPI.holdingID, .init("item_pid", "The item's id")]
        let userQuery = [PeopleAPI.userIDType] + Self.negotiated
        return [
            Route(.get, user, listForUser).documented(
                "Retrieve a user's loans",
                path: userPath,
                query: [PeopleAPI.userIDType] + Self.listQuery,
                response: CirculationObjects.loans,
                errors: [.userNotFound("{user_id}")]
            ),
            Route(.post, user, lendToUser).documented(
                "Lend an item to a user (the body names the circulation desk and library)",
                path: userPath,
                query: [Self.itemPID, Self.itemBarcode] + userQuery,
                body: [.xml, .json],
                request: CirculationObjects.loan,
                response: CirculationObjects.loan,
                errors: Self.lendErrors
            ),
            Route(.get, "\(user)/{loan_id}", getForUser).documented(
                "Retrieve a user's loan",
                path: userPath + [Self.loanID],
                query: userQuery,
                response: CirculationObjects.loan,
                errors: [.userNotFound("{user_id}"), .loanNotFound("{loan_id}")]
            ),
            Route(.post, "\(user)/{loan_id}", renewForUser).documented(
                "Renew a loan",
                path: userPath + [Self.loanID],
                query: [Self.op] + userQuery,
                response: CirculationObjects.loan,
                errors: Self.renewErrors
            ),
            Route(.put, "\(user)/{loan_id}", changeDueDateForUser).documented(
                "Change a loan's due date",
                path: userPath + [Self.loanID],
                query: [Self.notifyUser] + userQuery,
                body: [.xml, .json],
                request: CirculationObjects.loan,
                response: CirculationObjects.loan,
                errors: Self.dueDateErrors
            ),
            Route(.get, item, listForItem).documented(
                "Retrieve an item's loans",
                path: itemPath,
                query: Self.listQuery,
                response: CirculationObjects.loans,
                errors: CatalogObjects.itemErrors
            ),
            Route(.post, item, lendItem).documented(
                "Lend the item to a user (the body names the circulation desk and library)",
                path: itemPath,
                query: [Self.userID] + userQuery,
                body: [.xml, .json],
                request: CirculationObjects.loan,
                response: CirculationObjects.loan,
                errors: CatalogObjects.itemErrors + Self.lendErrors
            ),
            Route(.get, "\(item)/{loan_id}", getForItem).documented(
                "Retrieve a loan of the item",
                path: itemPath + [Self.loanID],
                query: Self.negotiated,
                response: CirculationObjects.loan,
                errors: CatalogObjects.itemErrors + [.loanNotFound("{loan_id}")]
            ),
            Route(.post, "\(item)/{loan_id}", renewForItem).documented(
                "Renew a loan of the item",
                path: itemPath + [Self.loanID],
                query: [Self.op] + Self.negotiated,
                response: CirculationObjects.loan,
                errors: CatalogObjects.itemErrors + Self.renewErrors
            ),
            Route(.put, "\(item)/{loan_id}", changeDueDateForItem).documented(
                "Change the due date of a loan of the item",
                path: itemPath + [Self.loanID],
                query: Self.negotiated,
                body: [.xml, .json],
                request: CirculationObjects.loan,
                response: CirculationObjects.loan,
                errors: CatalogObjects.itemErrors + Self.dueDateErrors
            ),
            Route(.get, bib, listForBib).documented(
                "Retrieve a bib's loans",
                path: [BibsAPI.mmsID],
                query: Self.listQuery,
                response: CirculationObjects.loans,
                errors: CatalogObjects.bibErrors
            ),
            Route(.get, "\(bib)/{loan_id}", getForBib).documented(
                "Retrieve a loan of the bib",
                path: [BibsAPI.mmsID, Self.loanID],
                query: Self.negotiated,
                response: CirculationObjects.loan,
                errors: CatalogObjects.bibErrors + [.loanNotFound("{loan_id}")]
            ),
        ]
    }

    // MARK: - Lists

    @Sendable func listForUser(_ call: Call) async throws -> Reply {
        try await list(call) { reader, query in
            let userID = try await PeopleAPI.find(call, in: reader).id
            if query.equals["status"] == "ACTIVE" {
                query.linked = [CirculationDocuments.holderLink: userID]
            } else {
                query.parent = userID
            }
        }
    }

    @Sendable func listForItem(_ call: Call) async throws -> Reply {
        try await list(call) { reader, query in
            query.linked = ["item": try await ItemsAPI.find(call, in: reader).item.id]
        }
    }

    @Sendable func listForBib(_ call: Call) async throws -> Reply {
        try await list(call) { reader, query in
            query.linked = ["bib": try await CatalogLookup.bib(call.path["mms_id"] ?? "", in: reader).id]
        }
    }

    /// One page of the loans `scope` selects, with the status and order asked for; an active
    /// loan says whether it may be renewed now (as every recorded list does, `expand=renewable`
    /// or not).
    private func list(_ call: Call, scope: @escaping @Sendable (any StoreReader, inout DocumentQuery) async throws -> Void) async throws -> Reply {
        let (limit, offset) = call.page(Self.paging)
        let complete = call.text(Self.loanStatus)?.lowercased() == "complete"
        let descending = call.text(Self.direction)?.uppercased() == "DESC"
        let order = call.text(Self.orderBy) ?? "id"
        let baseURL = call.baseURL
        let loans = try await circulation.desk(call) { desk in
            var query = DocumentQuery(kind: .loan, equals: ["status": complete ? "COMPLETE" : "ACTIVE"], limit: limit, offset: offset)
            try await scope(desk.tx, &query)
            if order != "id" { query.order = [.init(order, descending: descending)] }
            let page = try await desk.tx.find(query)
            var views: [Node] = []
            for loan in page.items {
                let canRenew = complete ? nil : try await desk.renewalRefusal(loan) == nil
                views.append(CirculationViews.loan(loan, baseURL: baseURL, renewable: canRenew))
            }
            return Node.listRoot("item_loans", total: page.total, items: views)
        }
        return .object(loans, AlmaShapes.itemLoans)
    }

    // MARK: - Lend

    @Sendable func lendToUser(_ call: Call) async throws -> Reply {
        let desk = try Self.deskAndLibrary(call)
        let pid = call.query(Self.itemPID).flatMap { $0.isEmpty ? nil : $0 }
        let barcode = call.query(Self.itemBarcode).flatMap { $0.isEmpty ? nil : $0 }
        guard pid != nil || barcode != nil else { throw APIError.pidFieldEmpty }
        let baseURL = call.baseURL
        let loan = try await circulation.desk(call) { circulation in
            let user = try await PeopleAPI.find(call, in: circulation.tx)
            let item: Document? =
                if let pid { try await circulation.tx.document(.item, id: pid) } else {
                    try await circulation.tx.document(.item, key: barcode ?? "", type: CatalogDocuments.barcode)
                }
            guard let item, let held = try await circulation.held(item) else {
                throw APIError.itemNotLoanable("No item with \(pid.map { "pid \($0)" } ?? "barcode \(barcode ?? "")").")
            }
            let loan = try await circulation.lend(held, to: user, desk: desk.desk, library: desk.library)
            return CirculationViews.loan(loan, baseURL: baseURL, renewable: try await circulation.renewalRefusal(loan) == nil)
        }
        return .object(loan, AlmaShapes.itemLoan)
    }

    @Sendable func lendItem(_ call: Call) async throws -> Reply {
        let desk = try Self.deskAndLibrary(call)
        let baseURL = call.baseURL
        let loan = try await circulation.desk(call) { circulation in
            let (_, _, item) = try await ItemsAPI.find(call, in: circulation.tx)
            var byUser = call
            byUser.path["user_id"] = call.query(Self.userID) ?? ""
            let user = try await PeopleAPI.find(byUser, in: circulation.tx)
            guard let held = try await circulation.held(item) else { throw APIError.itemNotLoanable("No item \(item.id).") }
            let loan = try await circulation.lend(held, to: user, desk: desk.desk, library: desk.library)
            return CirculationViews.loan(loan, baseURL: baseURL, renewable: try await circulation.renewalRefusal(loan) == nil)
        }
        return .object(loan, AlmaShapes.itemLoan)
    }

    /// The `circ_desk` and `library` of the body.
    private static func deskAndLibrary(_ call: Call) throws -> (desk: String, library: String) {
        let body = try call.object("item_loan", as: AlmaShapes.itemLoan)
        guard let desk = body.value("circ_desk"), !desk.isEmpty else { throw APIError.mandatoryFieldMissing("circ_desk") }
        guard let library = body.value("library"), !library.isEmpty else { throw APIError.mandatoryFieldMissing("library") }
        return (desk, library)
    }

    // MARK: - One loan

    @Sendable func getForUser(_ call: Call) async throws -> Reply {
        try await one(call) { reader in
            let user = try await PeopleAPI.find(call, in: reader)
            return { $0.parent == user.id }
        }
    }

    @Sendable func getForItem(_ call: Call) async throws -> Reply {
        try await one(call) { reader in
            let pid = try await ItemsAPI.find(call, in: reader).item.id
            return { $0.body.value("item_id") == pid }
        }
    }

    @Sendable func getForBib(_ call: Call) async throws -> Reply {
        try await one(call) { reader in
            let mmsID = try await CatalogLookup.bib(call.path["mms_id"] ?? "", in: reader).id
            return { $0.body.value("mms_id") == mmsID }
        }
    }

    @Sendable func renewForUser(_ call: Call) async throws -> Reply {
        guard call.query(Self.op) == "renew" else { throw APIError.loanOperationNotValid }
        return try await change(call, owner: Self.userOwns) { desk, loan in try await desk.renew(loan) }
    }

    @Sendable func renewForItem(_ call: Call) async throws -> Reply {
        guard call.query(Self.op) == "renew" else { throw APIError.loanOperationNotValid }
        return try await change(call, owner: Self.itemOwns) { desk, loan in try await desk.renew(loan) }
    }

    @Sendable func changeDueDateForUser(_ call: Call) async throws -> Reply {
        let due = try Self.dueDate(call)
        return try await change(call, owner: Self.userOwns) { desk, loan in try await desk.changeDueDate(loan, to: due) }
    }

    @Sendable func changeDueDateForItem(_ call: Call) async throws -> Reply {
        let due = try Self.dueDate(call)
        return try await change(call, owner: Self.itemOwns) { desk, loan in try await desk.changeDueDate(loan, to: due) }
    }

    /// The loan the path names, if `owner` says it belongs where the path says.
    private typealias Owner = @Sendable (Call, any StoreReader) async throws -> @Sendable (Document) -> Bool

    private static let userOwns: Owner = { call, reader in
        let user = try await PeopleAPI.find(call, in: reader)
        return { $0.parent == user.id }
    }

    private static let itemOwns: Owner = { call, reader in
        let pid = try await ItemsAPI.find(call, in: reader).item.id
        return { $0.body.value("item_id") == pid }
    }

    private func one(_ call: Call, owner: @escaping @Sendable (any StoreReader) async throws -> @Sendable (Document) -> Bool) async throws -> Reply {
        let loanID = call.path["loan_id"] ?? ""
        let baseURL = call.baseURL
        let view = try await circulation.desk(call) { desk in
            let belongs = try await owner(desk.tx)
            guard let loan = try await desk.tx.document(.loan, id: loanID), belongs(loan) else { throw APIError.loanNotFound(loanID) }
            let renewable = loan.fields["status"] == "ACTIVE" ? try await desk.renewalRefusal(loan) == nil : nil
            return CirculationViews.loan(loan, baseURL: baseURL, renewable: renewable)
        }
        return .object(view, AlmaShapes.itemLoan)
    }

    private func change(
        _ call: Call,
        owner: @escaping Owner,
        _ action: @escaping @Sendable (CirculationDesk, Document) async throws -> Document
    ) async throws -> Reply {
        let loanID = call.path["loan_id"] ?? ""
        let baseURL = call.baseURL
        let view = try await circulation.desk(call) { desk in
            let belongs = try await owner(call, desk.tx)
            guard let loan = try await desk.tx.document(.loan, id: loanID), belongs(loan), loan.fields["status"] == "ACTIVE" else {
                throw APIError.loanNotFound(loanID)
            }
            let changed = try await action(desk, loan)
            return CirculationViews.loan(changed, baseURL: baseURL, renewable: try await desk.renewalRefusal(changed) == nil)
        }
        return .object(view, AlmaShapes.itemLoan)
    }

    /// The `due_date` of the body.
    private static func dueDate(_ call: Call) throws -> Date {
        let body = try call.object("item_loan", as: AlmaShapes.itemLoan)
        guard let text = body.value("due_date"), !text.isEmpty else { throw APIError.dueDateMissing }
        guard let due = CirculationTime.parse(text) else { throw APIError.invalidBody("due_date \(text) is not a date.") }
        return due
    }
}
