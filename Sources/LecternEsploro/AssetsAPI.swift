import Foundation
import LecternCore
import LecternDiscovery
import LecternRepresentation
import LecternStore

/// `/esploro/v1/assets`: research assets, JSON only, with no DELETE (ESPLORO.md section 3).
struct AssetsAPI {
    let store: any Store

    static let paging = Paging(default: 10, maximum: 100)
    static let isDraft = RouteParameter.flag("is_draft", "Create the assets as drafts (not discoverable)", default: true)
        .checked(ignoringCase: true)
    static let rejectDuplicate = RouteParameter.flag(
        "reject_duplicate",
        "Refuse an asset whose DOI exists (always refused: a DOI names one asset)",
        default: true
    )
    .checked(ignoringCase: true)
    static let op = RouteParameter("op", "The operation", default: "patch", allowed: ["patch"]).checked()
    static let action = RouteParameter(
        "action",
        "add fills empty fields and appends to lists; replace replaces them",
        default: "add",
        allowed: ["add", "replace"]
    )
    .checked(ignoringCase: true)

    static let doi = RouteParameter("doi", "Comma-separated DOIs, up to 100")
    static let userPrimaryID = RouteParameter("user_primary_id", "Assets with this researcher as a creator")
    static let openAccess = RouteParameter("open_access", "Open access assets only, or closed ones only", allowed: ["yes", "no"])
        .checked(ignoringCase: true)
    static let orgCode = RouteParameter("org_code", "Comma-separated organization codes: assets of any of them")
    /// The day ranges, each with the stored field it bounds and whether it is the lower bound.
    static let dayRanges: [(parameter: RouteParameter, field: String, isLowerBound: Bool)] = [
        (.init("update_date_from", "Assets updated on or after this day (YYYY-MM-DD)"), "modified", true),
        (.init("update_date_to", "Assets updated on or before this day (YYYY-MM-DD)"), "modified", false),
        (.init("embargo_expiry_date_from", "Assets whose embargo ends on or after this day (YYYY-MM-DD)"), "embargo", true),
        (.init("embargo_expiry_date_to", "Assets whose embargo ends on or before this day (YYYY-MM-DD)"), "embargo", false),
    ]
    /// The list's filters: a list needs at least one.
    static let filters = [doi, userPrimaryID] + dayRanges.map(\.parameter) + [openAccess, orgCode]

    var routes: [Route] {
        let json = RouteParameter.jsonOnlyFormat("assets")
        let ids = RouteParameter("assetIds", "The asset's MMS id; for GET, up to 100 comma-separated ids")
        let jsonOnly = RouteAnswer.object([.json])
        let answer = AssetShapes.answerObject
        let body = AssetShapes.requestObject
        let notFound: [APIError] = [.invalidIDList("{assetIds}"), .nonNumericID("{assetId}")]
        let refused: [APIError] = [.mandatoryFieldMissing("{field}"), .invalidAsset("{reason}")]
        return [
            Route(.get, "/esploro/v1/assets", list).documented(
                "Retrieve assets (at least one filter)",
                query: Self.paging.parameters + Self.filters + [json, .lang],
                answer: jsonOnly,
                response: answer,
                errors: [.missingAssetFilter, .invalidDate("{parameter}", "{value}"), .invalidParameter("doi", "{doi}")]
            ),
            Route(.post, "/esploro/v1/assets", create).documented(
                "Create assets",
                query: [Self.isDraft, Self.rejectDuplicate, json, .lang],
                body: [.json],
                answer: jsonOnly,
                request: body,
                response: answer,
                errors: refused
            ),
            Route(.get, "/esploro/v1/assets/{assetIds}", get).documented(
                "Retrieve assets by id",
                path: [ids],
                query: Self.paging.parameters + [json, .lang],
                answer: jsonOnly,
                response: answer,
                errors: notFound
            ),
            Route(.post, "/esploro/v1/assets/{assetIds}", patch).documented(
                "Patch an asset (dates, identifiers, funding, links)",
                path: [ids],
                query: [Self.op, Self.action, json, .lang],
                body: [.json],
                answer: jsonOnly,
                request: body,
                response: answer,
                errors: notFound + refused
            ),
            Route(.put, "/esploro/v1/assets/{assetIds}", replace).documented(
                "Update an asset (swap all)",
                path: [ids],
                query: [json, .lang],
                body: [.json],
                answer: jsonOnly,
                request: body,
                response: answer,
                errors: notFound + refused
            ),
        ]
    }

