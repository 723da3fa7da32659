/// The facet filters of a search: `qInclude`, `qExclude` and `multiFacets` (PRIMO.md §2).
///
/// ```swift
/// let filters = try PrimoFilters(
///     qInclude: "facet_rtype,exact,books|,|facet_searchcreationdate,exact,[2005 TO 2013]",
///     multiFacets: "facet_lang,include,eng|,|facet_lang,include,fre|,|facet_topic,exclude,Law"
/// )
/// filters.required  // rtype = books; creationdate in 2005…2013; lang = eng or fre
/// filters.excluded  // topic = Law
/// ```
///
/// `qInclude` filters all apply (AND); `multiFacets` includes of one category form one group
/// (OR within the category, AND across categories); every exclude, from `qExclude` or
/// `multiFacets`, removes the records that have its value. Filters are separated by `|,|`;
/// a value is everything after the filter's second comma, so it may contain commas. Categories
/// carry the `facet_` prefix and name a response facet (``PrimoFacetName``), `searchcreationdate`
/// (a year range on `creationdate`) or a CDI facet; an unknown category is an error.
public struct PrimoFilters: Sendable, Hashable {
    /// Groups that must all match; a record matches a group when it has one of its values.
    public var required: [Group]
    /// Filters a record must not match.
    public var excluded: [Filter]

    /// A set of alternatives on one facet.
    public struct Group: Sendable, Hashable {
        /// The ``DiscoveryIndex/facets`` key the group reads (`rtype`, `creationdate`).
        public var facet: String
        /// The alternatives.
        public var values: [Value]

        /// Creates a group.
        public init(facet: String, values: [Value]) {
            self.facet = facet
            self.values = values
        }
    }

    /// One value on one facet.
    public struct Filter: Sendable, Hashable {
        /// The ``DiscoveryIndex/facets`` key the filter reads.
        public var facet: String
        /// The value.
        public var value: Value

        /// Creates a filter.
        public init(facet: String, value: Value) {
            self.facet = facet
            self.value = value
        }
    }

    /// A facet value, or a range of years.
    public enum Value: Sendable, Hashable {
        /// A facet value, compared verbatim (`books`, `Law`).
        case term(String)
        /// Years from `lower` through `upper`, inclusive (`[2005 TO 2013]`); each bound a year
        /// (`YYYY`) or a date (`YYYYMMDD`) of which the year counts.
        case years(lower: Int, upper: Int)
    }

    /// Creates filters from their parts.
    public init(required: [Group] = [], excluded: [Filter] = []) {
        self.required = required
        self.excluded = excluded
    }

    /// Whether a record with index facets `facets` passes every filter.
    public func matches(_ facets: [String: [String]]) -> Bool {
        for group in required {
            let values = facets[group.facet] ?? []
            guard group.values.contains(where: { Self.value($0, matchesAnyOf: values) }) else { return false }
        }
        for filter in excluded where Self.value(filter.value, matchesAnyOf: facets[filter.facet] ?? []) {
            return false
        }
        return true
    }

    private static func value(_ value: Value, matchesAnyOf values: [String]) -> Bool {
        switch value {
        case .term(let term):
            return values.contains(term)
        case .years(let lower, let upper):
            return values.contains { text in
                guard let year = PNXText.firstYear(text).flatMap({ Int($0) }) else { return false }
                return year >= lower && year <= upper
            }
        }
    }
}
