public import LecternMARC

/// A bib as the catalogue publishes it to discovery, kept as its discovery entry's
/// ``LecternStore/DiscoveryEntry/display``: the MARC record in ISO 2709 with one `AVA` field per
/// holding, as Alma publishes availability to Primo (`$b` library code, `$c` location name, `$d`
/// call number, `$f` items, `$g` items not in place, `$j` location code, `$q` library name). A
/// page of search results is read from it instead of from the bib's, holdings' and items' XML;
/// the places' names are the ones they had when the bib was published, so reading it needs
/// nothing but this text.
public enum PublishedRecord {
    /// The tag of the fields that carry the holdings.
    public static let availabilityTag = "AVA"

    /// The published form of `record` and its `holdings`, or `nil` when the record cannot be
    /// published so (it already has `AVA` fields, or ISO 2709 cannot hold it): its readers then
    /// read the documents.
    public static func encode(_ record: MARCRecord, holdings: [DiscoveryHolding]) -> String? {
        guard record.dataFields(availabilityTag).isEmpty else { return nil }
        var published = record
        for holding in holdings {
            published.fields.append(
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
            )
        }
        guard let bytes = try? ISO2709.encode(published) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The record and holdings `text` publishes; `nil` when `text` is not a published record
    /// (or one published without the places' names).
    public static func decode(_ text: String) -> (record: MARCRecord, holdings: [DiscoveryHolding])? {
        guard var record = try? ISO2709.record(from: Array(text.utf8)) else { return nil }
        var holdings: [DiscoveryHolding] = []
        for field in record.dataFields(availabilityTag) {
            guard let total = field.subfieldValue("f").flatMap(Int.init), let unavailable = field.subfieldValue("g").flatMap(Int.init),
                let libraryName = field.subfieldValue("q"), let locationName = field.subfieldValue("c")
            else { return nil }
            holdings.append(
                DiscoveryHolding(
                    libraryCode: field.subfieldValue("b") ?? "",
                    libraryName: libraryName,
                    locationCode: field.subfieldValue("j") ?? "",
                    locationName: locationName,
                    callNumber: field.subfieldValue("d") ?? "",
                    availableItems: total - unavailable,
                    totalItems: total
                )
            )
        }
        record.fields.removeAll { if case .data(availabilityTag, _, _, _) = $0 { true } else { false } }
        return (record, holdings)
    }
}
