import LecternMARC
import LecternRepresentation
import LecternStore

/// What the store holds of the bib an incoming record matched, read before the record is planned.
struct ImportStored: Sendable {
    /// The matched bib; `nil` when the record makes a new one.
    var bib: Document?
    /// The bib's holdings, in id order.
    var holdings: [Document] = []
    /// The bib's items.
    var items: [Document] = []
}

/// A record matched against the store: which stored holding and item each 852 and 876 updates.
struct ImportMatch: Sendable {
    var split: ImportSplit
    var stored: ImportStored
    /// The bib that has each 035 system number of the record, when one has it.
    var owners: [String: String]
    /// Per incoming holding, the stored holding it updates, or `nil` for a new one.
    var holdings: [Document?]
    /// Per incoming item, the stored item it updates, or `nil` for a new one.
    var items: [Document?]

    /// How many new identifiers the record needs: its bib's, if new, and its new holdings' and items'.
    var newCount: Int {
        (stored.bib == nil ? 1 : 0) + holdings.count { $0 == nil } + items.count { $0 == nil }
    }
}

/// A record ready to be written: its documents (the bib, its holdings, then its items) and the
/// bib's discovery entry.
struct ImportPlan: Sendable {
    var outcome: ImportOutcome
    var mmsID: String
    var documents: [Document]
    var entry: DiscoveryEntry?
}

/// The import's rules without the store (see ``Catalogue/importRecord(_:)``): matching a
/// record's inventory against what is stored, and the documents and discovery entry it
/// becomes. Callers look up what a record needs, in their own way and number, and plan it.
struct ImportPlanner: Sendable {
    let ids: CatalogIDs
    let codes: CatalogCodes
    var stamp: CatalogStamp
    let user: String

    /// The leader of a holdings record made by an import: a single-part item holdings record.
    static let holdingsLeader = "00000nx  a2200000un 4500"

    /// The MMS id of this catalogue that the 001 of `bib` names, if it names one.
    func catalogueID(_ bib: MARCRecord) -> String? {
        guard let id = bib.controlField("001"), CatalogIDs.isNumeric(id), id.hasPrefix(CatalogIDs.Prefix.bib.rawValue),
            id.hasSuffix(ids.suffix)
        else { return nil }
        return id
    }

    /// Matches `split`'s holdings and items against `stored`.
    ///
    /// - parameter barcodeOwners: the item that has each barcode of `split`, as the store knows
    ///   it (a barcode of `stored`'s own items may be left out).
    /// - throws: ``ImportRejection`` when a barcode belongs to an item of another bib.
    func match(
        _ split: ImportSplit,
        stored: ImportStored,
        owners: [String: String],
        barcodeOwners: [String: KeyOwner]
    ) throws(ImportRejection) -> ImportMatch {
        let holdings = Self.matchHoldings(split.holdings, stored: stored.holdings)
        let items = try Self.matchItems(split, holdingMatches: holdings, stored: stored.items, barcodeOwners: barcodeOwners)
        return ImportMatch(split: split, stored: stored, owners: owners, holdings: holdings, items: items)
    }

    /// The documents and discovery entry of `match`, new ones numbered from `firstNumber` of the
    /// catalogue counter (``ImportMatch/newCount`` of them).
    ///
    /// - throws: an ``APIError`` of ``ItemRules`` when an item's code tables lack a default code.
    func plan(_ match: ImportMatch, firstNumber: Int64) throws -> ImportPlan {
        var next = firstNumber
        func newID(_ prefix: CatalogIDs.Prefix) -> String {
            defer { next += 1 }
            return ids.id(prefix, next)
        }
        let split = match.split
        let stored = match.stored
        let bibID = stored.bib?.id ?? newID(.bib)
        var documents: [Document] = []
        documents.reserveCapacity(1 + split.holdings.count + split.items.count)
        documents.append(bibDocument(split.bib, id: bibID, stored: stored.bib, owners: match.owners))
        var holdings: [Document] = []
        for (holding, storedHolding) in zip(split.holdings, match.holdings) {
            let id = storedHolding?.id ?? newID(.holding)
            let document = holdingDocument(holding, stored: storedHolding, id: id, mmsID: bibID)
            holdings.append(document)
            documents.append(document)
        }
        for (item, storedItem) in zip(split.items, match.items) {
            let holding = holdings[item.holding]
            let body = try ItemRules.canonical(
                item.applied(to: storedItem?.body ?? Node("item")),
                pid: storedItem?.id ?? newID(.item),
                holding: HoldingRules.Location(holding.body),
                created: storedItem?.body.value("item_data/creation_date"),
                codes: codes,
                stamp: stamp,
                user: user
            )
            documents.append(CatalogDocuments.item(body, mmsID: bibID, holdingID: holding.id))
        }
        let entry = discoveryEntry(documents, record: split.bib, holdings: holdings, stored: stored)
        return ImportPlan(
            outcome: stored.bib == nil ? .created(mmsID: bibID) : .updated(mmsID: bibID),
            mmsID: bibID,
            documents: documents,
            entry: entry
        )
    }

    /// The discovery entry of the bib planned (`documents[0]`), from what the plan holds instead
    /// of reading it all back: its holdings (written or kept) and items (written, after the
    /// holdings in `documents`, or kept).
    private func discoveryEntry(_ documents: [Document], record: MARCRecord, holdings: [Document], stored: ImportStored) -> DiscoveryEntry? {
        let bib = documents[0]
        var allHoldings = holdings
        var allItems = documents.filter { $0.kind == .item }
        if !stored.holdings.isEmpty || !stored.items.isEmpty {
            let written = Set(documents.map(\.id))
            allHoldings = (holdings + stored.holdings.filter { !written.contains($0.id) }).sorted { $0.id < $1.id }
            allItems += stored.items.filter { !written.contains($0.id) }
        } else {
            allHoldings.sort { $0.id < $1.id }
        }
        var record = record
        record.setControlField("001", bib.id)
        record.setControlField("005", stamp.marcTimestamp)
        let summaries = CatalogDiscovery.summaries(holdings: allHoldings, items: allItems, codes: codes)
        return CatalogDiscovery.entry(bib: bib, record: record, holdings: summaries, institution: ids.institution)
    }

    /// For each incoming holding, the stored holding it updates, or `nil` for a new one.
    private static func matchHoldings(_ holdings: [ImportSplit.Holding], stored: [Document]) -> [Document?] {
        guard !stored.isEmpty else { return holdings.map { _ in nil } }
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
    private static func matchItems(
        _ split: ImportSplit,
        holdingMatches: [Document?],
        stored: [Document],
        barcodeOwners: [String: KeyOwner]
    ) throws(ImportRejection) -> [Document?] {
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
                if let other = barcodeOwners[item.barcode] {
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
