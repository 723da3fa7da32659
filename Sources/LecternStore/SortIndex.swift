/// An order the store keeps ready for one kind of document, declared by the area that lists
/// them: a query of that kind ordered by these `fields` (all ascending or all descending), or
/// filtered by equality on the first ones and ordered by the rest, reads a page in order instead
/// of sorting every document of the kind, so that its cost follows the page and not the size of
/// the institution.
public struct SortIndex: Sendable, Hashable {
    /// The kind.
    public var kind: Kind
    /// The fields (of `Document.fields`), in order.
    public var fields: [String]

    /// Declares an index.
    public init(_ kind: Kind, _ fields: [String]) {
        self.kind = kind
        self.fields = fields
    }
}
