public import LecternCore
import LecternDiscovery
import LecternRepresentation
public import LecternStore

/// `/primo/v1`: discovery search over the institution's catalogue (PRIMO.md), JSON only.
struct PrimoAPI {
    let store: any Store

    var routes: [Route] {
        let recordPath: [RouteParameter] = [
            .init("context", "Where the record is: L (local)", allowed: ["L"]),
            .init("docid", "The record's id (alma followed by its MMS id)"),
        ]
        return [
            Route(.get, "/primo/v1/search", search).documented(
                "Search the discovery index",
                query: Self.searchParameters(scopeRequired: true, defaultLimit: 10),
                answer: .object([.json]),
                response: PrimoShapes.searchObject,
                errors: Self.searchErrors
            ),
            Route(.get, "/primo/v1/search/{context}/{docid}", record).documented(
                "Retrieve one record",
                path: recordPath,
                query: [.lang],
                answer: .object([.json]),
                response: PrimoShapes.recordObject,
                errors: [.recordNotFound("{docid}")]
            ),
            Route(.get, "/primo/v1/pnxs", legacySearch).documented(
                "Search the discovery index (legacy brief search)",
                query: Self.searchParameters(scopeRequired: false, defaultLimit: 50),
                answer: .object([.json]),
                response: PrimoShapes.searchObject,
                errors: Self.searchErrors
            ),
            Route(.get, "/primo/v1/pnxs/{context}/{docid}", record).documented(
                "Retrieve one record (legacy)",
                path: recordPath,
                query: [.lang],
                answer: .object([.json]),
                response: PrimoShapes.recordObject,
                errors: [.recordNotFound("{docid}")]
            ),
        ]
    }

    /// The parameters ``PrimoSearchRequest`` and ``scope(_:)`` read.
    private static func searchParameters(scopeRequired: Bool, defaultLimit: Int) -> [RouteParameter] {
        let scoping = Self.scoping.map { parameter in
            var parameter = parameter
            parameter.required = scopeRequired
            if !scopeRequired { parameter.description += "; optional here" }
            return parameter
        }
        return scoping + [
            PrimoSearchRequest.q, PrimoSearchRequest.qInclude, PrimoSearchRequest.qExclude, PrimoSearchRequest.multiFacets,
            PrimoSearchRequest.sort, PrimoSearchRequest.offset, PrimoSearchRequest.limit(default: defaultLimit),
            PrimoSearchRequest.skipDelivery, .lang,
        ]
    }

    /// What a search answers for a view, tab, scope or query it cannot use.
    static let searchErrors: [APIError] = [
        .missingPrimoParameter("{name}"), .invalidView("{vid}"), .invalidTab("{tab}", vid: "{vid}"), .invalidScope("{scope}", tab: "{tab}"),
        .invalidQuery("{parameter}", "{reason}"), .invalidPrimoParameter("{name}", "{value}"),
    ]

    static let vid = RouteParameter("vid", "The view (institution code:view code)")
    static let tab = RouteParameter("tab", "The view's search tab")
    static let scope = RouteParameter("scope", "The tab's search scope, or a library code")
    /// What says where a search looks: required by `/search`, optional for the legacy `/pnxs`.
    static let scoping = [vid, tab, scope]

    // MARK: - Search

    @Sendable func search(_ call: Call) async throws -> Reply {
        for parameter in Self.scoping where (call.query(parameter) ?? "").isEmpty { throw APIError.missingPrimoParameter(parameter.name) }
        return try await answer(call, defaultLimit: 10)
    }

    /// The legacy brief search: `vid`, `tab` and `scope` optional, 50 results by default.
    @Sendable func legacySearch(_ call: Call) async throws -> Reply {
        try await answer(call, defaultLimit: 50)
    }

