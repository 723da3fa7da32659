import LecternDiscovery
public import LecternMARC
import LecternStore

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

extension Catalogue {
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
    /// can go on with the next record. ``CatalogImporter`` imports many records the same way.
    ///
    /// - throws: ``ImportRejection`` for a record without 245 $a, an 852 naming no location of
    ///   the tenant, a bad 876 link or material type, or a barcode another bib's item has. Any
    ///   other error comes from the store: the transaction must then be abandoned.
    public func importRecord(_ record: MARCRecord) async throws -> ImportOutcome {
        let planner = ImportPlanner(ids: ids, codes: codes, stamp: stamp, user: user)
        let split = try ImportCheck(codes: codes).split(record)
        var stored = ImportStored()
        if let id = planner.catalogueID(split.bib) { stored.bib = try await tx.document(.bib, id: id) }
        var owners: [String: String] = [:]
        for number in BibFields.systemNumbers(split.bib) {
            guard let owner = try await tx.document(.bib, key: number, type: CatalogDocuments.systemNumber) else { continue }
            owners[number] = owner.id
            if stored.bib == nil { stored.bib = owner }
        }
        if let mmsID = stored.bib?.id {
            stored.holdings = try await tx.find(DocumentQuery(kind: .holding, parent: mmsID)).items
            stored.items = try await tx.find(DocumentQuery(kind: .item, parent: mmsID)).items
        }
        var barcodeOwners: [String: KeyOwner] = [:]
        for item in split.items where !item.barcode.isEmpty {
            if let owner = try await tx.document(.item, key: item.barcode, type: CatalogDocuments.barcode) {
                barcodeOwners[item.barcode] = KeyOwner(id: owner.id, parent: owner.parent)
            }
        }
        let match = try planner.match(split, stored: stored, owners: owners, barcodeOwners: barcodeOwners)
        let first = match.newCount > 0 ? try await tx.reserveNumbers(CatalogIDs.counter, count: match.newCount) : 0
        let plan = try planner.plan(match, firstNumber: first)
        try await tx.put(plan.documents)
        try await tx.setDiscovery(plan.entry, for: .bib, id: plan.mmsID)
        return plan.outcome
    }
}
