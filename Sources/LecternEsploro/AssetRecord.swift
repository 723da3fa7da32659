import Foundation
import LecternCore
public import LecternRepresentation

/// One research asset as the assets API shows it: a JSON object with Esploro's dotted keys
/// (`title`, `identifier.doi`, `creators`, …; ESPLORO.md section 3), kept in the client's key
/// order so that what a script PUTs is what it GETs.
public struct AssetRecord: Sendable, Hashable {
    /// The properties, in order.
    public var entries: [JSONEntry]

    /// Creates a record.
    public init(_ entries: [JSONEntry]) {
        self.entries = entries
    }

    /// The value under `key`.
    public subscript(key: String) -> JSONValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            entries.removeAll { $0.key == key && newValue == nil }
            guard let newValue else { return }
            if let index = entries.firstIndex(where: { $0.key == key }) {
                entries[index].value = newValue
            } else {
                entries.append(JSONEntry(key, newValue))
            }
        }
    }

    /// The text of the scalar under `key`, `nil` when absent, `null` or empty.
    public func text(_ key: String) -> String? {
        guard let text = self[key]?.scalarText?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }

    /// The record as JSON.
    public var json: JSONValue { .object(entries) }

    // MARK: - Reading requests

    /// The records of a request body: `{"records":[{…}]}` as the real API takes it, or one bare record.
    static func records(in body: Call.Body?) throws -> [AssetRecord] {
        switch body {
        case .none: throw APIError.invalidAsset("The request has no body.")
        case .xml: throw APIError.jsonOnly
        case .json(let bytes):
            let value: JSONValue
            do { value = try JSONValue.parse(bytes) } catch { throw APIError.invalidAsset("The body is not valid JSON: \(error.message)") }
            guard case .object(let entries) = value else { throw APIError.invalidAsset("The body must be a JSON object.") }
            let record = AssetRecord(entries)
            guard let list = record["records"] else { return [record] }
            guard case .array(let items) = list, !items.isEmpty else { throw APIError.invalidAsset("records must be a non-empty array.") }
            return try items.map { item in
                guard case .object(let entries) = item else { throw APIError.invalidAsset("Each of records must be an object.") }
                return AssetRecord(entries)
            }
        }
    }

    // MARK: - Rules

    /// Checks what every asset needs and the forms of its identifiers.
    func validated() throws -> AssetRecord {
        if let (path, reason) = json.firstUnstorableValue() { throw APIError.invalidAsset("The value of \(path) \(reason).") }
        guard text("title") != nil else { throw APIError.mandatoryFieldMissing("title") }
        guard let type = text("resourcetype.esploro") else { throw APIError.mandatoryFieldMissing("resourcetype.esploro") }
        guard AssetTypes.descriptions[type] != nil else { throw APIError.invalidAsset("Unknown asset type \(type).") }
        if let doi = self["identifier.doi"], doi != .null {
            guard let text = doi.scalarText, Self.isDOI(text) else {
                throw APIError.invalidAsset("identifier.doi is not a DOI: \(doi.scalarText ?? doi.kind).")
            }
        }
        for key in ["creators", "contributors", "links", "files", "fundingreferenceList", "keywords"] {
            guard let value = self[key], value != .null else { continue }
            guard case .array(let items) = value, items.allSatisfy({ if case .object = $0 { true } else { false } }) else {
                throw APIError.invalidAsset("\(key) must be an array of objects.")
            }
        }
        for key in ["date.published", "date.accepted", "date.presented"] {
            if let date = text(key), !Self.isEsploroDate(date) { throw APIError.invalidAsset("\(key) must be YYYY, YYYYMM or YYYYMMDD: \(date).") }
        }
        return self
    }

    /// `10.` and a registrant code, a slash, a suffix (the DOI Handbook's syntax).
    static func isDOI(_ text: String) -> Bool {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, parts[0].hasPrefix("10."), parts[0].count > 3, !parts[1].isEmpty else { return false }
        return parts[0].dropFirst(3).allSatisfy { $0.isNumber || $0 == "." } && !text.contains(where: \.isWhitespace)
    }

    /// Esploro's dates: `2024`, `202412` or `20241231`.
    static func isEsploroDate(_ text: String) -> Bool {
        [4, 6, 8].contains(text.count) && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber)
    }

    /// The properties a script may not set: Lectern derives them.
    static let derivedKeys: Set<String> = ["resourceTypeEsploroWithDesc", "depositStatusWithDesc", "originalRepository"]
}
