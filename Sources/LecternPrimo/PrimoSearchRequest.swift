import LecternCore
import LecternDiscovery
import LecternStore

/// The parameters of `GET /primo/v1/search` (and the legacy `/pnxs?q=`) as a discovery query.
struct PrimoSearchRequest {
    /// Results past this position are not reachable (PRIMO.md section 1: "recommended maximum
    /// offset is 2000"); an offset past the hard limit is refused.
    static let reachable = 2000
    static let maximumOffset = 5000
    static let maximumLimit = 50
    /// The facets every search counts, by response name.
    static let facetNames = PrimoFacetName.local.map(\.responseName)

    static let q = RouteParameter("q", "Query: field,precision,value[,operator;…] (for example any,contains,lectern)", required: true)
    static let qInclude = RouteParameter("qInclude", "Facets the results must have: facet,exact,value joined by |,|")
    static let qExclude = RouteParameter("qExclude", "Facets the results must not have: facet,exact,value joined by |,|")
    static let multiFacets = RouteParameter("multiFacets", "Facets with OR between values: facet,include|exclude,value joined by |,|")
    static let skipDelivery = RouteParameter(
        "skipDelivery",
        "true or Y leaves the delivery section out",
        default: "false",
        allowed: ["true", "false", "Y", "N"]
    )

    var query: DiscoveryQuery
    var offset: Int
    var wantsDelivery: Bool

    /// Reads `call`'s parameters; `defaultOffset`/`defaultLimit` differ between `/search` and `/pnxs`.
    ///
    /// - throws: a 400 error for a missing `q`, a malformed `q` or facet filter, a bad `sort`,
    ///   `offset` or `limit`.
    init(_ call: Call, scopeFilter: FacetFilter?, kinds: [Kind], defaultLimit: Int = 10) throws {
        guard let q = call.query(Self.q), !q.isEmpty else { throw APIError.missingPrimoParameter(Self.q.name) }
        let parsed: PrimoQuery?
        let filters: PrimoFilters
        do {
            parsed = Self.matchesEverything(q) ? nil : try PrimoQuery(parsing: q)
            filters = try PrimoFilters(
                qInclude: call.query(Self.qInclude),
                qExclude: call.query(Self.qExclude),
                multiFacets: call.query(Self.multiFacets)
            )
        } catch {
            throw APIError.invalidQuery(error.parameter, error.message)
        }
        offset = call.integer(Self.offset)
        let limit = min(call.integer(Self.limit(default: defaultLimit)), Self.maximumLimit)
        var facetFilters = Self.facetFilters(filters)
        if let scopeFilter { facetFilters.append(scopeFilter) }
        query = DiscoveryQuery(
            kinds: kinds,
            expression: parsed.map(PrimoQueryTranslation.expression),
            filters: facetFilters,
            order: Self.order(call.text(Self.sort)),
            limit: max(0, min(limit, Self.reachable - offset)),
            offset: offset,
            facetNames: Self.facetNames
        )
        wantsDelivery = call.query(Self.skipDelivery).map { $0 != "true" && $0 != "Y" } ?? true
    }

    /// `any,contains,*`: every record (the browse-all query front ends send).
    private static func matchesEverything(_ q: String) -> Bool {
        ["any,contains,*", "any,contains,*,AND", "any,contains,*,OR"].contains(q)
    }

    /// `sort=`, one of the orders ``order(_:)`` knows.
    static let sort = RouteParameter("sort", "Sort order", default: "rank", allowed: ["rank", "title", "author", "date", "date_d", "date_a"])
        .checked(.invalidPrimoParameter)

    /// `offset=`, up to ``maximumOffset``.
    static let offset = RouteParameter("offset", "Position of the first result, 0-5000 (only the first 2,000 results are reachable)", default: "0")
        .integer(in: 0...maximumOffset, refusal: .invalidPrimoParameter)

    /// `limit=`: any count is accepted, at most ``maximumLimit`` are answered.
    static func limit(default value: Int) -> RouteParameter {
        RouteParameter("limit", "Results per page, at most 50", default: String(value))
            .integer(in: 0...Int(Int32.max), refusal: .invalidPrimoParameter)
    }

    private static func order(_ sort: String?) -> DiscoveryOrder {
        switch sort {
        case "title": .key("title", descending: false)
        case "author": .key("author", descending: false)
        case "date", "date_d": .key("date", descending: true)
        case "date_a": .key("date", descending: false)
        default: .relevance
        }
    }

    /// `qInclude`/`multiFacets` groups (any value of a group, every group) and `qExclude`.
    private static func facetFilters(_ filters: PrimoFilters) -> [FacetFilter] {
        var result: [FacetFilter] = []
        for group in filters.required {
            result.append(contentsOf: facetFilters(group.facet, group.values, exclude: false))
        }
        for filter in filters.excluded {
            result.append(contentsOf: facetFilters(filter.facet, [filter.value], exclude: true))
        }
        return result
    }

    private static func facetFilters(_ facet: String, _ values: [PrimoFilters.Value], exclude: Bool) -> [FacetFilter] {
        var terms: [String] = []
        var filters: [FacetFilter] = []
        for value in values {
            switch value {
            case .term(let term): terms.append(term)
            case .years(let lower, let upper): filters.append(FacetFilter(facet: facet, range: year(lower)...year(upper), exclude: exclude))
            }
        }
        if !terms.isEmpty { filters.append(FacetFilter(facet: facet, values: terms, exclude: exclude)) }
        return filters
    }

    /// A year as the index keeps it, four digits.
    private static func year(_ value: Int) -> String {
        let digits = String(max(0, min(value, 9999)))
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
