/// An order the store keeps ready for one kind of document, declared by the area that lists
/// them: a query of that kind ordered by these `fields` (all ascending or all descending), with
/// an equality filter on each of `filters` or none, reads a page in order instead of sorting
/// every document of the kind, so that its cost follows the page and not the size of the
/// institution.
public struct SortIndex: Sendable, Hashable {
    /// The kind.
    public var kind: Kind
    /// The fields (of `Document.fields`) a query filters on by equality first.
    public var filters: [String]
    /// The fields (of `Document.fields`) it is ordered by, in order.
    public var fields: [String]

    /// Declares an index.
    public init(_ kind: Kind, _ fields: [String], filteredBy filters: [String] = []) {
        self.kind = kind
        self.fields = fields
        self.filters = filters
    }
}
