public import Foundation
public import LecternCore
import LecternRepresentation
public import LecternStore

/// Circulation made by a loader rather than over HTTP (the demo institution's history, a large
/// generated institution), at the times the loader chooses, through the same rules as the API.
/// Each call answers `nil` where the API would refuse, so a loader skips what does not apply.
public struct CirculationLoader: Sendable {
    let desk: CirculationDesk

    /// The loader of the tenant `tx` writes, at `now`.
    public static func open(_ tx: any StoreWriter, tenant: Tenant, now: Date) async throws -> CirculationLoader {
        CirculationLoader(desk: try await CirculationDesk.open(tx, tenant: tenant, now: now))
    }

    /// The same loader at another moment.
    public func at(_ date: Date) -> CirculationLoader {
        CirculationLoader(desk: desk.at(date))
    }

    /// Lends the item `pid` to `userID` at `circDesk` of `library`; the loan id.
    public func lend(_ pid: String, to userID: String, library: String, circDesk: String) async throws -> String? {
        guard let held = try await desk.held(pid), let user = try await desk.user(userID) else { return nil }
        return try await refusedAsNil { try await desk.lend(held, to: user, desk: circDesk, library: library).id }
    }

    /// Places a hold on the title `mmsID` for `userID`, picked up at `pickup`; the request id.
    public func hold(_ mmsID: String, by userID: String, pickup: String) async throws -> String? {
        guard let user = try await desk.user(userID) else { return nil }
        let order = CirculationDesk.RequestOrder(
            type: "HOLD",
            pickupLibrary: pickup,
            pickupDesk: desk.firstDesk(of: pickup) ?? "",
            partialDigitization: false
        )
        return try await refusedAsNil { try await desk.place(order, for: user, mmsID: mmsID, itemPID: nil, allowSame: false).id }
    }

    /// Scans the item `pid` in at a desk of `library`: a return, and the item goes to its next request or back.
    public func scanIn(_ pid: String, library: String) async throws {
        guard let held = try await desk.held(pid) else { return }
        let circDesk = desk.firstDesk(of: library)
        try await desk.completeLoan(of: held, library: library, desk: circDesk)
        guard let current = try await desk.held(pid) else { return }
        _ = try await desk.route(current, atLibrary: library)
    }

    /// Charges `userID` a fee of `type`; its id.
    public func charge(_ userID: String, type: String, amount: Decimal, owner: String, comment: String? = nil) async throws -> String? {
        var children = [
            Node("type", text: type), Node("original_amount", text: Money.text(amount)), Node("owner", text: owner),
        ]
        if let comment { children.append(Node("comment", text: comment)) }
        return try await refusedAsNil { try await desk.charge(Node("fee", children: children), to: userID).id }
    }

    /// Pays (`pay`, with `method`), waives, disputes or restores the fee `feeID`; `amount` `nil` is all of it.
    public func act(_ op: String, on feeID: String, amount: Decimal? = nil, method: String? = nil, reason: String? = nil) async throws {
        guard let fee = try await desk.tx.document(.fee, id: feeID) else { return }
        let action = CirculationDesk.FeeAction(op: op, amount: amount.map(Money.text), method: method, reason: reason, comment: nil, externalID: nil)
        _ = try await refusedAsNil { try await desk.apply(action, to: fee) }
    }

    /// Writes what changed onto the users' documents (the summary a user GET reads): call it
    /// once the loader is done, in the same transaction.
    public func finish() async throws {
        try await desk.refreshActivity()
    }

    /// Brings `userID`'s overdue fines up to now.
    public func settleFines(of userID: String) async throws {
        try await desk.settleFines(of: userID)
    }

    private func refusedAsNil<T: Sendable>(_ body: () async throws -> T) async throws -> T? {
        do {
            return try await body()
        } catch is APIError {
            return nil
        }
    }
}
