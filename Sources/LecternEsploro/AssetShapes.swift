import LecternCore
import LecternRepresentation

/// The JSON of the assets API as shapes (samples/esploro/returned.json): an asset is what a
/// script wrote, kept as written in its key order, then what Lectern derives.
enum AssetShapes {
    /// An asset as stored: every member kept as written.
    static let written: Shape = .open([], others: .any, othersRepeat: false)

    /// An asset as answered: as written, then the type and deposit status with their
    /// descriptions and the asset's id in `originalRepository`.
    static let asset: Shape = .open(
        [
            .code("resourceTypeEsploroWithDesc"),
            .code("depositStatusWithDesc"),
            Shape.Member("originalRepository", .object([.text("assetId")])),
        ],
        others: .any,
        othersRepeat: false
    )

    /// Every assets answer: `{"totalRecordCount": N, "records": […]}`.
    static let records: Shape = .object([
        Shape.Member("totalRecordCount", .number),
        Shape.Member("records", asset, repeats: true, nullWhenAbsent: true),
    ])

    /// What a write takes: `{"records": [{…}]}` (or one bare record).
    static let request: Shape = .object([Shape.Member("records", written, repeats: true)])

    /// The answer of every assets call, documented.
    static let answerObject = DocumentedObject("assets", "Assets and their total count", shape: records)

    /// The body of a write, documented.
    static let requestObject = DocumentedObject("asset_records", "The assets to write, each as written", shape: request)
}
