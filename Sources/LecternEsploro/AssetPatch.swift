import LecternCore
import LecternRepresentation

/// `POST /assets/{id}?op=patch&action=add|replace` (ESPLORO.md section 3): only dates,
/// identifiers, funding, the grants note, links and `temporary` may change. `add` fills empty
/// simple fields and appends to lists; `replace` replaces simple fields and swaps lists.
struct AssetPatch {
    enum Action: String {
        case add
        case replace
    }

    let action: Action
    let change: AssetRecord

    static func isPatchable(_ key: String) -> Bool {
        key.hasPrefix("date.") || key.hasPrefix("identifier.") || ["fundingreferenceList", "grants.note", "links", "temporary"].contains(key)
    }

    func applied(to stored: AssetRecord) throws -> AssetRecord {
        if let key = change.entries.first(where: { !Self.isPatchable($0.key) })?.key {
            throw APIError.invalidAsset(
                "\(key) cannot be patched; patch changes dates, identifiers, fundingreferenceList, grants.note, links and temporary."
            )
        }
        var record = stored
        for entry in change.entries {
            switch (action, record[entry.key], entry.value) {
            case (.add, .array(let old)?, .array(let new)):
                record[entry.key] = .array(old + new)
            case (.add, let old?, _) where old != .null && old.scalarText?.isEmpty != true:
                continue  // a simple field that has a value keeps it
            default:
                record[entry.key] = entry.value
            }
        }
        return record
    }
}
