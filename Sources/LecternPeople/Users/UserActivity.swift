public import LecternCore
public import LecternRepresentation
public import LecternStore

/// What a user's activity elsewhere in the family adds to the user: Alma's circulation counts a
/// user's loans, requests and fees (`expand=loans,requests,fees`) and the blocks they cause.
public protocol UserActivity: Sendable {
    /// The active loans, the active requests and the sum of active fees (as text) of `user`.
    func counts(of user: Document, in tenant: Tenant) async throws -> UserActivityCounts
    /// The user's `<user_block>`s as they are now, when the activity changes them (a block for
    /// fines over the limit added, or such a block stored by a swap-all update removed once
    /// it no longer holds); `nil` when the stored blocks stand.
    func blocks(of user: Document, in tenant: Tenant) async throws -> [Node]?
}

/// The counts of ``UserActivity/counts(of:in:)``.
public struct UserActivityCounts: Sendable {
    /// Active loans.
    public var loans: Int
    /// Active requests.
    public var requests: Int
    /// The sum of active fees' balances.
    public var fees: String

    /// Creates counts.
    public init(loans: Int, requests: Int, fees: String) {
        self.loans = loans
        self.requests = requests
        self.fees = fees
    }
}
