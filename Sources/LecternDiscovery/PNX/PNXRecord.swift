/// A PNX record (Primo's normalized record) in the Primo VE shape: eight sections of named
/// fields, each field a list of strings that may carry `$$X` subfield markup
/// (`"Defoe, Daniel$$QDefoe, Daniel"`, `"$$CISBN$$V9780141439822"`).
///
/// Built by ``PNXNormalizer``; written as the `pnx` object of a Primo answer (``node``, ``shape``);
/// read by ``DiscoveryIndex`` for the search engine. A field with no values is never stored,
/// so a section lists only what the record has.
public struct PNXRecord: Sendable, Hashable {
    /// Identity and provenance: `recordid`, `sourcerecordid`, `sourceid`, `sourcesystem` …
    public var control = PNXSection()
    /// What the front end shows: `type`, `title`, `creator`, `subject` …
    public var display = PNXSection()
    /// Links: `linktorsrc`.
    public var links = PNXSection()
    /// What the search indexes read: `title`, `creatorcontrib`, `isbn` …
    public var search = PNXSection()
    /// Sort keys: `title`, `author`, `creationdate`.
    public var sort = PNXSection()
    /// Facet values: `rsrctype`, `topic`, `language`, `library`, `toplevel` …
    public var facets = PNXSection()
    /// Delivery category and institution.
    public var delivery = PNXSection()
    /// The citation (OpenURL) block: `au`, `btitle`, `date`, `isbn`, `ristype` …
    public var addata = PNXSection()

    /// Creates an empty record.
    public init() {}

    /// The sections' wire names, in the order a Primo answer writes them.
    public static let sectionNames = ["control", "display", "links", "search", "sort", "facets", "delivery", "addata"]

    /// The sections with their wire names, in the order of ``sectionNames``.
    public var sections: [(name: String, section: PNXSection)] {
        Array(zip(Self.sectionNames, [control, display, links, search, sort, facets, delivery, addata]))
    }
}

/// One section of a PNX record: named fields in insertion order.
public struct PNXSection: Sendable, Hashable {
    /// The fields, in order; no two share a name and none is empty.
    public private(set) var fields: [PNXField] = []

    /// Creates an empty section.
    public init() {}

    /// Creates an empty section with room for `capacity` fields, so the normalizer's adds never
    /// grow the array.
    init(capacity: Int) {
        fields.reserveCapacity(capacity)
    }

    /// The values of field `name`; empty when the section has no such field.
    public subscript(name: String) -> [String] {
        fields.first { $0.name == name }?.values ?? []
    }

    /// The field names, in order.
    public var names: [String] { fields.map(\.name) }

    /// Adds `values` to field `name`, creating the field at the end when it is new. Empty
    /// strings are dropped, so a field never holds one, and nothing is added when none is left.
    public mutating func append(_ name: String, _ values: [String]) {
        var kept = values
        if kept.contains(where: \.isEmpty) { kept.removeAll { $0.isEmpty } }
        guard !kept.isEmpty else { return }
        if let index = fields.firstIndex(where: { $0.name == name }) {
            fields[index].values.append(contentsOf: kept)
        } else {
            fields.append(PNXField(name: name, values: kept))
        }
    }

    /// Adds one value to field `name`; an empty value adds nothing.
    public mutating func append(_ name: String, _ value: String) {
        guard !value.isEmpty else { return }
        append(name, [value])
    }

    /// `append` for the normalizer, which adds each field once: no search for an existing
    /// field (checked in debug builds).
    mutating func add(_ name: String, _ values: [String]) {
        assert(!fields.contains { $0.name == name }, "field \(name) added twice")
        var kept = values
        if kept.contains(where: \.isEmpty) { kept.removeAll { $0.isEmpty } }
        guard !kept.isEmpty else { return }
        fields.append(PNXField(name: name, values: kept))
    }

    /// `append` of one value, for the normalizer.
    mutating func add(_ name: String, _ value: String) {
        guard !value.isEmpty else { return }
        add(name, [value])
    }

    /// Removes field `name`.
    public mutating func remove(_ name: String) {
        fields.removeAll { $0.name == name }
    }
}

/// One PNX field: a name and its values.
public struct PNXField: Sendable, Hashable {
    /// The field name (`title`, `creatorcontrib`).
    public var name: String
    /// The values, each a string, in order.
    public var values: [String]

    /// Creates a field.
    public init(name: String, values: [String]) {
        self.name = name
        self.values = values
    }
}
