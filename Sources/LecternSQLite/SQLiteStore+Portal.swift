public import Foundation
import GRDB
import LecternCore
public import LecternStore

extension SQLiteStore: PortalStore {
    public func createAccount(_ account: Account) async throws -> Int64 {
        try await writing { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM portal_accounts WHERE email = ?", arguments: [account.email]) == true {
                throw PortalStoreError.duplicateEmail
            }
            try db.execute(
                sql: "INSERT INTO portal_accounts (email, name, password_hash, activated) VALUES (?, ?, ?, ?)",
                arguments: [account.email, account.name, account.passwordHash, account.activated]
            )
            return db.lastInsertedRowID
        }
    }

    public func account(email: String) async throws -> Account? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM portal_accounts WHERE email = ?", arguments: [email]).map(Self.account(from:))
        }
    }

    public func account(id: Int64) async throws -> Account? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM portal_accounts WHERE id = ?", arguments: [id]).map(Self.account(from:))
        }
    }

    public func activateAccount(_ id: Int64) async throws {
        try await writing { db in try db.execute(sql: "UPDATE portal_accounts SET activated = 1 WHERE id = ?", arguments: [id]) }
    }

    public func setPassword(_ id: Int64, hash: String) async throws {
        try await writing { db in
            try db.execute(sql: "UPDATE portal_accounts SET password_hash = ? WHERE id = ?", arguments: [hash, id])
            try db.execute(sql: "DELETE FROM portal_sessions WHERE account = ?", arguments: [id])
        }
    }

    public func createToken(_ token: PortalToken) async throws {
        try await writing { db in
            try db.execute(
                sql: "INSERT INTO portal_tokens (hash, purpose, email, account, institution, role, expires) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    token.hash, token.purpose.rawValue, token.email, token.account, token.institution, token.role?.rawValue,
                    token.expires.timeIntervalSince1970,
                ]
            )
        }
    }

    public func consumeToken(hash: String, purpose: TokenPurpose, now: Date) async throws -> PortalToken? {
        try await writing { db in
            let row = try Row.fetchOne(
                db,
                sql: "UPDATE portal_tokens SET used = 1 WHERE hash = ? AND purpose = ? AND used = 0 AND expires > ? RETURNING *",
                arguments: [hash, purpose.rawValue, now.timeIntervalSince1970]
            )
            return row.map { Self.token($0, purpose: purpose) }
        }
    }

    public func token(hash: String, purpose: TokenPurpose, now: Date) async throws -> PortalToken? {
        try await pool.read { db in
            try Row.fetchOne(
                db,
                sql: "SELECT * FROM portal_tokens WHERE hash = ? AND purpose = ? AND used = 0 AND expires > ?",
                arguments: [hash, purpose.rawValue, now.timeIntervalSince1970]
            )
            .map { Self.token($0, purpose: purpose) }
        }
    }

    public func invitations(institution: String, now: Date) async throws -> [PortalToken] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM portal_tokens WHERE purpose = ? AND institution = ? AND used = 0 AND expires > ? ORDER BY expires, hash",
                arguments: [TokenPurpose.invitation.rawValue, institution, now.timeIntervalSince1970]
            )
            .map { Self.token($0, purpose: .invitation) }
        }
    }

    private static func token(_ row: Row, purpose: TokenPurpose) -> PortalToken {
        PortalToken(
            hash: row["hash"],
            purpose: purpose,
            email: row["email"],
            account: row["account"],
            institution: row["institution"],
            role: (row["role"] as String?).flatMap(OrganizationRole.init(rawValue:)),
            expires: Date(timeIntervalSince1970: row["expires"])
        )
    }

    public func createSession(_ session: PortalSession) async throws {
        try await writing { db in
            try db.execute(
                sql: "INSERT INTO portal_sessions (hash, account, csrf, expires) VALUES (?, ?, ?, ?)",
                arguments: [session.hash, session.account, session.csrf, session.expires.timeIntervalSince1970]
            )
        }
    }

    public func session(hash: String, now: Date) async throws -> PortalSession? {
        try await pool.read { db in
            try Row.fetchOne(
                db,
                sql: "SELECT * FROM portal_sessions WHERE hash = ? AND expires > ?",
                arguments: [hash, now.timeIntervalSince1970]
            ).map { row in
                PortalSession(hash: row["hash"], account: row["account"], csrf: row["csrf"], expires: Date(timeIntervalSince1970: row["expires"]))
            }
        }
    }

    public func deleteSession(hash: String) async throws {
        try await writing { db in try db.execute(sql: "DELETE FROM portal_sessions WHERE hash = ?", arguments: [hash]) }
    }

    public func memberships(account: Int64) async throws -> [Membership] {
        try await memberships(where: "m.account = ?", [account])
    }

    public func members(institution: String) async throws -> [Membership] {
        try await memberships(where: "m.institution = ?", [institution])
    }

    public func setMembership(account: Int64, institution: String, role: OrganizationRole) async throws {
        try await writing { db in
            try db.execute(
                sql: """
                    INSERT INTO portal_memberships (account, institution, role) VALUES (?, ?, ?)
                    ON CONFLICT (account, institution) DO UPDATE SET role = excluded.role
                    """,
                arguments: [account, institution, role.rawValue]
            )
        }
    }

    public func removeMembership(account: Int64, institution: String) async throws {
        try await writing { db in
            try db.execute(sql: "DELETE FROM portal_memberships WHERE account = ? AND institution = ?", arguments: [account, institution])
        }
    }

    public func createApplication(_ application: DeveloperApplication) async throws -> Int64 {
        try await writing { db in
            try db.execute(
                sql: """
                    INSERT INTO portal_applications (owner, institution, environment, name, platform, summary, created)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    application.owner, application.institution, application.environment.rawValue, application.name, application.platform,
                    application.summary, application.created.timeIntervalSince1970,
                ]
            )
            return db.lastInsertedRowID
        }
    }

    public func application(id: Int64) async throws -> DeveloperApplication? {
        try await applications(where: "id = ?", [id]).first
    }

    public func applications(owner: Int64) async throws -> [DeveloperApplication] {
        try await applications(where: "owner = ?", [owner])
    }

    public func applications(institution: String) async throws -> [DeveloperApplication] {
        try await applications(where: "institution = ?", [institution])
    }

    public func updateApplication(_ application: DeveloperApplication) async throws {
        try await writing { db in
            try db.execute(
                sql: """
                    UPDATE portal_applications SET owner = ?, institution = ?, environment = ?, name = ?, platform = ?, summary = ?
                    WHERE id = ?
                    """,
                arguments: [
                    application.owner, application.institution, application.environment.rawValue, application.name, application.platform,
                    application.summary, application.id,
                ]
            )
        }
    }

    public func deleteApplication(id: Int64) async throws {
        try await writing { db in try db.execute(sql: "DELETE FROM portal_applications WHERE id = ?", arguments: [id]) }
    }

    public func loginFailures(pair: String) async throws -> (count: Int, last: Date)? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT failures, last_failure FROM portal_login_failures WHERE pair = ?", arguments: [pair])
                .map { (count: $0["failures"], last: Date(timeIntervalSince1970: $0["last_failure"])) }
        }
    }

    public func recordLoginFailure(pair: String, now: Date) async throws -> Int {
        try await writing { db in
            try Int.fetchOne(
                db,
                sql: """
                    INSERT INTO portal_login_failures (pair, failures, last_failure) VALUES (?, 1, ?)
                    ON CONFLICT (pair) DO UPDATE SET failures = failures + 1, last_failure = excluded.last_failure
                    RETURNING failures
                    """,
                arguments: [pair, now.timeIntervalSince1970]
            ) ?? 1
        }
    }

    public func clearLoginFailures(pair: String, before: Date) async throws {
        try await writing { db in
            try db.execute(
                sql: "DELETE FROM portal_login_failures WHERE pair = ? OR last_failure < ?",
                arguments: [pair, before.timeIntervalSince1970]
            )
        }
    }

    /// Runs `body` in a write transaction.
    private func writing<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await transaction { try await pool.writeWithoutTransaction(body) }
    }

    private func memberships(where condition: String, _ arguments: StatementArguments) async throws -> [Membership] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.*, m.institution AS m_institution, m.role AS m_role
                    FROM portal_memberships m JOIN portal_accounts a ON a.id = m.account
                    WHERE \(condition) ORDER BY a.name, a.email
                    """,
                arguments: arguments
            ).map { row in
                Membership(
                    account: Self.account(from: row),
                    institution: row["m_institution"],
                    role: OrganizationRole(rawValue: row["m_role"]) ?? .developer
                )
            }
        }
    }

    private func applications(where condition: String, _ arguments: StatementArguments) async throws -> [DeveloperApplication] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM portal_applications WHERE \(condition) ORDER BY id DESC", arguments: arguments).map { row in
                DeveloperApplication(
                    id: row["id"],
                    owner: row["owner"],
                    institution: row["institution"],
                    environment: Environment(rawValue: row["environment"]) ?? .guest,
                    name: row["name"],
                    platform: row["platform"],
                    summary: row["summary"],
                    created: Date(timeIntervalSince1970: row["created"])
                )
            }
        }
    }

    private static func account(from row: Row) -> Account {
        Account(id: row["id"], email: row["email"], name: row["name"], passwordHash: row["password_hash"], activated: row["activated"])
    }
}
