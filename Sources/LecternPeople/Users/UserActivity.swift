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

/// A summary another part of the family keeps on the user's stored document (its `activity.`
/// fields, never in the body): a user GET reads it with the user, from the store's cache, and
/// asks ``UserActivity`` for more only when it says there is something to show.
public enum UserActivityFields {
    /// The summary on `user`'s document, names without their prefix.
    public static func read(_ user: Document) -> [String: String] {
        var fields: [String: String] = [:]
        for (name, value) in user.fields where name.hasPrefix(UserDocument.activityPrefix) {
            fields[String(name.dropFirst(UserDocument.activityPrefix.count))] = value
        }
        return fields
    }

    /// Replaces the summary on the user `userID`'s document (nothing when the user is gone or
    /// the summary is the same); the body, keys and search terms stay as they are.
    public static func write(_ fields: [String: String], userID: String, into tx: any StoreWriter) async throws {
        guard let stored = try await tx.document(.user, id: userID), read(stored) != fields else { return }
        var activity: [String: String] = [:]
        for (name, value) in fields { activity[UserDocument.activityPrefix + name] = value }
        let modified = stored.fields["modified"] ?? ""
        try await tx.put(UserDocument.make(stored.body, passwordHash: stored.fields["password_hash"], modified: modified, activity: activity))
    }
}
