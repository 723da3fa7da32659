import LecternCore
import LecternDiscovery
import LecternStore

/// Finding the objects a catalogue path names, with the errors Alma answers when they are not there.
enum CatalogLookup {
    /// The bib `mmsID`.
    ///
    /// - throws: 402204 when the id is not numeric, 402203 when there is no such bib.
    static func bib(_ mmsID: String, in reader: any StoreReader) async throws -> Document {
        guard CatalogIDs.isNumeric(mmsID) else { throw APIError.mmsIDNotNumeric(mmsID) }
        guard let bib = try await reader.document(.bib, id: mmsID) else { throw APIError.mmsIDNotValid(mmsID) }
        return bib
    }

    /// The holding `holdingID` of the bib `mmsID` (which must exist).
    ///
    /// - throws: as ``bib(_:in:)``, and 60213 when the bib has no such holding.
    static func holding(_ holdingID: String, of mmsID: String, in reader: any StoreReader) async throws -> (bib: Document, holding: Document) {
        let bib = try await bib(mmsID, in: reader)
        guard let holding = try await reader.document(.holding, id: holdingID), holding.parent == mmsID else {
            throw APIError.holdingIDNotValid(holdingID)
        }
        return (bib, holding)
    }

    /// The item `pid` of the holding `holdingID` of the bib `mmsID`.
    ///
    /// - throws: 401690 when any of the three does not exist or they do not belong together.
    static func item(
        _ pid: String,
        holdingID: String,
        mmsID: String,
        in reader: any StoreReader
    ) async throws -> (bib: Document, holding: Document, item: Document) {
        let notFound = APIError.itemNotFound(mmsID: mmsID, holdingID: holdingID, pid: pid)
        guard let bib = try await reader.document(.bib, id: mmsID),
            let holding = try await reader.document(.holding, id: holdingID), holding.parent == mmsID,
            let item = try await reader.document(.item, id: pid), item.fields["holding_id"] == holdingID
        else { throw notFound }
        return (bib, holding, item)
    }
}
