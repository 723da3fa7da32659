import LecternDiscovery
public import LecternMARC
import LecternRepresentation
public import LecternStore

extension Catalogue {
    /// One page of the tenant's bibs in the exchange form, in MMS id order: each bib's record
    /// with an 852 per holding and an 876 per item (see the table at the top of this file), so
    /// that importing the export elsewhere gives the same catalogue.
    ///
    /// - parameter offset: how many bibs to skip.
    /// - parameter limit: the most bibs to answer; fewer means this is the last page.
    public static func exportRecords(from reader: any StoreReader, offset: Int, limit: Int) async throws -> [MARCRecord] {
        let bibs = try await reader.find(DocumentQuery(kind: .bib, limit: limit, offset: offset)).items
        var records: [MARCRecord] = []
        records.reserveCapacity(bibs.count)
        for bib in bibs {
            let holdings = try await reader.find(DocumentQuery(kind: .holding, parent: bib.id)).items
            let items = holdings.isEmpty ? [] : try await reader.find(DocumentQuery(kind: .item, parent: bib.id)).items
            records.append(try exchangeRecord(bib: bib, holdings: holdings, items: items))
        }
        return records
    }

    /// The exchange form of `bib`: its record with `holdings` as 852 (`$8` their position from
    /// 1) and `items` as 876, each placed in tag order.
    static func exchangeRecord(bib: Document, holdings: [Document], items: [Document]) throws -> MARCRecord {
        var record = try MARCRecord(node: bib.body.child("record") ?? Node("record"))
        var holdingFields: [MARCRecord.Field] = []
        var links: [String: String] = [:]
        for holding in holdings {
            let link = String(holdingFields.count + 1)
            links[holding.id] = link
            let stored = holding.body.child("record").flatMap { try? MARCRecord(node: $0) }
            guard case .data(_, let indicator1, let indicator2, let subfields)? = stored?.dataFields("852").first else { continue }
            holdingFields.append(
                .data(tag: "852", indicator1: indicator1, indicator2: indicator2, subfields: [.init("8", link)] + subfields)
            )
        }
        var itemFields: [MARCRecord.Field] = []
        for item in items {
            guard let link = links[item.fields["holding_id"] ?? ""] else { continue }
            var subfields = [MARCRecord.Subfield("8", link)]
            for (code, name) in [
                ("p", "barcode"), ("w", "physical_material_type"), ("3", "description"), ("z", "public_note"),
                ("x", "internal_note_1"),
            ] {
                if let value = item.body.value("item_data/\(name)"), !value.isEmpty { subfields.append(.init(Character(code), value)) }
            }
            itemFields.append(.data(tag: "876", indicator1: " ", indicator2: " ", subfields: subfields))
        }
        record.fields.removeAll { $0.tag == "852" || $0.tag == "876" }
        for (tag, fields) in [("852", holdingFields), ("876", itemFields)] {
            let index = record.fields.firstIndex { $0.tag > tag } ?? record.fields.count
            record.fields.insert(contentsOf: fields, at: index)
        }
        return record
    }
}
