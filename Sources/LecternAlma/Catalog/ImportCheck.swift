public import LecternMARC
import LecternPeople
public import LecternStore

/// The checks an import makes on a record before it writes anything, against one tenant's
/// libraries, locations and code tables: what a dry run checks. Matching against stored bibs
/// and barcodes is not among them (``Catalogue/importRecord(_:)`` does it).
public struct ImportCheck: Sendable {
    let codes: CatalogCodes

    /// Loads the tenant's codes through `reader`, once for any number of records.
    public static func load(from reader: any StoreReader) async throws -> ImportCheck {
        ImportCheck(codes: try await CatalogCodes.load(from: reader))
    }

    init(codes: CatalogCodes) {
        self.codes = codes
    }

    /// Checks `record` as an import would, without reading or writing the store.
    ///
    /// - throws: ``ImportRejection`` naming the first problem.
    public func check(_ record: MARCRecord) throws(ImportRejection) {
        _ = try split(record)
    }

    /// `record` split into the bib record and its inventory, checked.
    func split(_ record: MARCRecord) throws(ImportRejection) -> ImportSplit {
        var bib = record
        bib.fields.removeAll { $0.tag == "852" || $0.tag == "876" }
        // A MARCXML record is Unicode whatever leader/09 says; ISO 2709 MARC-8 never gets here.
        if bib.leader.utf8.count == 24, Array(bib.leader.utf8)[9] == UInt8(ascii: " ") {
            var leader = Array(bib.leader.utf8)
            leader[9] = UInt8(ascii: "a")
            bib.leader = String(decoding: leader, as: UTF8.self)
        }
        guard let title = bib.firstSubfieldValue("245", "a"), !title.isEmpty else {
            throw ImportRejection("Mandatory field 245 $a (title) is missing.")
        }
        var holdings: [ImportSplit.Holding] = []
        var links: [String: Int] = [:]
        for (index, field) in record.dataFields("852").enumerated() {
            let holding = try self.holding(field, number: index + 1)
            if let link = holding.link {
                guard links[link] == nil else { throw ImportRejection("Two 852 fields have the link number $8 \(link).") }
                links[link] = holdings.count
            }
            holdings.append(holding)
        }
        var items: [ImportSplit.Item] = []
        var barcodes = Set<String>()
        for (index, field) in record.dataFields("876").enumerated() {
            let number = index + 1
            let holding: Int
            if let link = field.subfieldValue("8").map(Self.linkNumber) {
                guard let linked = links[link] else { throw ImportRejection("876 \(number): no 852 has the link number $8 \(link).") }
                holding = linked
            } else {
                guard holdings.count == 1 else {
                    throw ImportRejection("876 \(number) has no $8 naming its 852, and the record has \(holdings.count) 852 fields.")
                }
                holding = 0
            }
            let item = ImportSplit.Item(holding: holding, field: field)
            if !item.barcode.isEmpty {
                guard barcodes.insert(item.barcode).inserted else {
                    throw ImportRejection("876 \(number): barcode \(item.barcode) is given twice in the record.")
                }
            }
            if !item.materialType.isEmpty, codes.tables.description(of: item.materialType, in: "PhysicalMaterialType") == nil {
                throw ImportRejection("876 \(number): $w \(item.materialType) is not a code of PhysicalMaterialType.")
            }
            items.append(item)
        }
        return ImportSplit(bib: bib, holdings: holdings, items: items)
    }

    private func holding(_ field: MARCRecord.Field, number: Int) throws(ImportRejection) -> ImportSplit.Holding {
        guard case .data(_, let indicator1, let indicator2, let subfields) = field else {
            throw ImportRejection("852 \(number) is not a data field.")
        }
        let library = field.subfieldValue("b") ?? ""
        let location = field.subfieldValue("c") ?? ""
        guard !library.isEmpty else { throw ImportRejection("852 \(number): $b (library) is missing.") }
        guard codes.libraries[library] != nil else { throw ImportRejection("852 \(number): library \(library) does not exist.") }
        guard !location.isEmpty else { throw ImportRejection("852 \(number): $c (location) is missing.") }
        guard codes.location(location, of: library) != nil else {
            throw ImportRejection("852 \(number): location \(location) does not exist in library \(library).")
        }
        let stored = MARCRecord.Field.data(
            tag: "852",
            indicator1: indicator1,
            indicator2: indicator2,
            subfields: subfields.filter { $0.code != "8" }
        )
        return ImportSplit.Holding(field: stored, link: field.subfieldValue("8").map(Self.linkNumber))
    }

    /// The link number of a `$8` (`1` of `1.2`): the field link, without the sequence number.
    static func linkNumber(_ value: String) -> String {
        String(value.prefix { $0 != "." }.filter { $0 != " " })
    }
}
