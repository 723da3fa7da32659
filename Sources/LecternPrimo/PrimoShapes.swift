import LecternCore
import LecternDiscovery
import LecternRepresentation

/// The JSON of Primo's answers as shapes, like Alma's (PRIMO.md section 3): what each member of
/// a search answer and of a record is, and in which order Primo writes it.
enum PrimoShapes {
    /// A search answer: `info`, `highlights`, `docs`, `timelog`, `facets`. A brief search leaves
    /// the holdings and links out of each document's delivery block; a full one
    /// (`pcAvailability` or a view's delivery) has them.
    static func search(fullDelivery: Bool) -> Shape {
        fullDelivery ? fullSearch : briefSearch
    }

    /// One record on its own (`/pnxs/L/{docid}`): a document with its full delivery, and `lang3`.
    static let record: Shape = .object(document(delivery: delivery(full: true)).members + [.text("lang3")])

    /// A search answer, documented (with the full delivery block).
    static let searchObject = DocumentedObject("search", "Search results: counts, documents (PNX and delivery) and facets", shape: fullSearch)

    /// One record, documented.
    static let recordObject = DocumentedObject("record", "One record: its PNX and delivery block", shape: record)

    private static let fullSearch = searchAnswer(document: document(delivery: delivery(full: true)))
    private static let briefSearch = searchAnswer(document: document(delivery: delivery(full: false)))

    private static func searchAnswer(document: Shape) -> Shape {
        .object([
            Shape.Member(
                "info",
                .object([
                    Shape.Member("totalResultsLocal", .number), Shape.Member("totalResultsPC", .number), Shape.Member("total", .number),
                    Shape.Member("first", .number), Shape.Member("last", .number),
                ])
            ),
            Shape.Member("highlights", .object([])),
            Shape.Member("docs", document, repeats: true, nullWhenAbsent: true),
            Shape.Member("timelog", .object([])),
            Shape.Member("facets", facet, repeats: true, nullWhenAbsent: true),
        ])
    }

    /// A facet of the answer: its values with their counts (as strings, as Primo writes them).
    private static let facet: Shape = .object([
        .text("name"),
        Shape.Member("values", .object([.text("value"), .text("count")]), repeats: true, nullWhenAbsent: true),
    ])

    private static func document(delivery: Shape) -> Shape {
        .object([
            Shape.Member("pnx", PNXRecord.shape),
            Shape.Member("delivery", delivery),
            .text("context"),
            .text("adaptor"),
            Shape.Member(
                "extras",
                .object([
                    Shape.Member(
                        "citationTrails",
                        .object([
                            Shape.Member("citing", .text, repeats: true, nullWhenAbsent: true),
                            Shape.Member("citedby", .text, repeats: true, nullWhenAbsent: true),
                        ])
                    ),
                    Shape.Member("timesCited", .object([])),
                ])
            ),
            .text("@id"),
        ])
    }

    /// `doc.delivery`. A full block begins with `bestlocation`, `null` when nothing is held.
    private static func delivery(full: Bool) -> Shape {
        let best: [Shape.Member] = full ? [Shape.Member("bestlocation", holding, nullWhenAbsent: true)] : []
        return .object(
            best + [
                Shape.Member("deliveryCategory", .text, repeats: true),
                Shape.Member("availability", .text, repeats: true),
                .boolean("displayLocation"),
                .boolean("additionalLocations"),
                .text("physicalItemTextCodes"),
                .boolean("feDisplayOtherLocations"),
                .text("displayedAvailability"),
                Shape.Member("holding", holding, repeats: true, nullWhenAbsent: true),
                Shape.Member("link", link, repeats: true, nullWhenAbsent: true),
            ]
        )
    }

    /// A holding of `delivery.holding` (and `bestlocation`).
    static let holding: Shape = .object([
        .text("organization"), .text("libraryCode"), .text("mainLocation"), .text("subLocation"), .text("subLocationCode"),
        .text("callNumber"), .text("availabilityStatus"), .boolean("isValidUser"),
    ])

    /// A link of `delivery.link`: an 856 of the record.
    static let link: Shape = .object([.text("@id"), .text("linkType"), .text("linkURL"), .text("displayLabel")])
}
