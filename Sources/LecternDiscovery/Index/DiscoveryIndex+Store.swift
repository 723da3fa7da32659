public import LecternStore

extension DiscoveryIndex {
    /// The entry the store's discovery index keeps for this record.
    public var entry: DiscoveryEntry {
        var text: [DiscoveryField: String] = [:]
        for (field, value) in searchText {
            if let column = DiscoveryField(rawValue: field) { text[column] = value }
        }
        var wholeValues: [DiscoveryField: [String]] = [:]
        for (field, values) in exactText {
            if let column = DiscoveryField(rawValue: field) { wholeValues[column] = values }
        }
        return DiscoveryEntry(text: text, wholeValues: wholeValues, facets: facets, sort: sort)
    }
}
