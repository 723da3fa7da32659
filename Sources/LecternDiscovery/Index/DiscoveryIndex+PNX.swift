extension DiscoveryIndex {
    /// The index entry of a PNX record, as ``PNXNormalizer`` builds it.
    public init(_ pnx: PNXRecord) {
        var searchText: [String: String] = [:]
        var exactText: [String: [String]] = [:]
        var any: [String] = []
        for (field, sources) in Self.sources {
            var values: [String] = []
            for source in sources {
                for value in Self.values(pnx, source) { values.appendUnique(DiscoveryText.normalized(value)) }
            }
            if field == "title", let sortTitle = pnx.sort["title"].first {
                let normalized = DiscoveryText.normalized(sortTitle)
                var exact = values
                exact.appendUnique(normalized)
                if !exact.isEmpty { exactText[field] = exact }
            } else if !values.isEmpty {
                exactText[field] = values
            }
            guard !values.isEmpty else { continue }
            searchText[field] = values.joined(separator: "\n")
            if !Self.notInAny.contains(field) {
                for value in values { any.appendUnique(value) }
            }
        }
        if !any.isEmpty {
            searchText["any"] = any.joined(separator: "\n")
            exactText["any"] = any
        }

        var facets: [String: [String]] = [:]
        for name in PrimoFacetName.local {
            let values = pnx.facets[name.pnxField]
            if !values.isEmpty { facets[name.responseName] = values }
        }

        self.init(
            searchText: searchText,
            exactText: exactText,
            facets: facets,
            sort: [
                "title": DiscoveryText.normalized(pnx.sort["title"].first ?? ""),
                "author": DiscoveryText.normalized(pnx.sort["author"].first ?? ""),
                "date": pnx.sort["creationdate"].first ?? "",
            ]
        )
    }

    /// The values of `source` (`"search.title"`) in `pnx`.
    private static func values(_ pnx: PNXRecord, _ source: String) -> [String] {
        guard let dot = source.firstIndex(of: ".") else { return [] }
        let field = String(source[source.index(after: dot)...])
        switch source[..<dot] {
        case "search": return pnx.search[field]
        case "display": return pnx.display[field]
        case "facets": return pnx.facets[field]
        default: return []
        }
    }
}
