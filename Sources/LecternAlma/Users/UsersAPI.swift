import Foundation
public import LecternCore
import LecternPeople
import LecternRepresentation
public import LecternStore

/// `/almaws/v1/users`: the Users area (users OpenAPI document); and, over the same people,
/// `/esploro/v1/researchers` (ESPLORO.md section 2): a researcher is a user with `is_researcher`.
public struct UsersAPI: Sendable {
    /// Which people a route table serves.
    public enum Population: Sendable {
        /// Every user, under `/almaws/v1/users`.
        case users
        /// The users who are researchers, under `/esploro/v1/researchers`.
        case researchers
    }

    let store: any Store
    let passwords: any PasswordHasher
    let population: Population

    /// Creates the API over `store`.
    public init(store: any Store, passwords: any PasswordHasher, population: Population = .users) {
        self.store = store
        self.passwords = passwords
        self.population = population
    }

    private var base: String {
        population == .users ? "/almaws/v1/users" : "/esploro/v1/researchers"
    }

    /// The route table.
    public var routes: [Route] {
        let test = population == .users ? "/operation/test" : "/test"
        let people = population == .users ? "users" : "researchers"
        let person = population == .users ? "user" : "researcher"
        let userID = RouteParameter("user_id", "Primary id, or any unique identifier of the \(person)")
        let userIDType = RouteParameter(
            "user_id_type",
            "Which identifier user_id is: primary_id, an identifier type, or all_unique for any",
            default: "all_unique"
        )
        var routes = [
            Route(.get, base, list).documented(
                "Retrieve \(people)",
                query: [
                    .limit(default: 10, maximum: 100), .offset,
                    .init("q", "Brief search: field~words terms joined by AND or OR (fields such as primary_id, last_name, email, ALL)"),
                    .init("order_by", "Sort key", default: "last_name", allowed: ["last_name", "first_name", "primary_id"]),
                    .init("direction", "Sort direction", default: "ASC", allowed: ["ASC", "DESC"]),
                    .init("source_user_id", "Only the \(person) linked from this source user id"),
                    .init("modify_date_from", "Only \(people) modified on or after this day (YYYY-MM-DD); not together with q"),
                    .init("expand", "full lists whole records instead of brief ones", default: "none", allowed: ["none", "full"]),
                    .format, .lang,
                ]
            ),
            Route(.post, base, create).documented("Create a \(person)", query: [.format, .lang], body: [.xml, .json]),
            Route(.get, base + test) { call in Call.testReply(call.method) }.documented("Test the API key (GET)", query: [.format, .lang]),
            Route(.post, base + test) { call in Call.testReply(call.method) }.documented("Test the API key (POST)", query: [.format, .lang]),
            Route(.get, base + "/{user_id}", get).documented(
                "Retrieve a \(person)",
                path: [userID],
                query: [
                    userIDType,
                    .init("view", "brief: the main fields, identifiers, statistics and emails only", default: "full", allowed: ["full", "brief"]),
                    .init("expand", "Comma-separated counts to add: loans, requests, fees"),
                    .format, .lang,
                ]
            ),
            Route(.put, base + "/{user_id}", update).documented(
                "Update a \(person) (swap all)",
                path: [userID],
                query: [
                    userIDType,
                    .init("override", "Comma-separated fields of an external user that the PUT may change (user_group, job_category, …)"),
                    .format, .lang,
                ],
                body: [.xml, .json]
            ),
            Route(.delete, base + "/{user_id}", delete).documented(
                population == .users ? "Delete a user" : "End a researcher role (the user stays)",
                path: [userID],
                query: [userIDType, .format, .lang],
                answer: .noContent
            ),
        ]
        if population == .users {
            routes.append(
                Route(.post, base + "/{user_id}", operation).documented(
                    "Authenticate a user",
                    path: [userID],
                    query: [
                        .init("op", "The operation", default: "auth", allowed: ["auth"]),
                        .init("password", "The password; the Exl-User-Pw header is read when it is absent"),
                        userIDType, .format, .lang,
                    ],
                    headers: [.init("Exl-User-Pw", "The password (URL-encoded)")],
                    answer: .noContent
                )
            )
        }
        return routes
    }

    // MARK: - GET /users

