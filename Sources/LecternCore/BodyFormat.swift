/// A representation a route reads or writes: Alma speaks both, Primo and Esploro's assets JSON only.
public enum BodyFormat: String, Sendable, Hashable, CaseIterable {
    case xml
    case json

    /// The media type (`application/xml`, `application/json`).
    public var mediaType: String {
        switch self {
        case .xml: "application/xml"
        case .json: "application/json"
        }
    }
}