    private func answer(_ call: Call, defaultLimit: Int) async throws -> Reply {
        let (kinds, scopeFilter) = try await scope(call)
        let request = try PrimoSearchRequest(call, scopeFilter: scopeFilter, kinds: kinds, defaultLimit: defaultLimit)
        let page = try await store.read(in: call.tenant) { try await $0.discover(request.query) }
        let docs = Self.documents(page.matches).map {
            $0.node(institution: call.tenant.institution, baseURL: call.baseURL, delivery: request.wantsDelivery)
        }
        let facets = PrimoSearchRequest.facetNames.compactMap { name -> Node? in
            guard let values = page.facets[name], !values.isEmpty else { return nil }
            let valueNodes = values.map { Node("values", children: [Node("value", text: $0.value), Node("count", text: String($0.count))]) }
            return Node("facets", children: [Node("name", text: name)] + valueNodes)
        }
        let info = Node(
            "info",
            children: [
                Node("totalResultsLocal", text: String(page.total)),
                Node("totalResultsPC", text: "0"),
                Node("total", text: String(page.total)),
                Node("first", text: String(docs.isEmpty ? 0 : request.offset + 1)),
                Node("last", text: String(request.offset + docs.count)),
            ]
        )
        let answer = Node("search", children: [info, Node("highlights", text: "")] + docs + [Node("timelog", text: "")] + facets)
        return .object(answer, PrimoShapes.search(fullDelivery: request.wantsDelivery))
    }

    /// The matched bibs and assets as Primo documents, in the order of `matches`, each from the
    /// record its family published with its discovery entry (``PublishedRecord``); a match
    /// without one is left out.
    private static func documents(_ matches: [DiscoveryPage.Match]) -> [PrimoDocument] {
        matches.compactMap { match in
            match.display.flatMap(PublishedRecord.init(text:)).map {
                PrimoDocument(mmsID: match.id, record: $0.record, holdings: $0.holdings, score: match.score)
            }
        }
    }

    /// The kinds and the facet condition the `vid`, `tab` and `scope` stand for; the legacy
    /// search without them searches the whole local catalogue.
    private func scope(_ call: Call) async throws -> ([Kind], FacetFilter?) {
        // Research assets are discovered with the catalogue, but a library holds no assets.
        let everything: [Kind] = [.bib, .asset]
        guard let vid = call.query(Self.vid), !vid.isEmpty else { return (everything, nil) }
        let tab = call.query(Self.tab) ?? ""
        let scope = call.query(Self.scope) ?? ""
        let (view, isLibrary) = try await store.read(in: call.tenant) { reader in
            let view = try await reader.document(.primoView, id: vid).map(PrimoView.init)
            let isLibrary = scope.isEmpty ? false : try await reader.document(.library, id: scope) != nil
            return (view, isLibrary)
        }
        guard let view else { throw APIError.invalidView(vid) }
        if tab.isEmpty, scope.isEmpty { return (everything, nil) }
        guard let scopes = view.tabs[tab] else { throw APIError.invalidTab(tab, vid: vid) }
        if isLibrary { return ([.bib], FacetFilter(facet: "library", values: [scope])) }
        guard scopes.contains(scope) else { throw APIError.invalidScope(scope, tab: tab) }
        return (everything, nil)
    }

    // MARK: - One record

    /// `GET /primo/v1/search/{context}/{docid}` and `/primo/v1/pnxs/{context}/{docid}`.
    @Sendable func record(_ call: Call) async throws -> Reply {
        let docid = call.path["docid"] ?? ""
        guard call.path["context"] == "L", docid.hasPrefix("alma") else { throw APIError.recordNotFound(docid) }
        let found = try await store.read(in: call.tenant) { reader -> PrimoDocument? in
            // A suppressed or deleted record is not found, as in search.
            let visible = try await reader.discover(
                DiscoveryQuery(kinds: [.bib, .asset], expression: .whole(.rid, [DiscoveryText.normalized(docid)], prefix: false), limit: 1)
            )
            guard var document = Self.documents(visible.matches).first else { return nil }
            document.score = nil  // one record on its own has no relevance
            return document
        }
        guard let document = found else { throw APIError.recordNotFound(docid) }
        var node = document.node(institution: call.tenant.institution, baseURL: call.baseURL, delivery: true)
        node.children.append(Node("lang3", text: "eng"))
        return .object(node, PrimoShapes.record)
    }
}
