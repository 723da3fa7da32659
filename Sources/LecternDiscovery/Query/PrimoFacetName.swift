/// The three names of a Primo facet: the PNX `facets` field, the name a response's `facets[]`
/// carries, and the `facet_`-prefixed category of `qInclude`, `qExclude` and `multiFacets`
/// (PRIMO.md §2: `facets.rsrctype` is answered as `rtype` and filtered as `facet_rtype`).
public struct PrimoFacetName: Sendable, Hashable {
    /// The field in the PNX `facets` section (`rsrctype`).
    public var pnxField: String
    /// The name in responses and, with `facet_` before it, in filters (`rtype`).
    public var responseName: String

    /// Creates a facet name pair.
    public init(pnxField: String, responseName: String) {
        self.pnxField = pnxField
        self.responseName = responseName
    }

    /// The facets Lectern derives from local records, in the order responses list them.
    public static let local: [PrimoFacetName] = [
        PrimoFacetName(pnxField: "rsrctype", responseName: "rtype"),
        PrimoFacetName(pnxField: "prefilter", responseName: "pfilter"),
        PrimoFacetName(pnxField: "topic", responseName: "topic"),
        PrimoFacetName(pnxField: "creatorcontrib", responseName: "creator"),
        PrimoFacetName(pnxField: "language", responseName: "lang"),
        PrimoFacetName(pnxField: "creationdate", responseName: "creationdate"),
        PrimoFacetName(pnxField: "library", responseName: "library"),
        PrimoFacetName(pnxField: "collection", responseName: "collection"),
        PrimoFacetName(pnxField: "toplevel", responseName: "tlevel"),
        PrimoFacetName(pnxField: "genre", responseName: "genre"),
    ]

    /// The response name of PNX facet field `pnxField`, or `nil` when it is not counted.
    public static func responseName(forPNXField pnxField: String) -> String? {
        local.first { $0.pnxField == pnxField }?.responseName
    }

    /// Filter categories Primo documents beyond the local ones (CDI and configured facets);
    /// a filter on them is valid and matches no local record.
    public static let otherFilterCategories: Set<String> = [
        "domain", "jtitle", "lcc", "citing", "citedby", "frbrgroupid", "attribute", "newrecords", "atoz",
    ]

    /// The index facet a filter category reads: `searchcreationdate` (the range filter,
    /// `facet_searchcreationdate,exact,[2005 TO 2013]`) reads `creationdate`; a local facet reads
    /// itself; `local1`…`local50` are accepted as configured local facets. `nil`: unknown.
    public static func indexFacet(forFilterCategory category: String) -> String? {
        if category == "searchcreationdate" { return "creationdate" }
        if local.contains(where: { $0.responseName == category }) || otherFilterCategories.contains(category) {
            return category
        }
        let suffix = category.dropFirst(5)
        if category.hasPrefix("local"), suffix.utf8.count <= 2, PNXText.isDigits(suffix.utf8), let number = Int(suffix),
            (1...50).contains(number)
        {
            return category
        }
        return nil
    }
}