    @Sendable func list(_ call: Call) async throws -> Reply {
        let limit = try call.integer("limit", default: 10, in: 0...100)
        let offset = try call.integer("offset", default: 0, in: 0...Int(Int32.max))
        var query = DocumentQuery(kind: .user, limit: limit, offset: offset)
        if population == .researchers { query.equals["is_researcher"] = "true" }
        let q = call.query["q"].flatMap { $0.isEmpty ? nil : $0 }
        if let q {
            if call.query["modify_date_from"] != nil {
                throw APIError.invalidQuery("q and modify_date_from cannot be used together")
            }
            query.search = try BriefSearch.users.parse(q)
        }
        if let sourceID = call.query["source_user_id"] { query.equals["source_user_id"] = sourceID }
        let descending = call.query["direction"]?.uppercased() == "DESC"
        switch call.query["order_by"] ?? "" {
        case "", "last_name": query.order = ["last_name", "first_name", "primary_id"].map { .init($0, descending: descending) }
        case "first_name": query.order = ["first_name", "primary_id"].map { .init($0, descending: descending) }
        case "primary_id": query.order = [.init("primary_id", descending: descending)]
        case let other: throw APIError.invalidParameter("order_by", other)
        }
        if let from = call.query["modify_date_from"] {
            guard from.isDay else { throw APIError.invalidParameter("modify_date_from", from) }
            query.atLeast["modified"] = from
        }
        let finalQuery = query
        let page = try await store.read(in: call.tenant) { try await $0.find(finalQuery) }
        return usersReply(page.items, total: page.total, call: call)
    }

    private func usersReply(_ documents: [Document], total: Int, call: Call) -> Reply {
        let full = call.query["expand"] == "full"
        let users = documents.map { document -> Node in
            var user = full ? document.body : Self.brief(document.body)
            user.setAttribute("link", "\(call.baseURL)\(base)/\(Self.escape(document.id))")
            return user
        }
        return .object(Node("users", attributes: [.init("total_record_count", String(total))], children: users), AlmaShapes.users)
    }

    /// The user as listed: the fields of the recorded list (samples/alma/php-alma-client/users_response.json).
    private static func brief(_ user: Node) -> Node {
        let names = ["primary_id", "first_name", "last_name", "gender", "password", "status"]
        return Node("user", children: user.children.filter { names.contains($0.name) })
    }

    // MARK: - POST /users

    @Sendable func create(_ call: Call) async throws -> Reply {
        let user = admitted(try call.object("user", as: AlmaShapes.user))
        let password = user.value("password").flatMap { $0.isEmpty ? nil : $0 }
        let passwordHash = password.map(passwords.hash)
        let created = try await store.write(in: call.tenant) { tx in
            let codes = try await CodeTables.load(UserRules.codeTables.values, from: tx)
            let prepared = try UserRules.prepare(user, codes: codes)
            let id = prepared.value("primary_id") ?? ""
            let byID = try await tx.document(.user, id: id)
            let byKey = try await tx.document(.user, key: id, type: nil)
            if byID != nil || byKey != nil {
                throw APIError.userExists(id, type: "primary_id")
            }
            try await Self.put(prepared, passwordHash: passwordHash, into: tx)
            return prepared
        }
        return reply(created, call: call)
    }

    // MARK: - GET/PUT/DELETE /users/{user_id}

    @Sendable func get(_ call: Call) async throws -> Reply {
        let document = try await store.read(in: call.tenant) { try await find(call, in: $0) }
        if call.query["view"] == nil, call.query["expand"] == nil {
            // Stored users are normalized already: answer the stored form, rendered once per revision.
            return .stored(document.body, AlmaShapes.user, version: "\(call.tenant.key)/user/\(document.revision)")
        }
        var user = document.body
        if call.query["view"] == "brief" {
            let names: Set<String> = [
                "record_type", "primary_id", "first_name", "middle_name", "last_name", "full_name", "user_title", "job_category",
                "gender", "user_group", "campus_code", "preferred_language", "birth_date", "expiry_date", "purge_date",
                "account_type", "external_id", "password", "status", "contact_info", "user_identifiers", "user_statistics",
            ]
            user.children = user.children.filter { names.contains($0.name) }
            if let contact = user.children.firstIndex(where: { $0.name == "contact_info" }) {
                user.children[contact].children = user.children[contact].children.filter { $0.name == "emails" }
            }
        }
        if let expand = call.query["expand"] {
            let names = Set(expand.commaSeparatedValues)
            let link = "\(call.baseURL)\(base)/\(Self.escape(document.id))"
            for (name, value) in [("loans", "0"), ("requests", "0"), ("fees", "0.0")] where names.contains(name) {
                user.setChild(Node(name, attributes: [.init("link", "\(link)/\(name)")], text: value))
            }
        }
        return reply(AlmaShapes.user.normalized(user), call: call)
    }

