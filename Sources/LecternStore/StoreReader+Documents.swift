extension StoreReader {
    /// The documents of `kind` with the ids `ids`, by id, in one query; an id with no document
    /// is absent.
    public func documents(_ kind: Kind, ids: [String]) async throws -> [String: Document] {
        guard !ids.isEmpty else { return [:] }
        var query = DocumentQuery(kind: kind)
        query.ids = ids
        return Dictionary(try await find(query).items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
