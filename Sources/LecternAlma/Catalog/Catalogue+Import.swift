public import LecternMARC
import LecternRepresentation
public import LecternStore

// Bulk import and export in the exchange form: one bib record per title with its inventory
// embedded, an 852 per holding and an 876 per item, as ILS migrations and Alma's own "MARC
// with embedded holdings and items" exports carry it.
//
// | field | subfield | becomes                                                        |
// |-------|----------|----------------------------------------------------------------|
// | 852   | $8       | the link number its 876s name; not stored (export renumbers)   |
// | 852   | the rest | the holding's record (leader `00000nx  a2200000un 4500`, 008)  |
// | 876   | $8       | which 852 (by link number, up to a `.`) the item belongs to    |
// | 876   | $p       | `item_data/barcode` (an item's match key on re-import)         |
// | 876   | $w       | `item_data/physical_material_type` (default `BOOK`)            |
// | 876   | $3       | `item_data/description`                                        |
// | 876   | $z       | `item_data/public_note`                                        |
// | 876   | $x       | `item_data/internal_note_1`                                    |
//
// Other 876 subfields ($t copy number among them: Lectern's items have no copy id yet) are not
// kept. An 876 without $8 belongs to the only 852 of its record.

/// What importing one record did to the catalogue.
public enum ImportOutcome: Sendable, Hashable {
    /// A new bib, with its holdings and items.
    case created(mmsID: String)
    /// An existing bib (matched by 001 or an 035) replaced, its holdings and items updated or added.
    case updated(mmsID: String)
}

/// Why a record was not imported. Nothing of the record was written.
public struct ImportRejection: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in one sentence naming the field at fault.
    public var reason: String

    /// Creates a rejection.
    public init(_ reason: String) {
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}

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

/// Counter numbers reserved ahead: a block of `size` at a time (or what one record needs, if more).
struct NumberBlock {
    let size: Int
    private var next: Int64 = 0
    private var end: Int64 = 0

    init(size: Int) {
        self.size = size
    }

    /// The first of `count` consecutive numbers of the catalogue counter.
    mutating func take(_ count: Int, from tx: any StoreWriter) async throws -> Int64 {
        guard count > 0 else { return next }
        if end - next < Int64(count) {
            let reserved = max(count, size)
            next = try await tx.reserveNumbers(CatalogIDs.counter, count: reserved)
            end = next + Int64(reserved)
        }
        defer { next += Int64(count) }
        return next
    }
}

/// A record split for import: the bib record without 852/876, and its inventory.
struct ImportSplit: Sendable {
    var bib: MARCRecord
    var holdings: [Holding]
    var items: [Item]

    /// One 852: the field to store (without $8) and its link number.
    struct Holding: Sendable {
        var field: MARCRecord.Field
        var link: String?

        /// What matches a stored holding on re-import: library, location and call number.
        var matchKey: String {
            let callNumber = [field.subfieldValue("h"), field.subfieldValue("i")].compactMap { $0 }.joined(separator: " ")
            return "\(field.subfieldValue("b") ?? "")\u{1F}\(field.subfieldValue("c") ?? "")\u{1F}\(callNumber)"
        }
    }

    /// One 876: its holding (an index into `holdings`) and the `item_data` it gives.
    struct Item: Sendable {
        var holding: Int
        var barcode: String
        var materialType: String
        var description: String
        var publicNote: String
        var internalNote: String

        init(holding: Int, field: MARCRecord.Field) {
            self.holding = holding
            barcode = field.subfieldValue("p") ?? ""
            materialType = field.subfieldValue("w") ?? ""
            description = field.subfieldValue("3") ?? ""
            publicNote = field.subfieldValue("z") ?? ""
            internalNote = field.subfieldValue("x") ?? ""
        }

