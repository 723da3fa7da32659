extension DiscoveryIndex {
    /// The index entry of a PNX record, as ``PNXNormalizer`` builds it.
    public init(_ pnx: PNXRecord) {
        let plan = Plan.shared
        // Each PNX field is normalized once, however many query fields read it.
        var normalized = [[String]?](repeating: nil, count: plan.sources.count)
        var searchText = [String: String](minimumCapacity: plan.fields.count + 1)
        var exactText = [String: [String]](minimumCapacity: plan.fields.count + 1)
        // Query fields rarely repeat a value, so `any` keeps repeats rather than pay for a set.
        var any: [String] = []
        for field in plan.fields {
            var values: [String] = []
            for source in field.sources {
                let sourceValues: [String]
                if let done = normalized[source] {
                    sourceValues = done
                } else {
                    sourceValues = plan.sources[source].values(in: pnx).map(DiscoveryText.normalized)
                    normalized[source] = sourceValues
                }
                if values.isEmpty {
                    values = sourceValues.filter { !$0.isEmpty }
                } else {
                    for value in sourceValues { values.appendUnique(value) }
                }
            }
            if field.name == "title", let sortTitle = pnx.sort["title"].first {
                var exact = values
                exact.appendUnique(DiscoveryText.normalized(sortTitle))
                if !exact.isEmpty { exactText[field.name] = exact }
            } else if !values.isEmpty {
                exactText[field.name] = values
            }
            guard !values.isEmpty else { continue }
            searchText[field.name] = DiscoveryText.join(values, separator: 0x0A)
            if field.inAny {
                any.append(contentsOf: values)
            }
        }
        if !any.isEmpty {
            searchText["any"] = DiscoveryText.join(any, separator: 0x0A)
            exactText["any"] = any
        }

        var facets = [String: [String]](minimumCapacity: PrimoFacetName.local.count)
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

    /// ``sources`` parsed once: the distinct PNX fields, and per query field the indexes of
    /// those it reads.
    private struct Plan: Sendable {
        enum Section { case search, display, facets }

        struct Source: Sendable {
            var section: Section
            var name: String

            func values(in pnx: PNXRecord) -> [String] {
                switch section {
                case .search: pnx.search[name]
                case .display: pnx.display[name]
                case .facets: pnx.facets[name]
                }
            }
        }

        struct Field: Sendable {
            var name: String
            var sources: [Int]
            var inAny: Bool
        }

        var sources: [Source] = []
        var fields: [Field] = []

        static let shared = Plan()

        private init() {
            var keys: [String] = []
            for (name, pnxFields) in DiscoveryIndex.sources {
                var indexes: [Int] = []
                for key in pnxFields {
                    if let index = keys.firstIndex(of: key) {
                        indexes.append(index)
                        continue
                    }
                    let parts = key.split(separator: ".", maxSplits: 1)
                    let section: Section =
                        switch parts.first {
                        case "display": .display
                        case "facets": .facets
                        default: .search
                        }
                    keys.append(key)
                    sources.append(Source(section: section, name: String(parts.last ?? "")))
                    indexes.append(sources.count - 1)
                }
                fields.append(Field(name: name, sources: indexes, inAny: !DiscoveryIndex.notInAny.contains(name)))
            }
        }
    }
}
