/// What discovery needs to know about one holding of a bib: where it is and whether anything
/// on it can be borrowed now. The catalogue summarizes its holdings and items into these; the
/// normalizer turns them into `facets.library`, `facets.collection`, `facets.toplevel`
/// (`available`), `search.scope` and `delivery.delcategory` (`Alma-P`).
public struct DiscoveryHolding: Sendable, Hashable {
    /// The library code (`MAIN`), as in the holding's 852 $b.
    public var libraryCode: String
    /// The library's name (`Main Library`).
    public var libraryName: String
    /// The location code (`STACKS`), as in the holding's 852 $c.
    public var locationCode: String
    /// The location's name (`Stacks`).
    public var locationName: String
    /// The call number (`PR3403 .A1 2003`), or `""`.
    public var callNumber: String
    /// Items of the holding that are in place and loanable now.
    public var availableItems: Int
    /// All items of the holding.
    public var totalItems: Int

    /// Creates a holding summary.
    public init(
        libraryCode: String,
        libraryName: String,
        locationCode: String,
        locationName: String,
        callNumber: String = "",
        availableItems: Int,
        totalItems: Int
    ) {
        self.libraryCode = libraryCode
        self.libraryName = libraryName
        self.locationCode = locationCode
        self.locationName = locationName
        self.callNumber = callNumber
        self.availableItems = availableItems
        self.totalItems = totalItems
    }

    /// Whether at least one item is available.
    public var isAvailable: Bool { availableItems > 0 }
}