    // MARK: - GET /assets

    @Sendable func list(_ call: Call) async throws -> Reply {
        let (limit, offset) = call.page(Self.paging)
        guard Self.filters.contains(where: { !(call.query($0) ?? "").isEmpty }) else { throw APIError.missingAssetFilter }
        if let dois = call.query(Self.doi), !dois.isEmpty {
            return try await byDOI(dois, call: call, limit: limit, offset: offset)
        }
        var query = DocumentQuery(kind: .asset, order: [.init("modified", descending: true)], limit: limit, offset: offset)
        for (parameter, field, isLowerBound) in Self.dayRanges {
            guard let value = call.query(parameter), !value.isEmpty else { continue }
            guard value.isDay else { throw APIError.invalidDate(parameter.name, value) }
            if isLowerBound { query.atLeast[field] = value } else { query.atMost[field] = value }
        }
        if let openAccess = call.query(Self.openAccess), !openAccess.isEmpty { query.equals["open_access"] = openAccess.lowercased() }
        var clauses: [SearchExpression] = []
        if let user = call.query(Self.userPrimaryID), !user.isEmpty { clauses.append(.words(field: "creator", [user])) }
        if let codes = call.query(Self.orgCode), !codes.isEmpty {
            clauses.append(.or(codes.commaSeparatedValues.map { .words(field: "organization", [$0]) }))
        }
        if !clauses.isEmpty { query.search = .and(clauses) }
        let finalQuery = query
        let page = try await store.read(in: call.tenant) { try await $0.find(finalQuery) }
        return try Self.records(page.items, total: page.total)
    }

    private func byDOI(_ dois: String, call: Call, limit: Int, offset: Int) async throws -> Reply {
        let wanted = dois.commaSeparatedValues
        guard !wanted.isEmpty, wanted.count <= 100, wanted.allSatisfy(AssetRecord.isDOI) else { throw APIError.invalidParameter("doi", dois) }
        let found = try await lookUp(wanted, call: call) { reader, doi in try await reader.document(.asset, key: doi.lowercased(), type: "doi") }
        return try Self.records(Array(found.dropFirst(offset).prefix(limit)), total: found.count)
    }

    // MARK: - GET /assets/{assetIds}

    @Sendable func get(_ call: Call) async throws -> Reply {
        let ids = try Self.ids(call.path["assetIds"] ?? "")
        let (limit, offset) = call.page(Self.paging)
        let found = try await lookUp(ids, call: call) { reader, id in try await reader.document(.asset, id: id) }
        guard !found.isEmpty else { throw APIError.invalidIDList(ids.joined(separator: ",")) }
        return try Self.records(Array(found.dropFirst(offset).prefix(limit)), total: found.count)
    }

    /// The assets `find` finds for `values`, in their order; values that find none are left out.
    private func lookUp(
        _ values: [String],
        call: Call,
        _ find: @Sendable @escaping (any StoreReader, String) async throws -> Document?
    ) async throws -> [Document] {
        try await store.read(in: call.tenant) { reader in
            var documents: [Document] = []
            for value in values {
                if let document = try await find(reader, value) { documents.append(document) }
            }
            return documents
        }
    }

    // MARK: - POST /assets

