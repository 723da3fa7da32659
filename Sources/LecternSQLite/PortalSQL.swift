import GRDB

/// The developer portal's tables.
enum PortalSQL {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9 portal") { db in
            try db.execute(
                sql: """
                    CREATE TABLE portal_accounts (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        email TEXT NOT NULL UNIQUE,
                        name TEXT NOT NULL,
                        password_hash TEXT NOT NULL,
                        activated INTEGER NOT NULL DEFAULT 0,
                        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                    );
                    CREATE TABLE portal_tokens (
                        hash TEXT PRIMARY KEY NOT NULL,
                        purpose TEXT NOT NULL,
                        email TEXT NOT NULL,
                        account INTEGER REFERENCES portal_accounts (id) ON DELETE CASCADE,
                        institution TEXT,
                        role TEXT,
                        expires REAL NOT NULL,
                        used INTEGER NOT NULL DEFAULT 0
                    ) WITHOUT ROWID;
                    CREATE TABLE portal_sessions (
                        hash TEXT PRIMARY KEY NOT NULL,
                        account INTEGER NOT NULL REFERENCES portal_accounts (id) ON DELETE CASCADE,
                        csrf TEXT NOT NULL,
                        expires REAL NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX portal_sessions_account ON portal_sessions (account);
                    CREATE TABLE portal_memberships (
                        account INTEGER NOT NULL REFERENCES portal_accounts (id) ON DELETE CASCADE,
                        institution TEXT NOT NULL REFERENCES institutions (code),
                        role TEXT NOT NULL,
                        PRIMARY KEY (account, institution)
                    ) WITHOUT ROWID;
                    CREATE INDEX portal_memberships_institution ON portal_memberships (institution);
                    CREATE TABLE portal_applications (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        owner INTEGER NOT NULL REFERENCES portal_accounts (id),
                        institution TEXT NOT NULL REFERENCES institutions (code),
                        environment TEXT NOT NULL,
                        name TEXT NOT NULL,
                        platform TEXT NOT NULL,
                        summary TEXT NOT NULL,
                        created REAL NOT NULL
                    );
                    CREATE INDEX portal_applications_owner ON portal_applications (owner);
                    CREATE INDEX portal_applications_institution ON portal_applications (institution);
                    """
            )
        }
        migrator.registerMigration("v17 portal log-in failures") { db in
            try db.execute(
                sql: """
                    CREATE TABLE portal_login_failures (
                        pair TEXT PRIMARY KEY NOT NULL,
                        failures INTEGER NOT NULL,
                        last_failure REAL NOT NULL
                    ) WITHOUT ROWID;
                    """
            )
        }
    }
}
