/// Alma's catalogue identifiers: MMS ids start with `99`, holding ids with `22`, item pids with
/// `23`, and all end with the institution's four-digit suffix (`99939650000541`). The catalogue
/// numbers its bibs, holdings and items so, and Esploro its research assets (MMS ids too), from
/// one store counter.
public struct CatalogIDs: Sendable {
    /// The kind of identifier, which fixes its first two digits.
    public enum Prefix: String, Sendable {
        case bib = "99"
        case holding = "22"
        case item = "23"
        /// A loan.
        case loan = "73"
        /// A request (hold, booking, digitization).
        case request = "14"
        /// A fine or fee.
        case fee = "98"
        /// A course.
        case course = "27"
        /// A reading list.
        case readingList = "57"
        /// A citation.
        case citation = "58"
    }

    /// The store counter the numbers come from: one per tenant for all three kinds.
    public static let counter = "catalog"
    /// The store counter loans, requests and fees are numbered from.
    public static let circulationCounter = "circulation"
    /// The store counter courses, reading lists and citations are numbered from.
    public static let coursesCounter = "courses"

    /// The institution's code.
    public let institution: String
    /// The institution's four digits.
    public let suffix: String

    /// The identifiers of `institution`; the suffix is derived from its code, so it never changes.
    public init(institution: String) {
        self.institution = institution
        // FNV-1a: a stable hash (Swift's `hashValue` changes from run to run).
        var hash: UInt32 = 2_166_136_261
        for byte in institution.utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        suffix = String(1000 + hash % 9000)
    }

    /// The identifier for the counter's `number`.
    public func id(_ prefix: Prefix, _ number: Int64) -> String {
        "\(prefix.rawValue)\(10_000_000 + number)\(suffix)"
    }

    /// Whether `text` has the form of an identifier: digits only, at least 8 of them.
    public static func isNumeric(_ text: String) -> Bool {
        text.utf8.count >= 8 && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
