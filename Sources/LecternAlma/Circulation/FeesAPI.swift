import Foundation
import LecternCore
import LecternPeople
import LecternRepresentation
import LecternStore

/// A user's fines and fees: `/almaws/v1/users/{user_id}/fees`.
struct FeesAPI {
    let circulation: Circulation

    static let status = RouteParameter(
        "status",
        "Only fees with this status",
        default: "ACTIVE",
        allowed: ["ACTIVE", "INDISPUTE", "EXEMPT", "CLOSED"]
    )
    .checked(.parameterNotValid)
    static let op = RouteParameter("op", "The operation: pay, waive, dispute or restore", required: true)
    static let payAllOp = RouteParameter("op", "The operation: pay", required: true)
    static let amount = RouteParameter("amount", "The amount, or ALL (the default)")
    static let method = RouteParameter("method", "How it is paid: CASH, CREDIT_CARD, ONLINE or CHECK")
    static let reason = RouteParameter("reason", "Why it is waived or disputed")
    static let comment = RouteParameter("comment", "A comment kept with the transaction")
    static let externalID = RouteParameter("external_transaction_id", "The transaction's id in the paying system")
    static let feeID = RouteParameter("fee_id", "The fee's id")

    var routes: [Route] {
        let fees = "/almaws/v1/users/{user_id}/fees"
        let userPath: [RouteParameter] = [.init("user_id", "The user's id")]
        let userQuery: [RouteParameter] = [PeopleAPI.userIDType, .format, .lang]
        let notFound: [APIError] = [.userNotFound("{user_id}")]
        let actionQuery = [Self.amount, Self.method, Self.reason, Self.comment, Self.externalID]
        return [
            Route(.get, fees, list).documented(
                "Retrieve a user's fines and fees",
                path: userPath,
                query: [Self.status] + userQuery,
                response: CirculationObjects.fees,
                errors: notFound + [.parameterNotValid("status")]
            ),
            Route(.post, fees, create).documented(
                "Charge a user a fine or fee",
                path: userPath,
                query: userQuery,
                body: [.xml, .json],
                request: CirculationObjects.fee,
                response: CirculationObjects.fee,
                errors: notFound + [
                    .feeTypeRequired, .feeTypeInvalid, .feeAmountRequired, .feeOwnerRequired, .feeOwnerNotLibrary, .feeBarcodeInvalid,
                ]
            ),
            Route(.post, "\(fees)/all", payAll).documented(
                "Pay a user's active fees, oldest first",
                path: userPath,
                query: [Self.payAllOp] + actionQuery + userQuery,
                response: CirculationObjects.fees,
                errors: notFound + [.parameterNotValid("{parameter}")]
            ),
            Route(.get, "\(fees)/{fee_id}", get).documented(
                "Retrieve a fine or fee",
                path: userPath + [Self.feeID],
                query: userQuery,
                response: CirculationObjects.fee,
                errors: notFound + [.fineNotFound("{fee_id}")]
            ),
            Route(.post, "\(fees)/{fee_id}", action).documented(
                "Pay, waive, dispute or restore a fine or fee",
                path: userPath + [Self.feeID],
                query: [Self.op] + actionQuery + userQuery,
                response: CirculationObjects.fee,
                errors: notFound + [.fineNotFound("{fee_id}"), .parameterNotValid("{parameter}")]
            ),
        ]
    }

    @Sendable func list(_ call: Call) async throws -> Reply {
        let status = call.text(Self.status) ?? "ACTIVE"
        let baseURL = call.baseURL
        let view = try await circulation.desk(call) { desk in
            let user = try await PeopleAPI.find(call, in: desk.tx)
            try await desk.settleFines(of: user.id)
            return Self.feesNode(try await desk.fees(of: user.id, status: status), currency: desk.policy.currency, baseURL: baseURL)
        }
        return .object(view, AlmaShapes.fees)
    }

    static func feesNode(_ fees: [Document], currency: String, baseURL: String) -> Node {
        let sum = CirculationDocuments.balance(of: fees)
        return Node(
            "fees",
            attributes: [
                .init("total_record_count", String(fees.count)), .init("total_sum", Money.text(sum)), .init("currency", currency),
            ],
            children: fees.map { CirculationViews.fee($0, baseURL: baseURL) }
        )
    }

    @Sendable func create(_ call: Call) async throws -> Reply {
        let incoming = try call.object("fee", as: AlmaShapes.fee)
        let baseURL = call.baseURL
        let view = try await circulation.desk(call) { desk in
            let user = try await PeopleAPI.find(call, in: desk.tx)
            return CirculationViews.fee(try await desk.charge(incoming, to: user.id), baseURL: baseURL)
        }
        return .object(view, AlmaShapes.fee)
    }

    @Sendable func get(_ call: Call) async throws -> Reply {
        let baseURL = call.baseURL
        let view = try await circulation.desk(call) { desk in
            let fee = try await Self.fee(call, in: desk)
            return CirculationViews.fee(try await desk.tx.document(.fee, id: fee.id) ?? fee, baseURL: baseURL)
        }
        return .object(view, AlmaShapes.fee)
    }

    @Sendable func action(_ call: Call) async throws -> Reply {
        let action = Self.action(call, op: call.query(Self.op) ?? "")
        let baseURL = call.baseURL
        let view = try await circulation.desk(call) { desk in
            CirculationViews.fee(try await desk.apply(action, to: try await Self.fee(call, in: desk)), baseURL: baseURL)
        }
        return .object(view, AlmaShapes.fee)
    }

    @Sendable func payAll(_ call: Call) async throws -> Reply {
        guard call.query(Self.payAllOp) == "pay" else { throw APIError.parameterNotValid("op") }
        let action = Self.action(call, op: "pay")
        let baseURL = call.baseURL
        let view = try await circulation.desk(call) { desk in
            let user = try await PeopleAPI.find(call, in: desk.tx)
            try await desk.settleFines(of: user.id)
            try await desk.payAll(of: user.id, amount: action.amount, action: action)
            return Self.feesNode(try await desk.fees(of: user.id, status: "ACTIVE"), currency: desk.policy.currency, baseURL: baseURL)
        }
        return .object(view, AlmaShapes.fees)
    }

    private static func action(_ call: Call, op: String) -> CirculationDesk.FeeAction {
        CirculationDesk.FeeAction(
            op: op,
            amount: call.query(amount),
            method: call.query(method),
            reason: call.query(reason),
            comment: call.query(comment),
            externalID: call.query(externalID)
        )
    }

    /// The path's fee of the path's user, its overdue fine brought up to now.
    private static func fee(_ call: Call, in desk: CirculationDesk) async throws -> Document {
        let user = try await PeopleAPI.find(call, in: desk.tx)
        try await desk.settleFines(of: user.id)
        let id = call.path["fee_id"] ?? ""
        guard let fee = try await desk.tx.document(.fee, id: id), fee.parent == user.id else { throw APIError.fineNotFound(id) }
        return fee
    }
}