        /// `item` (a stored item's body, or an empty `<item>`) with this 876's values; library and
        /// location are left to follow the holding.
        func applied(to item: Node) -> Node {
            var item = item
            var data = item.child("item_data") ?? Node("item_data")
            data.removeChildren(named: "library")
            data.removeChildren(named: "location")
            for (name, value) in [
                ("barcode", barcode), ("physical_material_type", materialType), ("description", description),
                ("public_note", publicNote), ("internal_note_1", internalNote),
            ] {
                data.setChild(Node(name, text: value))
            }
            item.setChild(data)
            return item
        }
    }
}

extension Catalogue {
    /// The leader of a holdings record made by an import: a single-part item holdings record.
    static let holdingsLeader = "00000nx  a2200000un 4500"

    /// Imports `record`, a bib in the exchange form (see the table at the top of this file), in
    /// this transaction.
    ///
    /// The record matches a stored bib by its 001 when that is an MMS id of this catalogue, else
    /// by its first 035 $a that a stored bib owns. A matched bib is replaced (swap-all: the
    /// record, with the bib's own fields such as suppression kept); otherwise a bib is created.
    /// Each 852 matches a holding of the matched bib with the same library, location and call
    /// number, each 876 an item by its barcode (an item without barcode: the next unmatched one
    /// without barcode of the same holding); what matches is updated, the rest is added. An
    /// import never deletes a holding or an item. So importing a file again, after an
    /// interruption or not, adds no duplicates.
    ///
    /// Everything that can refuse the record is checked before anything is written: a record
    /// that throws ``ImportRejection`` left nothing of itself in the transaction, and the caller
    /// can go on with the next record.
    ///
    /// - throws: ``ImportRejection`` for a record without 245 $a, an 852 naming no location of
    ///   the tenant, a bad 876 link or material type, or a barcode another bib's item has. Any
    ///   other error comes from the store: the transaction must then be abandoned.
    public func importRecord(_ record: MARCRecord) async throws -> ImportOutcome {
        var numbers = NumberBlock(size: 0)
        let imported = try await importRecord(record, numbers: &numbers)
        try await tx.setDiscovery(imported.entry, for: .bib, id: imported.mmsID)
        return imported.outcome
    }

    /// Imports `records` one after the other in this transaction, each as
    /// ``importRecord(_:)`` does, with fewer trips to the store: identifiers are reserved in
    /// blocks (the unused rest of the last block is skipped, which leaves a gap in the numbers),
    /// and the discovery entries are written after all the documents: SQLite's full-text index
    /// flushes its pending terms to disk at each later statement that opens a savepoint, so
    /// interleaving them would write the index once per record.
    ///
    /// - returns: for each record, what importing it did or why it was rejected (nothing of a
    ///   rejected record was written; the others were).
    /// - throws: an error of the store: the transaction must then be abandoned.
    public func importRecords(_ records: [MARCRecord]) async throws -> [Result<ImportOutcome, ImportRejection>] {
        var numbers = NumberBlock(size: 256)
        var results: [Result<ImportOutcome, ImportRejection>] = []
        results.reserveCapacity(records.count)
        var entries: [(mmsID: String, entry: DiscoveryEntry?)] = []
        entries.reserveCapacity(records.count)
        for record in records {
            do {
                let imported = try await importRecord(record, numbers: &numbers)
                results.append(.success(imported.outcome))
                entries.append((imported.mmsID, imported.entry))
            } catch let rejection as ImportRejection {
                results.append(.failure(rejection))
            }
        }
        for (mmsID, entry) in entries { try await tx.setDiscovery(entry, for: .bib, id: mmsID) }
        return results
    }

