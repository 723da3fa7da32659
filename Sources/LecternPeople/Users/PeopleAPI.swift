import Foundation
public import LecternCore
import LecternRepresentation
public import LecternStore

/// The handlers over the people Alma and Esploro share, for one ``Population``: list (with
/// brief search), create, retrieve, update (swap all), delete and authenticate. Alma's users
/// area (`/almaws/v1/users`, users OpenAPI document) and Esploro's researchers area
/// (`/esploro/v1/researchers`, ESPLORO.md section 2) each build their own route table on them,
/// documented with the parameters the handlers read (`PeopleAPI+Parameters.swift`).
public struct PeopleAPI: Sendable {
    let store: any Store
    let passwords: any PasswordHasher
    let population: Population
    let activity: (any UserActivity)?

    /// Creates the handlers over `store` for `population`; `activity` adds the counts and
    /// blocks of a user's loans, requests and fees (none: the counts are 0).
    public init(store: any Store, passwords: any PasswordHasher, population: Population, activity: (any UserActivity)? = nil) {
        self.store = store
        self.passwords = passwords
        self.population = population
        self.activity = activity
    }

    // MARK: - GET {base}

    /// The population's members, a page at a time, by brief search (`q`) or modification date;
    /// brief unless `expand=full`.
    @Sendable public func list(_ call: Call) async throws -> Reply {
        let (limit, offset) = call.page(Self.paging)
        var query = DocumentQuery(kind: .user, limit: limit, offset: offset)
        if population.researchersOnly { query.equals["is_researcher"] = "true" }
        let q = call.query(Self.q).flatMap { $0.isEmpty ? nil : $0 }
        if let q {
            if call.query(Self.modifyDateFrom) != nil {
                throw APIError.invalidQuery("q and modify_date_from cannot be used together")
            }
            query.search = try BriefSearch.users.parse(q)
        }
        if let sourceID = call.query(Self.sourceUserID) { query.equals["source_user_id"] = sourceID }
        let descending = call.query(Self.direction)?.uppercased() == "DESC"
        switch call.text(Self.orderBy) {
        case "first_name": query.order = ["first_name", "primary_id"].map { .init($0, descending: descending) }
        case "primary_id": query.order = [.init("primary_id", descending: descending)]
        default: query.order = ["last_name", "first_name", "primary_id"].map { .init($0, descending: descending) }
        }
        if let from = call.query(Self.modifyDateFrom) {
            guard from.isDay else { throw APIError.invalidParameter("modify_date_from", from) }
            query.atLeast["modified"] = from
        }
        let finalQuery = query
        let page = try await store.read(in: call.tenant) { try await $0.find(finalQuery) }
        return usersReply(page.items, total: page.total, call: call)
    }

    private func usersReply(_ documents: [Document], total: Int, call: Call) -> Reply {
        let full = call.query(Self.listExpand) == "full"
        let users = documents.map { document -> Node in
            var user = full ? document.body : Self.brief(document.body)
            user.setAttribute("link", link(document.id, call: call))
            return user
        }
        return .object(Node.listRoot("users", total: total, items: users), PeopleShapes.users)
    }

    /// The user as listed: the fields of the recorded list (samples/alma/php-alma-client/users_response.json).
    private static func brief(_ user: Node) -> Node {
        let names = ["primary_id", "first_name", "last_name", "gender", "password", "status"]
        return Node("user", children: user.children.filter { names.contains($0.name) })
    }

    // MARK: - POST {base}

    /// Creates a member from the body, with Alma's defaults and the codes' descriptions.
    @Sendable public func create(_ call: Call) async throws -> Reply {
        let user = admitted(try call.object("user", as: PeopleShapes.user))
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

    // MARK: - GET/PUT/DELETE {base}/{user_id}

    /// One member, whole or `view=brief`, with the counts `expand` names.
    @Sendable public func get(_ call: Call) async throws -> Reply {
        let document = try await store.read(in: call.tenant) { try await find(call, in: $0) }
        let blocks = try await activity?.blocks(of: document, in: call.tenant)
        if call.query(Self.view) == nil, call.query(Self.getExpand) == nil, blocks == nil {
            // Stored users are normalized already: answer the stored form, rendered once per revision.
            return .stored(document.body, PeopleShapes.user, version: "\(call.tenant.key)/user/\(document.revision)")
        }
        var user = document.body
        if let blocks { user.setChild(Node("user_blocks", children: blocks)) }
        if call.query(Self.view) == "brief" {
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
        if let expand = call.query(Self.getExpand) {
            let names = Set(expand.commaSeparatedValues)
            let link = link(document.id, call: call)
            let counts = try await activity?.counts(of: document, in: call.tenant) ?? UserActivityCounts(loans: 0, requests: 0, fees: "0.0")
            for (name, value) in [("loans", String(counts.loans)), ("requests", String(counts.requests)), ("fees", counts.fees)]
            where names.contains(name) {
                user.setChild(Node(name, attributes: [.init("link", "\(link)/\(name)")], text: value))
            }
        }
        return reply(PeopleShapes.user.normalized(user), call: call)
    }

    /// Replaces a member with the body (swap all, with PUT's documented exceptions).
    @Sendable public func update(_ call: Call) async throws -> Reply {
        let incoming = admitted(try call.object("user", as: PeopleShapes.user))
        let override = Set((call.query(Self.override) ?? "").commaSeparatedValues)
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
            try await Self.put(prepared, passwordHash: newHash ?? stored.fields["password_hash"], keeping: stored, into: tx)
            return prepared
        }
        return reply(user, call: call)
    }

    /// Deletes a member as the population's ``Population/deletion`` says: deleting a researcher
    /// ends the researcher role, and the person stays an Alma user.
    @Sendable public func delete(_ call: Call) async throws -> Reply {
        try await store.write(in: call.tenant) { tx in
            let document = try await find(call, in: tx)
            switch population.deletion {
            case .deletesUser:
                try await tx.delete(.user, id: document.id)
            case .endsResearcherRole:
                var user = document.body
                user.setChild(Node("is_researcher", text: "false"))
                user.removeChildren(named: "researcher")
                try await Self.put(user, passwordHash: document.fields["password_hash"], keeping: document, into: tx)
            }
        }
        return .noContent
    }

    // MARK: - POST {base}/{user_id}?op=auth

    /// Checks a member's password (`password`, or the `Exl-User-Pw` header): no content when it
    /// is right, 401866 when it is not.
    @Sendable public func authenticate(_ call: Call) async throws -> Reply {
        let op = call.query(Self.op) ?? "auth"
        guard op == "auth" else { throw APIError.actionNotSupported(op) }
        let document = try await store.read(in: call.tenant) { try await find(call, in: $0) }
        let password = call.query(Self.password) ?? call.headers[Self.passwordHeader.name.lowercased()].map { $0.removingPercentEncoding ?? $0 }
        guard let password, let hash = document.fields["password_hash"], passwords.verify(password, against: hash) else {
            throw APIError.authenticationFailed
        }
        return .noContent
    }
}
