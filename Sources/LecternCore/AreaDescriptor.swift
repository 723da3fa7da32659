/// What the platform needs to know of one API area, declared once by its plug-in: the gateway
/// reads it to admit and count a call, the router to check what a call sends and asks for, the
/// error renderer for the form of its errors, and the API catalog, the console and the key
/// commands for its name.
///
/// ```swift
/// AreaDescriptor(.users, title: "Users", product: .alma, pathPrefixes: ["/almaws/v1/users"],
///                testPaths: ["/almaws/v1/users/operation/test"])
/// ```
public final class AreaDescriptor: Sendable {
    /// The area, as a key's permissions name it.
    public let area: Area
    /// Its name as the portal, the OpenAPI documents and refusals show it (`Users`).
    public let title: String
    /// The product whose daily threshold a call in this area counts against.
    public let product: Product
    /// The paths the area owns, as `/`-separated segments where `*` stands for any one segment
    /// (`/almaws/v1/users`, `/esploro/v1/*`): a call that matches no route still belongs to the
    /// area whose prefix it matches most specifically, for the gateway's checks and counts.
    public let pathPrefixes: [String]
    /// The body formats the area reads and answers: XML and JSON, or JSON only.
    public let formats: [BodyFormat]
    /// The form of its logical errors (gateway refusals are always XML).
    public let errors: ErrorForm
    /// Whether browsers call it directly: every answer then carries the CORS headers and a
    /// preflight `OPTIONS` is answered at once.
    public let answersBrowsers: Bool
    /// What a JSON-only area answers to `format=xml` or an XML body, before any handler runs.
    public let formatRefusal: APIError?
    /// The paths of its `/test` operations, which only prove that a key works: each answers
    /// `GET` and `POST`.
    public let testPaths: [String]

    /// The form of an area's logical errors.
    public enum ErrorForm: Sendable {
        /// In the format the caller asked for (`format=`, then `Accept`), XML by default.
        case negotiated
        /// Always JSON.
        case json
    }

    /// Creates a descriptor.
    public init(
        _ area: Area,
        title: String,
        product: Product,
        pathPrefixes: [String],
        formats: [BodyFormat] = [.xml, .json],
        errors: ErrorForm = .negotiated,
        answersBrowsers: Bool = false,
        formatRefusal: APIError? = nil,
        testPaths: [String] = []
    ) {
        self.area = area
        self.title = title
        self.product = product
        self.pathPrefixes = pathPrefixes
        self.formats = formats
        self.isJSONOnly = !formats.contains(.xml)
        self.errors = errors
        self.answersBrowsers = answersBrowsers
        self.formatRefusal = formatRefusal
        self.testPaths = testPaths
    }

    /// Whether the area speaks JSON only (no XML in ``formats``).
    public let isJSONOnly: Bool
}
