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
    let frequencies: DocumentFrequencies

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

    /// Documents the cache holds at the revision read are not decoded again; the ones decoded
    /// are kept.
    func find(_ query: DocumentQuery) async throws -> Page<Document> {
        try await find([query])[0]
    }

    func find(_ queries: [DocumentQuery]) async throws -> [Page<Document>] {
        let generation = cache.generation
        let (tenant, cache) = (tenant, cache)
        let pages = try await pool.read { db in
            try queries.map { query in
                try DocumentSQL.find(db, tenant, query) { id, revision in
                    cache.document(tenant, query.kind, id: id).flatMap { $0.revision == revision ? $0 : nil }
                }
            }
        }
        for page in pages {
            for document in page.items { cache.keep(document, tenant, read: generation) }
        }
        return pages
    }

    func count(_ kind: Kind) async throws -> Int {
        try await pool.read { try DocumentSQL.count($0, tenant, kind) }
    }
}

/// Reads and writes through the writer connection, inside the open transaction.
struct Writer: StoreWriter {
    let pool: DatabasePool
    let tenant: String
    let frequencies: DocumentFrequencies

    func document(_ kind: Kind, id: String) async throws -> Document? {
        try await pool.writeWithoutTransaction { try DocumentSQL.document($0, tenant, kind, id: id) }
    }

    func document(_ kind: Kind, key value: String, type: String?) async throws -> Document? {
        try await pool.writeWithoutTransaction { try DocumentSQL.document($0, tenant, kind, key: value, type: type) }
    }

    func find(_ query: DocumentQuery) async throws -> Page<Document> {
        try await pool.writeWithoutTransaction { try DocumentSQL.find($0, tenant, query) }
    }

    func find(_ queries: [DocumentQuery]) async throws -> [Page<Document>] {
        try await pool.writeWithoutTransaction { db in try queries.map { try DocumentSQL.find(db, tenant, $0) } }
    }

    func count(_ kind: Kind) async throws -> Int {
        try await pool.writeWithoutTransaction { try DocumentSQL.count($0, tenant, kind) }
    }

    func put(_ document: Document) async throws {
        try await pool.writeWithoutTransaction { try DocumentSQL.put($0, tenant, document) }
    }

    func put(_ documents: [Document]) async throws {
        try await pool.writeWithoutTransaction { try DocumentSQL.put($0, tenant, documents) }
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
        let statement: Statement
        let arguments: StatementArguments
        if let type {
            statement = try db.cachedStatement(
                sql: "SELECT id FROM document_keys WHERE tenant = ? AND kind = ? AND key_type = ? AND key_value = ? LIMIT 1"
            )
            arguments = [tenant, kind.rawValue, type, value]
        } else {
            statement = try db.cachedStatement(sql: "SELECT id FROM document_keys WHERE tenant = ? AND kind = ? AND key_value = ? LIMIT 1")
            arguments = [tenant, kind.rawValue, value]
        }
        guard let id = try String.fetchOne(statement, arguments: arguments) else { return nil }
        return try document(db, tenant, kind, id: id)
    }