    @Sendable func update(_ call: Call) async throws -> Reply {
        let incoming = admitted(try call.object("user", as: AlmaShapes.user))
        let override = Set((call.query["override"] ?? "").commaSeparatedValues)
        let password = incoming.value("password").flatMap { $0.isEmpty ? nil : $0 }
        let newHash = password.map(passwords.hash)
        let user = try await store.write(in: call.tenant) { tx in
            // Not `find`: a PUT to researchers is how a user becomes one (the CSV Researcher Loader).
            let stored = try await Self.find(call, in: tx)
            var merged = try UserRules.merge(incoming: incoming, stored: stored.body, override: override)
            if (merged.value("primary_id") ?? "").isEmpty { merged.setChild(Node("primary_id", text: stored.id)) }
            let codes = try await CodeTables.load(UserRules.codeTables.values, from: tx)
            let prepared = try UserRules.prepare(merged, codes: codes)
            let newID = prepared.value("primary_id") ?? stored.id
            if newID != stored.id {
                if try await tx.document(.user, id: newID) != nil { throw APIError.userExists(newID, type: "primary_id") }
                try await tx.delete(.user, id: stored.id)
            }
            try await Self.put(prepared, passwordHash: newHash ?? stored.fields["password_hash"], into: tx)
            return prepared
        }
        return reply(user, call: call)
    }

    /// Deleting a researcher ends the researcher role; the person stays an Alma user.
    @Sendable func delete(_ call: Call) async throws -> Reply {
        try await store.write(in: call.tenant) { tx in
            let document = try await find(call, in: tx)
            guard population == .researchers else { return try await tx.delete(.user, id: document.id) }
            var user = document.body
            user.setChild(Node("is_researcher", text: "false"))
            user.removeChildren(named: "researcher")
            try await Self.put(user, passwordHash: document.fields["password_hash"], into: tx)
        }
        return .noContent
    }

    // MARK: - POST /users/{user_id}?op=auth

    @Sendable func operation(_ call: Call) async throws -> Reply {
        let op = call.query["op"] ?? "auth"
        guard op == "auth" else { throw APIError.actionNotSupported(op) }
        let document = try await store.read(in: call.tenant) { try await find(call, in: $0) }
        let password = call.query["password"] ?? call.headers["exl-user-pw"].map { $0.removingPercentEncoding ?? $0 }
        guard let password, let hash = document.fields["password_hash"], passwords.verify(password, against: hash) else {
            throw APIError.authenticationFailed
        }
        return .noContent
    }

    // MARK: - Helpers

    /// `user` as this population takes it in: a researcher written through Esploro is one.
    private func admitted(_ user: Node) -> Node {
        guard population == .researchers else { return user }
        var user = user
        user.setChild(Node("is_researcher", text: "true"))
        return user
    }

    /// The user named by the path, who must be a researcher when this API serves researchers.
    private func find(_ call: Call, in reader: any StoreReader) async throws -> Document {
        let user = try await Self.find(call, in: reader)
        if population == .researchers, user.body.value("is_researcher") != "true" {
            throw APIError.userNotFound(call.path["user_id"] ?? "")
        }
        return user
    }

    /// The user named by the path's `user_id`, by `user_id_type` (default: every unique identifier).
    private static func find(_ call: Call, in reader: any StoreReader) async throws -> Document {
        let id = call.path["user_id"] ?? ""
        let type = call.query["user_id_type"].flatMap { $0.isEmpty || $0 == "all_unique" ? nil : $0 }
        switch type {
        case nil:
            if let user = try await reader.document(.user, id: id) { return user }
            if let user = try await reader.document(.user, key: id, type: nil) { return user }
            throw APIError.userNotFound(id)
        case "primary_id"?:
            guard let user = try await reader.document(.user, id: id) else { throw APIError.userNotFound(id, type: "primary_id") }
            return user
        case let type?:
            guard let user = try await reader.document(.user, key: id, type: type) else { throw APIError.userNotFound(id, type: type) }
            return user
        }
    }

    private static func put(_ user: Node, passwordHash: String?, into tx: any StoreWriter) async throws {
        let modified = ISO8601DateFormatter().string(from: Date())
        do {
            try await tx.put(UserDocument.make(user, passwordHash: passwordHash, modified: modified))
        } catch StoreError.duplicateKey(let type, let value) {
            throw APIError.userExists(value, type: type)
        }
    }

    private func reply(_ user: Node, call: Call) -> Reply {
        var user = user
        user.setAttribute("link", nil)
        return .object(user, AlmaShapes.user)
    }

    static func escape(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? id
    }
}
