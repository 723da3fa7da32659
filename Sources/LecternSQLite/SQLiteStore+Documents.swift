import Foundation
import GRDB
import LecternCore
import LecternRepresentation
import LecternStore

/// Reads through the reader pool: each call sees the latest committed data.
///
/// A document found by id or key is kept in the store's ``DocumentCache``, and a document in the
/// cache is answered from it: the cache is emptied by every write to the documents, so it only
/// ever holds the latest committed version.
struct Reader: StoreReader {
    let pool: DatabasePool
    let tenant: String
    let cache: DocumentCache

    func document(_ kind: Kind, id: String) async throws -> Document? {
        if let document = cache.document(tenant, kind, id: id) { return document }
        let generation = cache.generation
        let document = try await pool.read { try DocumentSQL.document($0, tenant, kind, id: id) }
        if let document { cache.keep(document, tenant, read: generation) }
        return document
    }

    func document(_ kind: Kind, key value: String, type: String?) async throws -> Document? {
        let generation = cache.generation
        let document = try await pool.read { try DocumentSQL.document($0, tenant, kind, key: value, type: type) }
        if let document { cache.keep(document, tenant, read: generation) }
        return document
    }

    func find(_ query: DocumentQuery) async throws -> Page<Document> {
        try await pool.read { try DocumentSQL.find($0, tenant, query) }
    }

    func count(_ kind: Kind) async throws -> Int {
        try await pool.read { try DocumentSQL.count($0, tenant, kind) }
    }
}

/// Reads and writes through the writer connection, inside the open transaction.
struct Writer: StoreWriter {
    let pool: DatabasePool
    let tenant: String

    func document(_ kind: Kind, id: String) async throws -> Document? {
        try await pool.writeWithoutTransaction { try DocumentSQL.document($0, tenant, kind, id: id) }
    }

    func document(_ kind: Kind, key value: String, type: String?) async throws -> Document? {
        try await pool.writeWithoutTransaction { try DocumentSQL.document($0, tenant, kind, key: value, type: type) }
    }

    func find(_ query: DocumentQuery) async throws -> Page<Document> {
        try await pool.writeWithoutTransaction { try DocumentSQL.find($0, tenant, query) }
    }

    func count(_ kind: Kind) async throws -> Int {
        try await pool.writeWithoutTransaction { try DocumentSQL.count($0, tenant, kind) }
    }

    func put(_ document: Document) async throws {
        try await pool.writeWithoutTransaction { try DocumentSQL.put($0, tenant, document) }
    }

    func put(_ documents: [Document]) async throws {
        try await pool.writeWithoutTransaction { db in
            for document in documents { try DocumentSQL.put(db, tenant, document) }
        }
    }

    func reserveNumbers(_ name: String, count: Int) async throws -> Int64 {
        try await pool.writeWithoutTransaction { try DocumentSQL.reserveNumbers($0, tenant, name, count: count) }
    }

    func delete(_ kind: Kind, id: String) async throws {
        try await pool.writeWithoutTransaction { try DocumentSQL.delete($0, tenant, kind, id: id) }
    }
}

/// The SQL of the document tables, shared by ``Reader`` and ``Writer``.
enum DocumentSQL {
    static func document(_ db: Database, _ tenant: String, _ kind: Kind, id: String) throws -> Document? {
        let statement = try db.cachedStatement(
            sql: "SELECT id, parent, revision, body, fields FROM documents WHERE tenant = ? AND kind = ? AND id = ?"
        )
        let row = try Row.fetchOne(statement, arguments: [tenant, kind.rawValue, id])
        return try row.map { try decode($0, kind) }
    }

    static func document(_ db: Database, _ tenant: String, _ kind: Kind, key value: String, type: String?) throws -> Document? {
        var sql = "SELECT id FROM document_keys WHERE tenant = ? AND kind = ? AND key_value = ?"
        var arguments: StatementArguments = [tenant, kind.rawValue, value]
        if let type {
            sql += " AND key_type = ?"
            arguments += [type]
        }
        guard let id = try String.fetchOne(db, sql: sql + " LIMIT 1", arguments: arguments) else { return nil }
        return try document(db, tenant, kind, id: id)
    }