    static func count(_ db: Database, _ tenant: String, _ kind: Kind) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM documents WHERE tenant = ? AND kind = ?"), arguments: [tenant, kind.rawValue])
            ?? 0
    }

    /// The documents `query` selects; `known` answers an already decoded document by id and
    /// revision, so that its body is not parsed again.
    static func find(
        _ db: Database,
        _ tenant: String,
        _ query: DocumentQuery,
        known: (_ id: String, _ revision: Int64) -> Document? = { _, _ in nil }
    ) throws -> Page<Document> {
        let statement = select(query, tenant: tenant)
        // Without a page, the total is the number of documents read: no COUNT.
        let isPaged = query.limit != nil || query.offset > 0
        let total =
            isPaged
            ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents WHERE \(statement.filter)", arguments: statement.filterArguments) ?? 0
            : 0
        var items: [Document?] = []
        var unknown: [(index: Int, row: StoredRow)] = []
        for row in try Row.fetchAll(db, sql: statement.sql, arguments: statement.arguments) {
            let document = known(row["id"], row["revision"])
            if document == nil { unknown.append((items.count, StoredRow(row))) }
            items.append(document)
        }
        // Parsing XML is most of a large read's time: many bodies are parsed on every core.
        let kind = query.kind
        let decoded =
            try unknown.count >= parallelDecoding ? unknown.parallelMap { try $0.row.decode(kind) } : unknown.map { try $0.row.decode(kind) }
        for (slot, document) in zip(unknown, decoded) { items[slot.index] = document }
        let documents = items.compactMap { $0 }
        return Page(items: documents, total: isPaged ? total : documents.count)
    }

    /// From how many bodies to parse a read parses them on several threads.
    static let parallelDecoding = 64

    /// A stored document's columns, read off the statement so that it can be decoded on any thread.
    struct StoredRow: Sendable {
        var id: String
        var parent: String?
        var revision: Int64
        var body: String
        var fields: String

        init(_ row: Row) {
            id = row["id"]
            parent = row["parent"]
            revision = row["revision"]
            body = row["body"]
            fields = row["fields"]
        }

        func decode(_ kind: Kind) throws -> Document {
            let body = try XMLCodec.parse(Array(self.body.utf8))
            let fields = (try? JSONSerialization.jsonObject(with: Data(self.fields.utf8))) as? [String: String] ?? [:]
            return Document(kind: kind, id: id, parent: parent, body: body, fields: fields, revision: revision)
        }
    }

    /// The statement that reads `query`'s page, and its filter alone (for the count).
    static func select(
        _ query: DocumentQuery,
        tenant: String
    ) -> (sql: String, arguments: StatementArguments, filter: String, filterArguments: StatementArguments) {
        // The kind and the fields' paths are literals, so that a ``SortIndex`` can serve the query.
        var filter = "tenant = ? AND kind = \(SortIndexSQL.literal(query.kind.rawValue))"
        var arguments: StatementArguments = [tenant]
        if !query.ids.isEmpty {
            filter += " AND id IN (\(databaseQuestionMarks(count: query.ids.count)))"
            arguments += StatementArguments(query.ids)
        }
        if let after = query.after {
            filter += " AND id > ?"
            arguments += [after]
        }
        if let parent = query.parent {
            filter += " AND parent = ?"
            arguments += [parent]
        }
        if !query.parents.isEmpty {
            filter += " AND parent IN (\(databaseQuestionMarks(count: query.parents.count)))"
            arguments += StatementArguments(query.parents)
        }
        for (field, value) in query.equals.sorted(by: { $0.key < $1.key }) {
            filter += " AND \(SortIndexSQL.field(field)) = ?"
            arguments += [value]
        }
        for (bound, comparison) in [(query.atLeast, ">="), (query.atMost, "<=")] {
            for (field, value) in bound.sorted(by: { $0.key < $1.key }) {
                filter += " AND \(SortIndexSQL.field(field)) \(comparison) ?"
                arguments += [value]
            }
        }
        for (name, value) in query.linked.sorted(by: { $0.key < $1.key }) {
            let (sql, linkArguments) = DocumentLinksSQL.filter(name: name, value: value, tenant: tenant, kind: query.kind)
            filter += sql
            arguments += linkArguments
        }
        if let search = query.search {
            let (sql, searchArguments) = subquery(search, tenant: tenant, kind: query.kind)
            filter += " AND id IN (\(sql))"
            arguments += searchArguments
        }
        // A query narrowed by ids, parents, links or a search sorts the few documents it selects:
        // its sort keys are written so that no sort index matches them, or SQLite would walk a
        // whole kind in index order to find them.
        let selective = !query.ids.isEmpty || query.parent != nil || !query.parents.isEmpty || !query.linked.isEmpty || query.search != nil
        var order = ""
        var orderArguments: StatementArguments = []
        for key in query.order {
            if selective {
                order += "json_extract(fields, ?) COLLATE NOCASE \(key.descending ? "DESC" : "ASC"), "
                orderArguments += [SortIndexSQL.path(key.field)]
            } else {
                order += "\(SortIndexSQL.field(key.field)) COLLATE NOCASE \(key.descending ? "DESC" : "ASC"), "
            }
        }
        // The children of several parents come by parent, as the parent index has them: ordered
        // by id alone, SQLite would walk every document of the kind in id order instead. The id
        // runs the way the sort keys do when they all run down, so an index read backwards serves.
        let descending = !query.order.isEmpty && query.order.allSatisfy(\.descending)
        let tieBreak = query.parents.isEmpty ? (descending ? "id DESC" : "id") : "parent, id"
        var sql = "SELECT id, parent, revision, body, fields FROM documents WHERE \(filter) ORDER BY \(order)\(tieBreak)"
        var pageArguments = arguments + orderArguments
        if let limit = query.limit {
            sql += " LIMIT ? OFFSET ?"
            pageArguments += [limit, query.offset]
        } else if query.offset > 0 {
            sql += " LIMIT -1 OFFSET ?"
            pageArguments += [query.offset]
        }
        return (sql, pageArguments, filter, arguments)
    }

    static func put(_ db: Database, _ tenant: String, _ document: Document) throws {
        try put(db, tenant, [RenderedDocument(document)], checkKeys: true)
    }

    static func put(_ db: Database, _ tenant: String, _ documents: [Document]) throws {
        try put(db, tenant, documents.map(RenderedDocument.init), checkKeys: true)
    }

    /// Writes `documents` in order; each takes the next revision. Statements are prepared once
    /// per connection (`cachedStatement`), and a document that did not exist has no index rows
    /// to remove.
    ///
    /// - parameter checkKeys: whether to look up who has each key first, and throw
    ///   ``StoreError/duplicateKey(type:value:)`` before writing the document; without, a key
    ///   another document has fails its insert (the caller checked, see ``BulkWriter``).
    static func put(_ db: Database, _ tenant: String, _ documents: [RenderedDocument], checkKeys: Bool) throws {
        guard !documents.isEmpty else { return }
        let keyOwner = try db.cachedStatement(
            sql: "SELECT id FROM document_keys WHERE tenant = ? AND kind = ? AND key_type = ? AND key_value = ?"
        )
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO documents (tenant, kind, id, parent, revision, body, fields) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant, kind, id) DO NOTHING
                """
        )
        let update = try db.cachedStatement(
            sql: "UPDATE documents SET parent = ?, revision = ?, body = ?, fields = ? WHERE tenant = ? AND kind = ? AND id = ?"
        )
        let insertKey = try db.cachedStatement(
            sql: "INSERT INTO document_keys (tenant, kind, key_type, key_value, id) VALUES (?, ?, ?, ?, ?)"
        )
        // One step of the sequence per document, as one write each would take, but the numbers
        // for a whole batch in one statement.
        let sequence = try db.cachedStatement(sql: "UPDATE revision_sequence SET value = value + ? WHERE id = 1 RETURNING value")
        var revision = (try Int64.fetchOne(sequence, arguments: [documents.count]) ?? Int64(documents.count)) - Int64(documents.count)
        for rendered in documents {
            let document = rendered.document
            let kind = document.kind.rawValue
            if checkKeys {
                for key in document.keys {
                    let owner = try String.fetchOne(keyOwner, arguments: [tenant, kind, key.type, key.value])
                    if let owner, owner != document.id { throw StoreError.duplicateKey(type: key.type, value: key.value) }
                }
            }
            revision += 1
            let fields = jsonObject(document.fields)
            try insert.execute(arguments: [tenant, kind, document.id, document.parent, revision, rendered.body, fields])
            if db.changesCount == 0 {
                try removeIndexes(db, tenant, document.kind, id: document.id)
                try update.execute(arguments: [document.parent, revision, rendered.body, fields, tenant, kind, document.id])
            }
            for key in document.keys.count > 1 ? Array(Set(document.keys)) : document.keys {
                try insertKey.execute(arguments: [tenant, kind, key.type, key.value, document.id])
            }
            try DocumentLinksSQL.insert(db, tenant, document)
            for (field, text) in document.terms where !text.isEmpty {
                try db.cachedStatement(sql: "INSERT INTO term_rows (tenant, kind, id, field) VALUES (?, ?, ?, ?)")
                    .execute(arguments: [tenant, kind, document.id, field])
                try db.cachedStatement(sql: "INSERT INTO document_terms (rowid, text) VALUES (?, ?)")
                    .execute(arguments: [db.lastInsertedRowID, text])
            }
        }
    }

    /// `fields` as a JSON object with sorted keys (what `json_extract` reads), without Foundation's encoder.
    static func jsonObject(_ fields: [String: String]) -> String {
        guard !fields.isEmpty else { return "{}" }
        var out = "{"
        for (index, (name, value)) in fields.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { out += "," }
            jsonString(name, into: &out)
            out += ":"
            jsonString(value, into: &out)
        }
        return out + "}"
    }

    static func jsonString(_ text: String, into out: inout String) {
        out += "\""
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += text
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        out += "\""
    }

    static func reserveNumbers(_ db: Database, _ tenant: String, _ name: String, count: Int) throws -> Int64 {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO counters (tenant, name, value) VALUES (?, ?, ?)
                ON CONFLICT (tenant, name) DO UPDATE SET value = value + excluded.value RETURNING value
                """
        )
        let last = try Int64.fetchOne(statement, arguments: [tenant, name, count]) ?? Int64(count)
        return last - Int64(count) + 1
    }

    static func delete(_ db: Database, _ tenant: String, _ kind: Kind, id: String) throws {
        try DiscoverySQL.remove(db, tenant, [(kind, id)])
        try removeIndexes(db, tenant, kind, id: id)
        try db.execute(sql: "DELETE FROM documents WHERE tenant = ? AND kind = ? AND id = ?", arguments: [tenant, kind.rawValue, id])
    }

    private static func removeIndexes(_ db: Database, _ tenant: String, _ kind: Kind, id: String) throws {
        let owner: StatementArguments = [tenant, kind.rawValue, id]
        try db.cachedStatement(sql: "DELETE FROM document_keys WHERE tenant = ? AND kind = ? AND id = ?").execute(arguments: owner)
        try DocumentLinksSQL.remove(db, tenant, kind, id: id)
        try db.cachedStatement(
            sql: "DELETE FROM document_terms WHERE rowid IN (SELECT rowid FROM term_rows WHERE tenant = ? AND kind = ? AND id = ?)"
        ).execute(arguments: owner)
        try db.cachedStatement(sql: "DELETE FROM term_rows WHERE tenant = ? AND kind = ? AND id = ?").execute(arguments: owner)
    }

    /// The SQL selecting the ids that match `expression`, with its arguments.
    static func subquery(_ expression: SearchExpression, tenant: String, kind: Kind) -> (String, StatementArguments) {
        switch expression {
        case .words(let field, let words):
            // CROSS JOIN keeps the full-text match as the outer loop: with a plain JOIN SQLite
            // walked every term row of the tenant's kind and probed the index for each (a prefix
            // search over 320 demo users took 0.58 s; this way, under a millisecond).
            var sql = """
                SELECT r.id FROM document_terms t CROSS JOIN term_rows r ON r.rowid = t.rowid
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

    static func decode(_ row: Row, _ kind: Kind) throws -> Document {
        try StoredRow(row).decode(kind)
    }
}