    @Sendable func create(_ call: Call) async throws -> Reply {
        let records = try AssetRecord.records(in: call.body).map { try Self.writable($0).validated() }
        let draft = call.text(Self.isDraft)?.lowercased() == "true"
        let institution = call.tenant.institution
        let created = try await store.write(in: call.tenant) { tx in
            var documents: [Document] = []
            for record in records {
                let doi = record.text("identifier.doi")?.lowercased()
                // `reject_duplicate=false` is accepted, but a DOI names one asset of an institution
                // (`GET /assets?doi=` answers it), so a second asset with it is refused either way.
                if let doi, let existing = try await tx.document(.asset, key: doi, type: "doi") {
                    throw APIError.invalidAsset("An asset with DOI \(doi) exists: \(existing.id).")
                }
                documents.append(try await Self.insert(record, draft: draft, institution: institution, into: tx))
            }
            return documents
        }
        return try Self.records(created, total: created.count)
    }

    private static func insert(_ record: AssetRecord, draft: Bool, institution: String, into tx: any StoreWriter) async throws -> Document {
        let id = CatalogIDs(institution: institution).id(.bib, try await tx.reserveNumbers(CatalogIDs.counter, count: 1))
        try await EsploroDocuments.put(record, id: id, draft: draft, institution: institution, into: tx)
        return try await stored(id, in: tx)
    }

    // MARK: - POST /assets/{assetId}?op=patch, PUT /assets/{assetId}

    @Sendable func patch(_ call: Call) async throws -> Reply {
        let action = AssetPatch.Action(rawValue: call.text(Self.action)?.lowercased() ?? "") ?? .add
        let changes = try AssetRecord.records(in: call.body)
        guard changes.count == 1, let change = changes.first else { throw APIError.invalidAsset("A patch has one record.") }
        return try await rewrite(call) { stored in try AssetPatch(action: action, change: change).applied(to: stored) }
    }

    @Sendable func replace(_ call: Call) async throws -> Reply {
        let records = try AssetRecord.records(in: call.body)
        guard records.count == 1, let record = records.first else { throw APIError.invalidAsset("A PUT has one record.") }
        let incoming = Self.writable(record)
        return try await rewrite(call) { _ in incoming }
    }

    private func rewrite(_ call: Call, _ change: @Sendable @escaping (AssetRecord) throws -> AssetRecord) async throws -> Reply {
        let ids = try Self.ids(call.path["assetIds"] ?? "")
        guard ids.count == 1, let id = ids.first else { throw APIError.invalidIDList(call.path["assetIds"] ?? "") }
        let document = try await store.write(in: call.tenant) { tx in
            guard let stored = try await tx.document(.asset, id: id) else { throw APIError.invalidIDList(id) }
            let record = try change(try AssetDocument.record(stored)).validated()
            if let doi = record.text("identifier.doi")?.lowercased(), let other = try await tx.document(.asset, key: doi, type: "doi"), other.id != id
            {
                throw APIError.invalidAsset("An asset with DOI \(doi) exists: \(other.id).")
            }
            let draft = stored.fields["deposit_status"] == "draft"
            try await EsploroDocuments.put(record, id: id, draft: draft, institution: call.tenant.institution, into: tx)
            return try await Self.stored(id, in: tx)
        }
        return try Self.records([document], total: 1)
    }

    // MARK: - Helpers

    private static func stored(_ id: String, in reader: any StoreReader) async throws -> Document {
        guard let document = try await reader.document(.asset, id: id) else { throw APIError.invalidIDList(id) }
        return document
    }

    /// The answer's form: `{"totalRecordCount": N, "records": […]}` (samples/esploro/returned.json).
    private static func records(_ documents: [Document], total: Int) throws -> Reply {
        let records = try documents.map(AssetDocument.answer)
        return .object(Node("assets", children: [Node("totalRecordCount", text: String(total))] + records), AssetShapes.records)
    }

    /// The record without what Lectern derives.
    private static func writable(_ record: AssetRecord) -> AssetRecord {
        AssetRecord(record.entries.filter { !AssetRecord.derivedKeys.contains($0.key) })
    }

    private static func ids(_ text: String) throws -> [String] {
        let ids = text.commaSeparatedValues
        guard !ids.isEmpty, ids.count <= 100 else { throw APIError.invalidIDList(text) }
        if let bad = ids.first(where: { !CatalogIDs.isNumeric($0) }) { throw APIError.nonNumericID(bad) }
        return ids
    }
}