    /// Writes `record`'s documents and answers what its discovery entry is to be.
    private func importRecord(
        _ record: MARCRecord,
        numbers: inout NumberBlock
    ) async throws -> (outcome: ImportOutcome, mmsID: String, entry: DiscoveryEntry?) {
        let split = try ImportCheck(codes: codes).split(record)
        let match = try await self.match(split.bib)
        let mmsID = match.bib?.id
        var storedHoldings: [Document] = []
        var storedItems: [Document] = []
        if let mmsID {
            storedHoldings = try await tx.find(DocumentQuery(kind: .holding, parent: mmsID)).items
            storedItems = try await tx.find(DocumentQuery(kind: .item, parent: mmsID)).items
        }
        let holdingMatches = Self.matchHoldings(split.holdings, stored: storedHoldings)
        let itemMatches = try await matchItems(split, holdingMatches: holdingMatches, stored: storedItems, mmsID: mmsID)

        // Every check is done: from here on the record is written whole.
        let newCount = (mmsID == nil ? 1 : 0) + holdingMatches.count { $0 == nil } + itemMatches.count { $0 == nil }
        var next = try await numbers.take(newCount, from: tx)
        func newID(_ prefix: CatalogIDs.Prefix) -> String {
            defer { next += 1 }
            return ids.id(prefix, next)
        }
        let bibID = mmsID ?? newID(.bib)
        var documents: [Document] = []
        documents.reserveCapacity(1 + split.holdings.count + split.items.count)
        documents.append(bibDocument(split.bib, id: bibID, stored: match.bib, owners: match.owners))
        var holdings: [Document] = []
        for (holding, stored) in zip(split.holdings, holdingMatches) {
            let document = holdingDocument(holding, stored: stored, id: stored?.id ?? newID(.holding), mmsID: bibID)
            holdings.append(document)
            documents.append(document)
        }
        for (item, stored) in zip(split.items, itemMatches) {
            let holding = holdings[item.holding]
            let body = try ItemRules.canonical(
                item.applied(to: stored?.body ?? Node("item")),
                pid: stored?.id ?? newID(.item),
                holding: HoldingRules.Location(holding.body),
                created: stored?.body.value("item_data/creation_date"),
                codes: codes,
                stamp: stamp,
                user: user
            )
            documents.append(CatalogDocuments.item(body, mmsID: bibID, holdingID: holding.id))
        }
        try await tx.put(documents)
        let entry = discoveryEntry(documents, record: split.bib, holdings: holdings, storedHoldings: storedHoldings, storedItems: storedItems)
        return (mmsID == nil ? .created(mmsID: bibID) : .updated(mmsID: bibID), bibID, entry)
    }

    /// The discovery entry of the bib just written (`documents[0]`), from what the import holds
    /// instead of reading it all back: its holdings (written or kept) and items (written, after
    /// the holdings in `documents`, or kept).
    private func discoveryEntry(
        _ documents: [Document],
        record: MARCRecord,
        holdings: [Document],
        storedHoldings: [Document],
        storedItems: [Document]
    ) -> DiscoveryEntry? {
        let bib = documents[0]
        let written = Set(documents.map(\.id))
        let allHoldings = (holdings + storedHoldings.filter { !written.contains($0.id) }).sorted { $0.id < $1.id }
        let allItems = documents.filter { $0.kind == .item } + storedItems.filter { !written.contains($0.id) }
        var record = record
        record.setControlField("001", bib.id)
        record.setControlField("005", stamp.marcTimestamp)
        let summaries = CatalogDiscovery.summaries(holdings: allHoldings, items: allItems, codes: codes)
        return CatalogDiscovery.entry(bib: bib, record: record, holdings: summaries, institution: ids.institution)
    }

    /// The stored bib `bib` matches, and who owns each of its 035 system numbers.
    private func match(_ bib: MARCRecord) async throws -> (bib: Document?, owners: [String: String]) {
        var matched: Document?
        if let id = bib.controlField("001"), CatalogIDs.isNumeric(id), id.hasPrefix(CatalogIDs.Prefix.bib.rawValue),
            id.hasSuffix(ids.suffix)
        {
            matched = try await tx.document(.bib, id: id)
        }
        var owners: [String: String] = [:]
        for number in BibFields.systemNumbers(bib) {
            guard let owner = try await tx.document(.bib, key: number, type: CatalogDocuments.systemNumber) else { continue }
            owners[number] = owner.id
            if matched == nil { matched = owner }
        }
        return (matched, owners)
    }

