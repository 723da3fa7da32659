import LecternDiscovery
import LecternMARC

/// A bib as the catalogue publishes it to discovery, kept as its discovery entry's
/// ``LecternStore/DiscoveryEntry/display``: the MARC record in ISO 2709 with one `AVA` field per
/// holding, as Alma publishes availability to Primo (`$b` library code, `$j` location code,
/// `$d` call number, `$f` items, `$g` items not in place). A page of search results is read
/// from it instead of from the bib's, holdings' and items' XML; the places' names are looked up
/// when it is read, so renaming a library needs no reindexing.
enum PublishedRecord {
    static let availabilityTag = "AVA"

    /// The published form of `record` and its `holdings`, or `nil` when the record cannot be
    /// published so (it already has `AVA` fields, or ISO 2709 cannot hold it): its readers then
    /// read the documents.
    static func encode(_ record: MARCRecord, holdings: [DiscoveryHolding]) -> String? {
        guard record.dataFields(availabilityTag).isEmpty else { return nil }
        var published = record
        for holding in holdings {
            published.fields.append(
                .data(
                    tag: availabilityTag,
                    indicator1: " ",
                    indicator2: " ",
                    subfields: [
                        .init("b", holding.libraryCode), .init("j", holding.locationCode), .init("d", holding.callNumber),
                        .init("f", String(holding.totalItems)), .init("g", String(holding.totalItems - holding.availableItems)),
                    ]
                )
            )
        }
        guard let bytes = try? ISO2709.encode(published) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The record and holdings `text` publishes, names from `codes`; `nil` when `text` is not a
    /// published record.
    static func decode(_ text: String, codes: CatalogCodes) -> (record: MARCRecord, holdings: [DiscoveryHolding])? {
        guard var record = try? ISO2709.record(from: Array(text.utf8)) else { return nil }
        var holdings: [DiscoveryHolding] = []
        for field in record.dataFields(availabilityTag) {
            guard let total = field.subfieldValue("f").flatMap(Int.init), let unavailable = field.subfieldValue("g").flatMap(Int.init)
            else { return nil }
            holdings.append(
                CatalogDiscovery.holding(
                    library: field.subfieldValue("b") ?? "",
                    location: field.subfieldValue("j") ?? "",
                    callNumber: field.subfieldValue("d") ?? "",
                    available: total - unavailable,
                    total: total,
                    codes: codes
                )
            )
        }
        record.fields.removeAll { if case .data(availabilityTag, _, _, _) = $0 { true } else { false } }
        return (record, holdings)
    }
}