    static func count(_ db: Database, _ tenant: String, _ kind: Kind) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents WHERE tenant = ? AND kind = ?", arguments: [tenant, kind.rawValue]) ?? 0
    }

    static func find(_ db: Database, _ tenant: String, _ query: DocumentQuery) throws -> Page<Document> {
        var filter = "tenant = ? AND kind = ?"
        var arguments: StatementArguments = [tenant, query.kind.rawValue]
        if let parent = query.parent {
            filter += " AND parent = ?"
            arguments += [parent]
        }
        for (field, value) in query.equals.sorted(by: { $0.key < $1.key }) {
            filter += " AND json_extract(fields, ?) = ?"
            arguments += [jsonPath(field), value]
        }
        for (field, value) in query.atLeast.sorted(by: { $0.key < $1.key }) {
            filter += " AND json_extract(fields, ?) >= ?"
            arguments += [jsonPath(field), value]
        }
        if let search = query.search {
            let (sql, searchArguments) = subquery(search, tenant: tenant, kind: query.kind)
            filter += " AND id IN (\(sql))"
            arguments += searchArguments
        }
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents WHERE \(filter)", arguments: arguments) ?? 0
        var order = ""
        var orderArguments: StatementArguments = []
        for key in query.order {
            order += "json_extract(fields, ?) COLLATE NOCASE \(key.descending ? "DESC" : "ASC"), "
            orderArguments += [jsonPath(key.field)]
        }
        var sql = "SELECT id, parent, revision, body, fields FROM documents WHERE \(filter) ORDER BY \(order)id"
        arguments += orderArguments
        if let limit = query.limit {
            sql += " LIMIT ? OFFSET ?"
            arguments += [limit, query.offset]
        } else if query.offset > 0 {
            sql += " LIMIT -1 OFFSET ?"
            arguments += [query.offset]
        }
        let items = try Row.fetchAll(db, sql: sql, arguments: arguments).map { try decode($0, query.kind) }
        return Page(items: items, total: total)
    }

    static func put(_ db: Database, _ tenant: String, _ document: Document) throws {
        for key in document.keys {
            let owner = try String.fetchOne(
                db,
                sql: "SELECT id FROM document_keys WHERE tenant = ? AND kind = ? AND key_type = ? AND key_value = ?",
                arguments: [tenant, document.kind.rawValue, key.type, key.value]
            )
            if let owner, owner != document.id { throw StoreError.duplicateKey(type: key.type, value: key.value) }
        }
        let revision = try Int64.fetchOne(db, sql: "UPDATE revision_sequence SET value = value + 1 WHERE id = 1 RETURNING value") ?? 0
        try removeIndexes(db, tenant, document.kind, id: document.id)
        let fields = try JSONSerialization.data(withJSONObject: document.fields, options: [.sortedKeys])
        try db.execute(
            sql: """
                INSERT INTO documents (tenant, kind, id, parent, revision, body, fields) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant, kind, id) DO UPDATE SET
                    parent = excluded.parent, revision = excluded.revision, body = excluded.body, fields = excluded.fields
                """,
            arguments: [
                tenant, document.kind.rawValue, document.id, document.parent, revision,
                String(decoding: XMLCodec.render(document.body, declaration: false), as: UTF8.self),
                String(decoding: fields, as: UTF8.self),
            ]
        )
        for key in Set(document.keys) {
            try db.execute(
                sql: "INSERT INTO document_keys (tenant, kind, key_type, key_value, id) VALUES (?, ?, ?, ?, ?)",
                arguments: [tenant, document.kind.rawValue, key.type, key.value, document.id]
            )
        }
        for (field, text) in document.terms where !text.isEmpty {
            try db.execute(
                sql: "INSERT INTO term_rows (tenant, kind, id, field) VALUES (?, ?, ?, ?)",
                arguments: [tenant, document.kind.rawValue, document.id, field]
            )
            try db.execute(sql: "INSERT INTO document_terms (rowid, text) VALUES (?, ?)", arguments: [db.lastInsertedRowID, text])
        }
    }

    static func reserveNumbers(_ db: Database, _ tenant: String, _ name: String, count: Int) throws -> Int64 {
        let last =
            try Int64.fetchOne(
                db,
                sql: """
                    INSERT INTO counters (tenant, name, value) VALUES (?, ?, ?)
                    ON CONFLICT (tenant, name) DO UPDATE SET value = value + excluded.value RETURNING value
                    """,
                arguments: [tenant, name, count]
            ) ?? Int64(count)
        return last - Int64(count) + 1
    }

    static func delete(_ db: Database, _ tenant: String, _ kind: Kind, id: String) throws {
        try removeIndexes(db, tenant, kind, id: id)
        try db.execute(sql: "DELETE FROM documents WHERE tenant = ? AND kind = ? AND id = ?", arguments: [tenant, kind.rawValue, id])
    }

    private static func removeIndexes(_ db: Database, _ tenant: String, _ kind: Kind, id: String) throws {
        let owner: StatementArguments = [tenant, kind.rawValue, id]
        try db.execute(sql: "DELETE FROM document_keys WHERE tenant = ? AND kind = ? AND id = ?", arguments: owner)
        try db.execute(
            sql: "DELETE FROM document_terms WHERE rowid IN (SELECT rowid FROM term_rows WHERE tenant = ? AND kind = ? AND id = ?)",
            arguments: owner
        )
        try db.execute(sql: "DELETE FROM term_rows WHERE tenant = ? AND kind = ? AND id = ?", arguments: owner)
    }

    /// The SQL selecting the ids that match `expression`, with its arguments.
    private static func subquery(_ expression: SearchExpression, tenant: String, kind: Kind) -> (String, StatementArguments) {
        switch expression {
        case .words(let field, let words):
            var sql = """
                SELECT r.id FROM document_terms t JOIN term_rows r ON r.rowid = t.rowid
                WHERE document_terms MATCH ? AND r.tenant = ? AND r.kind = ?
                """
            var arguments: StatementArguments = [matchExpression(words), tenant, kind.rawValue]
            if let field {
                sql += " AND r.field = ?"
                arguments += [field]
            }
            return (sql, arguments)
        case .and(let operands), .or(let operands):
            let joiner = if case .and = expression { " INTERSECT " } else { " UNION " }
            var parts: [String] = []
            var arguments: StatementArguments = []
            for operand in operands {
                let (sql, operandArguments) = subquery(operand, tenant: tenant, kind: kind)
                parts.append("SELECT id FROM (\(sql))")
                arguments += operandArguments
            }
            return (parts.joined(separator: joiner), arguments)
        }
    }

    /// An FTS5 query where every word is a quoted string (so no word is read as FTS5 syntax),
    /// and a word ending in `*` is a prefix.
    static func matchExpression(_ words: [String]) -> String {
        let quoted = words.compactMap { word -> String? in
            let isPrefix = word.hasSuffix("*")
            let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: "*"))
            guard !bare.isEmpty else { return nil }
            return "\"\(bare.replacingOccurrences(of: "\"", with: "\"\""))\"" + (isPrefix ? "*" : "")
        }
        return quoted.isEmpty ? "\"\"" : quoted.joined(separator: " AND ")
    }

    private static func jsonPath(_ field: String) -> String {
        "$.\"\(field.replacingOccurrences(of: "\"", with: ""))\""
    }

    private static func decode(_ row: Row, _ kind: Kind) throws -> Document {
        let text: String = row["body"]
        let body = try XMLCodec.parse(Array(text.utf8))
        let fieldsText: String = row["fields"]
        let fields = (try? JSONSerialization.jsonObject(with: Data(fieldsText.utf8))) as? [String: String] ?? [:]
        return Document(kind: kind, id: row["id"], parent: row["parent"], body: body, fields: fields, revision: row["revision"])
    }
}
