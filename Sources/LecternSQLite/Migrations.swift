import GRDB

/// The schema, as migrations. A shipped migration never changes; plain SQL only, but for
/// Lectern's own SQL functions whose meaning never changes (`lectern_length`).
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 documents") { db in
            try db.execute(
                sql: """
                    CREATE TABLE documents (
                        tenant TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        id TEXT NOT NULL,
                        parent TEXT,
                        revision INTEGER NOT NULL,
                        body TEXT NOT NULL,
                        fields TEXT NOT NULL DEFAULT '{}',
                        PRIMARY KEY (tenant, kind, id)
                    ) WITHOUT ROWID;
                    CREATE INDEX documents_parent ON documents (tenant, kind, parent);
                    CREATE TABLE document_keys (
                        tenant TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        key_type TEXT NOT NULL,
                        key_value TEXT NOT NULL,
                        id TEXT NOT NULL,
                        PRIMARY KEY (tenant, kind, key_type, key_value),
                        FOREIGN KEY (tenant, kind, id) REFERENCES documents (tenant, kind, id) ON DELETE CASCADE
                    ) WITHOUT ROWID;
                    CREATE INDEX document_keys_value ON document_keys (tenant, kind, key_value);
                    CREATE INDEX document_keys_owner ON document_keys (tenant, kind, id);
                    CREATE TABLE term_rows (
                        rowid INTEGER PRIMARY KEY,
                        tenant TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        id TEXT NOT NULL,
                        field TEXT NOT NULL
                    );
                    CREATE INDEX term_rows_owner ON term_rows (tenant, kind, id);
                    CREATE VIRTUAL TABLE document_terms USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
                    """
            )
        }
        migrator.registerMigration("v1 registry") { db in
            try db.execute(
                sql: """
                    CREATE TABLE institutions (
                        code TEXT PRIMARY KEY NOT NULL,
                        name TEXT NOT NULL,
                        region TEXT NOT NULL,
                        named_users INTEGER NOT NULL,
                        fte INTEGER NOT NULL,
                        academic_staff INTEGER NOT NULL
                    );
                    CREATE TABLE api_keys (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        hash TEXT NOT NULL UNIQUE,
                        prefix TEXT NOT NULL,
                        label TEXT NOT NULL,
                        institution TEXT NOT NULL REFERENCES institutions (code),
                        environment TEXT NOT NULL,
                        permissions TEXT NOT NULL,
                        allowed_networks TEXT NOT NULL DEFAULT '',
                        unthrottled INTEGER NOT NULL DEFAULT 0,
                        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                    );
                    CREATE TABLE daily_counts (
                        institution TEXT NOT NULL,
                        product TEXT NOT NULL,
                        day TEXT NOT NULL,
                        count INTEGER NOT NULL,
                        PRIMARY KEY (institution, product, day)
                    ) WITHOUT ROWID;
                    CREATE TABLE maintenance (
                        product TEXT PRIMARY KEY NOT NULL
                    );
                    """
            )
        }
        migrator.registerMigration("v2 revision sequence") { db in
            try db.execute(
                sql: """
                    CREATE TABLE revision_sequence (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
                    INSERT INTO revision_sequence (id, value) VALUES (1, (SELECT COALESCE(MAX(revision), 0) FROM documents));
                    """
            )
        }
        migrator.registerMigration("v3 counters") { db in
            try db.execute(
                sql: """
                    CREATE TABLE counters (
                        tenant TEXT NOT NULL, name TEXT NOT NULL, value INTEGER NOT NULL, PRIMARY KEY (tenant, name)
                    ) WITHOUT ROWID;
                    """
            )
        }
        DiscoverySQL.register(&migrator)
        // A document's body is one to several kilobytes: SQLite advises WITHOUT ROWID only for
        // rows under about a twentieth of a page, and bulk imports spent their time rebalancing
        // (and the file was twice as large). Same columns and uniqueness, with a rowid. The
        // parent index ends with the id, so that a bib's holdings come in id order from it:
        // without, SQLite read every holding of the tenant to avoid sorting a few.
        migrator.registerMigration("v5 documents with rowid") { db in
            try db.execute(
                sql: """
                    CREATE TABLE documents_with_rowid (
                        tenant TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        id TEXT NOT NULL,
                        parent TEXT,
                        revision INTEGER NOT NULL,
                        body TEXT NOT NULL,
                        fields TEXT NOT NULL DEFAULT '{}',
                        UNIQUE (tenant, kind, id)
                    );
                    INSERT INTO documents_with_rowid (tenant, kind, id, parent, revision, body, fields)
                        SELECT tenant, kind, id, parent, revision, body, fields FROM documents;
                    DROP TABLE documents;
                    ALTER TABLE documents_with_rowid RENAME TO documents;
                    CREATE INDEX documents_parent ON documents (tenant, kind, parent, id);
                    """
            )
        }
        KeyLifecycleSQL.register(&migrator)
        UsageSQL.register(&migrator)
        RequestLogSQL.register(&migrator)
        PortalSQL.register(&migrator)
        DiscoverySQL.registerFacetIDs(&migrator)
        DiscoverySQL.registerFacetsPerRow(&migrator)
        DiscoverySQL.registerWholeValuesInAny(&migrator)
        DiscoverySQL.registerNarrowRows(&migrator)
        DiscoverySQL.registerDisplays(&migrator)
        DiscoveryExact.register(&migrator)
        DocumentLinksSQL.register(&migrator)
        SandboxClockSQL.register(&migrator)
        return migrator
    }
}