    /// For each incoming holding, the stored holding it updates, or `nil` for a new one.
    private static func matchHoldings(_ holdings: [ImportSplit.Holding], stored: [Document]) -> [Document?] {
        var available: [String: [Document]] = [:]
        for document in stored {
            let location = HoldingRules.Location(document.body)
            available["\(location.library)\u{1F}\(location.location)\u{1F}\(location.callNumber)", default: []].append(document)
        }
        return holdings.map { holding in
            guard var candidates = available[holding.matchKey], !candidates.isEmpty else { return nil }
            let first = candidates.removeFirst()
            available[holding.matchKey] = candidates
            return first
        }
    }

    /// For each incoming item, the stored item it updates, or `nil` for a new one.
    ///
    /// - throws: ``ImportRejection`` when a barcode belongs to an item of another bib.
    private func matchItems(
        _ split: ImportSplit,
        holdingMatches: [Document?],
        stored: [Document],
        mmsID: String?
    ) async throws -> [Document?] {
        var byBarcode: [String: Document] = [:]
        var withoutBarcode: [String: [Document]] = [:]
        for item in stored {
            let barcode = item.body.value("item_data/barcode") ?? ""
            if barcode.isEmpty {
                withoutBarcode[item.fields["holding_id"] ?? "", default: []].append(item)
            } else {
                byBarcode[barcode] = item
            }
        }
        var matches: [Document?] = []
        matches.reserveCapacity(split.items.count)
        for item in split.items {
            if item.barcode.isEmpty {
                let holdingID = holdingMatches[item.holding]?.id ?? ""
                if var candidates = withoutBarcode[holdingID], !candidates.isEmpty {
                    matches.append(candidates.removeFirst())
                    withoutBarcode[holdingID] = candidates
                } else {
                    matches.append(nil)
                }
            } else if let own = byBarcode[item.barcode] {
                matches.append(own)
            } else {
                if let other = try await tx.document(.item, key: item.barcode, type: CatalogDocuments.barcode) {
                    let owner = other.parent.map { " of bib \($0)" } ?? ""
                    throw ImportRejection("876: barcode \(item.barcode) already belongs to item \(other.id)\(owner).")
                }
                matches.append(nil)
            }
        }
        return matches
    }

    private func bibDocument(_ record: MARCRecord, id: String, stored: Document?, owners: [String: String]) -> Document {
        let created = stored.map { (by: $0.body.value("created_by") ?? user, date: $0.body.value("created_date") ?? stamp.date) }
        let bib = BibRules.canonical(stored?.body ?? Node("bib"), record: record, mmsID: id, created: created, stamp: stamp, user: user)
        let owned = BibFields.systemNumbers(record).filter { owners[$0] == nil || owners[$0] == id }
        return CatalogDocuments.bib(bib, systemNumbers: owned)
    }

    private func holdingDocument(_ holding: ImportSplit.Holding, stored: Document?, id: String, mmsID: String) -> Document {
        var record: MARCRecord
        if let node = stored?.body.child("record"), let storedRecord = try? MARCRecord(node: node) {
            // The stored record's other fields (008, 866 summaries added through the API) stay.
            record = storedRecord
            let index = record.fields.firstIndex { $0.tag == "852" } ?? record.fields.count
            record.fields.removeAll { $0.tag == "852" }
            record.fields.insert(holding.field, at: index)
        } else {
            record = MARCRecord(
                leader: Self.holdingsLeader,
                fields: [.control(tag: "008", value: holdings008()), holding.field]
            )
        }
        let created = stored.map { (by: $0.body.value("created_by") ?? user, date: $0.body.value("created_date") ?? stamp.date) }
        let body = HoldingRules.canonical(
            stored?.body ?? Node("holding"),
            record: record,
            holdingID: id,
            mmsID: mmsID,
            created: created,
            stamp: stamp,
            user: user
        )
        return CatalogDocuments.holding(body, mmsID: mmsID)
    }

    /// A holdings 008 for today: entered `yymmdd`, receipt status unknown, permanently retained,
    /// completeness not applicable, one copy, lending and reproduction policy unknown.
    private func holdings008() -> String {
        let day = String(stamp.marcTimestamp.dropFirst(2).prefix(6))
        return day + "0u    8   4001uu   0" + day
    }
}

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
