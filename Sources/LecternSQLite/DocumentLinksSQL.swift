import GRDB
import LecternStore

/// The links of documents (``LecternStore/Document/links``): one row per link, so that a query
/// selects the documents linked to one object through an index, whatever the kind's size.
enum DocumentLinksSQL {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v18 document links") { db in
            try db.execute(
                sql: """
                    CREATE TABLE document_links (
                        tenant TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        name TEXT NOT NULL,
                        value TEXT NOT NULL,
                        id TEXT NOT NULL,
                        PRIMARY KEY (tenant, kind, name, value, id)
                    ) WITHOUT ROWID;
                    CREATE INDEX document_links_owner ON document_links (tenant, kind, id);
                    """
            )
        }
    }

    static func insert(_ db: Database, _ tenant: String, _ document: Document) throws {
        guard !document.links.isEmpty else { return }
        let statement = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO document_links (tenant, kind, name, value, id) VALUES (?, ?, ?, ?, ?)"
        )
        for link in document.links {
            try statement.execute(arguments: [tenant, document.kind.rawValue, link.name, link.value, document.id])
        }
    }

    static func remove(_ db: Database, _ tenant: String, _ kind: Kind, id: String) throws {
        try db.cachedStatement(sql: "DELETE FROM document_links WHERE tenant = ? AND kind = ? AND id = ?")
            .execute(arguments: [tenant, kind.rawValue, id])
    }

    /// The filter selecting documents with the link `name` = `value`, and its arguments.
    static func filter(name: String, value: String, tenant: String, kind: Kind) -> (String, StatementArguments) {
        (
            " AND id IN (SELECT id FROM document_links WHERE tenant = ? AND kind = ? AND name = ? AND value = ?)",
            [tenant, kind.rawValue, name, value]
        )
    }
}
