extension PrimoFilters {
    /// Parses the filter parameters of a search (each already percent-decoded; `nil` or empty
    /// when absent).
    ///
    /// - throws: ``PrimoQueryError`` naming the parameter: a filter without `facet_`, an
    ///   unknown category, a precision other than `exact` (`qInclude`, `qExclude`) or a mode
    ///   other than `include`/`exclude` (`multiFacets`), an empty value, or a malformed range.
    public init(qInclude: String? = nil, qExclude: String? = nil, multiFacets: String? = nil) throws(PrimoQueryError) {
        var required: [Group] = []
        var excluded: [Filter] = []
        for part in try Self.parts(qInclude, "qInclude") {
            let filter = try Self.filter(part, "qInclude", expecting: ["exact"])
            required.append(Group(facet: filter.filter.facet, values: [filter.filter.value]))
        }
        for part in try Self.parts(qExclude, "qExclude") {
            excluded.append(try Self.filter(part, "qExclude", expecting: ["exact"]).filter)
        }
        var groups: [Group] = []
        for part in try Self.parts(multiFacets, "multiFacets") {
            let parsed = try Self.filter(part, "multiFacets", expecting: ["include", "exclude"])
            if parsed.mode == "exclude" {
                excluded.append(parsed.filter)
            } else if let index = groups.firstIndex(where: { $0.facet == parsed.filter.facet }) {
                groups[index].values.append(parsed.filter.value)
            } else {
                groups.append(Group(facet: parsed.filter.facet, values: [parsed.filter.value]))
            }
        }
        self.init(required: required + groups, excluded: excluded)
    }

    /// The most bytes one filter parameter may have, and the most filters it may list.
    public static let maximumLength = 10_000
    public static let maximumFilters = 100

    private static func parts(_ text: String?, _ parameter: String) throws(PrimoQueryError) -> [String] {
        guard let text, !PNXText.trimmed(text).isEmpty else { return [] }
        guard text.utf8.count <= maximumLength else {
            throw PrimoQueryError(parameter: parameter, message: "is longer than \(maximumLength) bytes")
        }
        let parts = text.split(separator: "|,|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= maximumFilters else {
            throw PrimoQueryError(parameter: parameter, message: "has more than \(maximumFilters) filters")
        }
        return parts
    }

    /// One `facet_<category>,<mode>,<value>`.
    private static func filter(
        _ text: String,
        _ parameter: String,
        expecting modes: [String]
    ) throws(PrimoQueryError) -> (filter: Filter, mode: String) {
        func failure(_ message: String) -> PrimoQueryError {
            PrimoQueryError(parameter: parameter, message: message)
        }
        let fields = text.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3 else {
            throw failure("\"\(PrimoQuery.excerpt(text))\" is not facet_<category>,\(modes.joined(separator: "|")),<value>")
        }
        let name = PNXText.trimmed(String(fields[0]))
        guard name.hasPrefix("facet_") else {
            throw failure("\"\(PrimoQuery.excerpt(name))\" does not start with facet_ (facet_rtype, facet_lang …)")
        }
        let category = String(name.dropFirst("facet_".count))
        guard let facet = PrimoFacetName.indexFacet(forFilterCategory: category) else {
            let known = PrimoFacetName.local.map { "facet_" + $0.responseName } + ["facet_searchcreationdate"]
            throw failure("unknown facet category \"\(PrimoQuery.excerpt(name))\" (expected \(known.joined(separator: ", ")) …)")
        }
        let mode = PNXText.trimmed(String(fields[1])).lowercased()
        guard modes.contains(mode) else {
            throw failure("\"\(PrimoQuery.excerpt(mode))\" for \(name) is not \(modes.joined(separator: " or "))")
        }
        let value = PNXText.trimmed(String(fields[2]))
        guard !value.isEmpty else { throw failure("\(name) has an empty value") }
        if category == "searchcreationdate" || (facet == "creationdate" && value.hasPrefix("[")) {
            guard let range = years(value) else {
                throw failure("\"\(PrimoQuery.excerpt(value))\" for \(name) is not a range of years like [2005 TO 2013]")
            }
            return (Filter(facet: facet, value: range), mode)
        }
        return (Filter(facet: facet, value: .term(value)), mode)
    }

    /// `[2005 TO 2013]` → `.years(2005, 2013)`; each bound four to eight digits, of which the
    /// first four are the year; `nil` when malformed or when the bounds are reversed.
    private static func years(_ text: String) -> Value? {
        guard text.hasPrefix("["), text.hasSuffix("]") else { return nil }
        let inner = text.dropFirst().dropLast()
        let bounds = inner.split(separator: " ", omittingEmptySubsequences: true)
        guard bounds.count == 3, bounds[1] == "TO" else { return nil }
        func year(_ bound: Substring) -> Int? {
            guard (4...8).contains(bound.utf8.count), PNXText.isDigits(bound.utf8) else { return nil }
            return Int(bound.prefix(4))
        }
        guard let lower = year(bounds[0]), let upper = year(bounds[2]), lower <= upper else { return nil }
        return .years(lower: lower, upper: upper)
    }
}
