import Foundation
public import LecternStore

extension Portal {
    /// Creates an inactive account and mails its activation link (`links` makes absolute URLs).
    ///
    /// An address already registered gets the same answer, so sign-up cannot probe for accounts.
    ///
    /// `next`, a portal path, is carried through the activation link to the log-in that follows
    /// (an invitation being accepted by a new account).
    public func signUp(name: String, email: String, password: String, acceptedTerms: Bool, links: Links, next: String? = nil) async throws {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let email = try Self.normalizedEmail(email)
        guard !name.isEmpty, name.count <= 200 else { throw PortalError("Please give your name.") }
        try PortalPasswords.check(password, name: name, email: email)
        guard acceptedTerms else { throw PortalError("Please accept the terms of use.") }
        let id: Int64
        do {
            id = try await store.createAccount(Account(email: email, name: name, passwordHash: passwords.hash(password)))
        } catch PortalStoreError.duplicateEmail {
            try await mailer.send(
                Message(
                    to: email,
                    subject: "Lectern Developer Network: sign-up",
                    body:
                        "Someone tried to sign up again with this address. Log in at \(links.url("/portal/login")), or reset your password at \(links.url("/portal/password/forgot")).\n"
                )
            )
            return
        }
        let token = try await issueToken(.activation, email: email, account: id, lifetime: Self.activationLifetime)
        try await mailer.send(
            Message(
                to: email,
                subject: "Lectern Developer Network: activate your account",
                body:
                    "Hello \(name),\n\nActivate your account by opening this link within 48 hours:\n\n\(links.url("/portal/activate?token=\(token)" + Self.nextParameter(next)))\n"
            )
        )
    }

    /// Activates the account an activation link belongs to (once).
    public func activate(token: String) async throws -> Account {
        guard let used = try await store.consumeToken(hash: Secret.hash(token), purpose: .activation, now: clock()),
            let id = used.account, let account = try await store.account(id: id)
        else { throw PortalError("This activation link is invalid, used or expired.") }
        try await store.activateAccount(id)
        return account
    }

    /// Checks an address and password, and opens a session; `client` is the caller's address,
    /// for the failed-attempt limit.
    public func logIn(email: String, password: String, client: String) async throws -> OpenedSession {
        let email = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let pair = LoginThrottle.pair(email: email, client: client)
        if let wait = try await throttle.wait(pair, now: clock()) {
            let minutes = max(1, Int((wait / 60).rounded(.up)))
            throw PortalError("Too many failed attempts from here. Try again in \(minutes) minute\(minutes == 1 ? "" : "s").", kind: .throttled)
        }
        guard let account = try await store.account(email: email), passwords.verify(password, hash: account.passwordHash) else {
            try await throttle.fail(pair, now: clock())
            throw PortalError("Wrong e-mail address or password.")
        }
        guard account.activated else { throw PortalError("This account is not activated yet: open the link in the activation e-mail.") }
        try await throttle.succeed(pair, now: clock())
        let cookie = Secret.generate()
        let session = PortalSession(hash: Secret.hash(cookie), account: account.id, csrf: Secret.generate(), expires: clock() + Self.sessionLifetime)
        try await store.createSession(session)
        return OpenedSession(cookie: cookie, session: session, account: account)
    }

    /// The session and account behind a session cookie, or `nil`.
    public func session(cookie: String) async throws -> (PortalSession, Account)? {
        guard let session = try await store.session(hash: Secret.hash(cookie), now: clock()),
            let account = try await store.account(id: session.account), account.activated
        else { return nil }
        return (session, account)
    }

    /// Ends a session.
    public func logOut(cookie: String) async throws {
        try await store.deleteSession(hash: Secret.hash(cookie))
    }

    /// Mails a password reset link if the address has an account; answers the same either way.
    public func requestPasswordReset(email: String, links: Links) async throws {
        guard let email = try? Self.normalizedEmail(email), let account = try await store.account(email: email) else { return }
        let token = try await issueToken(.passwordReset, email: email, account: account.id, lifetime: Self.resetLifetime)
        try await mailer.send(
            Message(
                to: email,
                subject: "Lectern Developer Network: reset your password",
                body:
                    "Choose a new password by opening this link within an hour:\n\n\(links.url("/portal/password/reset?token=\(token)"))\n\nIf you did not ask for this, ignore this message.\n"
            )
        )
    }

    /// Sets a new password with a reset link (once); every session of the account ends, and a
    /// reset proves the address, so it also activates.
    public func resetPassword(token: String, password: String) async throws {
        let offered = try await store.token(hash: Secret.hash(token), purpose: .passwordReset, now: clock())
        try PortalPasswords.check(password, email: offered?.email ?? "")
        guard let used = try await store.consumeToken(hash: Secret.hash(token), purpose: .passwordReset, now: clock()), let id = used.account else {
            throw PortalError("This reset link is invalid, used or expired.")
        }
        try await store.setPassword(id, hash: passwords.hash(password))
        try await store.activateAccount(id)
    }

    /// Stores a new single-use token and returns it (the only copy).
    func issueToken(
        _ purpose: TokenPurpose,
        email: String,
        account: Int64? = nil,
        institution: String? = nil,
        role: OrganizationRole? = nil,
        lifetime: TimeInterval
    ) async throws -> String {
        let token = Secret.generate()
        try await store.createToken(
            PortalToken(
                hash: Secret.hash(token),
                purpose: purpose,
                email: email,
                account: account,
                institution: institution,
                role: role,
                expires: clock() + lifetime
            )
        )
        return token
    }

    /// A trimmed, lower-cased address that looks like one.
    static func normalizedEmail(_ text: String) throws(PortalError) -> String {
        let email = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !email.contains(where: \.isWhitespace) else {
            throw PortalError("Please give a valid e-mail address.")
        }
        return email
    }
}

/// A session just opened: the cookie value (the only copy) and what it stands for.
public struct OpenedSession: Sendable {
    /// The cookie's value.
    public var cookie: String
    /// The stored session.
    public var session: PortalSession
    /// The account.
    public var account: Account
}

/// Makes the absolute URLs that e-mails carry, from the address the browser used.
public struct Links: Sendable {
    /// `http://host:port`.
    public var base: String

    /// Creates the builder.
    public init(base: String) {
        self.base = base
    }

    /// The absolute URL of `path`.
    public func url(_ path: String) -> String { base + path }
}

extension Portal {
    /// `&next=…` for a portal path, percent-encoded; nothing for any other value.
    static func nextParameter(_ next: String?) -> String {
        guard let next, next.hasPrefix("/portal/"), !next.hasPrefix("//"),
            let encoded = next.addingPercentEncoding(withAllowedCharacters: .alphanumerics)
        else { return "" }
        return "&next=" + encoded
    }
}
