import LecternMARC
import LecternRepresentation

extension PublishedRecord {
    /// The record as published: ISO 2709 with the holdings' `AVA` fields, or, when ISO 2709
    /// cannot hold it, its `<record>` element in XML.
    public var text: String {
        var published = record
        published.fields += holdings.map(Self.field)
        if let bytes = try? ISO2709.encode(published) { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: XMLCodec.render(published.node, declaration: false), as: UTF8.self)
    }

    /// The published record `text` holds, or `nil` when `text` is not one (damaged, or written
    /// by a version that did not publish the places' names). From ISO 2709, the leader's
    /// lengths and addresses are the ones ISO 2709 wrote.
    public init?(text: String) {
        let bytes = Array(text.utf8)
        let published: MARCRecord
        if bytes.first == UInt8(ascii: "<") {
            guard let node = try? XMLCodec.parse(bytes), let record = try? MARCRecord(node: node) else { return nil }
            published = record
        } else {
            guard let record = try? ISO2709.record(from: bytes) else { return nil }
            published = record
        }
        var holdings: [DiscoveryHolding] = []
        for field in published.dataFields(Self.availabilityTag) {
            guard let holding = Self.holding(field) else { return nil }
            holdings.append(holding)
        }
        self.init(record: published, holdings: holdings)
    }

    /// The `AVA` field of `holding`.
    private static func field(_ holding: DiscoveryHolding) -> MARCRecord.Field {
        .data(
            tag: availabilityTag,
            indicator1: " ",
            indicator2: " ",
            subfields: [
                .init("b", holding.libraryCode), .init("c", holding.locationName), .init("d", holding.callNumber),
                .init("f", String(holding.totalItems)), .init("g", String(holding.totalItems - holding.availableItems)),
                .init("j", holding.locationCode), .init("q", holding.libraryName),
            ]
        )
    }

    /// The holding an `AVA` field publishes, or `nil` when a subfield is missing or a count is not a number.
    private static func holding(_ field: MARCRecord.Field) -> DiscoveryHolding? {
        guard let libraryCode = field.subfieldValue("b"), let libraryName = field.subfieldValue("q"),
            let locationCode = field.subfieldValue("j"), let locationName = field.subfieldValue("c"),
            let callNumber = field.subfieldValue("d"),
            let total = field.subfieldValue("f").flatMap(Int.init), let unavailable = field.subfieldValue("g").flatMap(Int.init)
        else { return nil }
        return DiscoveryHolding(
            libraryCode: libraryCode,
            libraryName: libraryName,
            locationCode: locationCode,
            locationName: locationName,
            callNumber: callNumber,
            availableItems: total - unavailable,
            totalItems: total
        )
    }
}
