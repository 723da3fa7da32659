import LecternDiscovery
import LecternMARC
import LecternStore

/// What the store holds for a run of records to import, looked up in a few statements: the
/// bibs their 001s name, who has their 035 system numbers and their barcodes, and the holdings
/// and items of every bib they match.
struct ImportLookup {
    private let planner: ImportPlanner
    private var bibs: [String: Document] = [:]
    private var systemNumbers: [String: KeyOwner] = [:]
    private var holdings: [String: [Document]] = [:]
    private var items: [String: [Document]] = [:]
    /// The item that has each barcode of the records.
    private(set) var barcodeOwners: [String: KeyOwner] = [:]

    init(_ splits: ArraySlice<Result<ImportSplit, ImportRejection>>, planner: ImportPlanner, writer: any BulkWriter) throws {
        self.planner = planner
        var ids: [String] = []
        var numbers: [String] = []
        var barcodes: [String] = []
        for case .success(let split) in splits {
            if let id = planner.catalogueID(split.bib) { ids.append(id) }
            numbers += BibFields.systemNumbers(split.bib)
            barcodes += split.items.lazy.map(\.barcode).filter { !$0.isEmpty }
        }
        for bib in try writer.documents(.bib, ids: ids) { bibs[bib.id] = bib }
        systemNumbers = try writer.keyOwners(.bib, type: CatalogDocuments.systemNumber, values: numbers)
        barcodeOwners = try writer.keyOwners(.item, type: CatalogDocuments.barcode, values: barcodes)
        let owners = Set(systemNumbers.values.map(\.id)).subtracting(bibs.keys)
        for bib in try writer.documents(.bib, ids: Array(owners)) { bibs[bib.id] = bib }
        let matched = Array(bibs.keys)
        for holding in try writer.documents(.holding, parents: matched) { holdings[holding.parent ?? "", default: []].append(holding) }
        for item in try writer.documents(.item, parents: matched) { items[item.parent ?? "", default: []].append(item) }
    }

    /// The stored bib `split` matches (by 001, else by its first 035 a bib has) with its
    /// inventory, and who has each of its 035 numbers.
    func stored(for split: ImportSplit) -> (ImportStored, owners: [String: String]) {
        var stored = ImportStored()
        if let id = planner.catalogueID(split.bib) { stored.bib = bibs[id] }
        var owners: [String: String] = [:]
        for number in BibFields.systemNumbers(split.bib) {
            guard let owner = systemNumbers[number] else { continue }
            owners[number] = owner.id
            if stored.bib == nil { stored.bib = bibs[owner.id] }
        }
        if let id = stored.bib?.id {
            stored.holdings = holdings[id] ?? []
            stored.items = items[id] ?? []
        }
        return (stored, owners)
    }

    /// What `split` names that another record of its segment must not write before it is
    /// matched: the bib its 001 names, its 035 numbers and its barcodes.
    func claims(of split: ImportSplit) -> [String] {
        var claims: [String] = []
        if let id = planner.catalogueID(split.bib) { claims.append("b" + id) }
        for number in BibFields.systemNumbers(split.bib) { claims.append("n" + number) }
        for item in split.items where !item.barcode.isEmpty { claims.append("c" + item.barcode) }
        return claims
    }
}
