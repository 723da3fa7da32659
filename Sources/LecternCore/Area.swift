/// An API area, the unit of a key's permissions (as on the Developer Network's key page).
public enum Area: String, Sendable, Hashable, CaseIterable, Codable {
    case users
    case bibs
    case acquisitions = "acq"
    case configuration = "conf"
    case courses
    case analytics
    case resourceSharing = "partners"
    case electronicResources = "electronic"
    case primo
    case researchers
    case assets

    /// The product whose daily threshold a call in this area counts against.
    public var product: Product {
        switch self {
        case .primo: .primo
        case .researchers, .assets: .esploro
        default: .alma
        }
    }

    /// The area's name as the portal and error messages show it.
    public var title: String {
        switch self {
        case .users: "Users"
        case .bibs: "Bibs"
        case .acquisitions: "Acquisitions"
        case .configuration: "Configuration"
        case .courses: "Courses"
        case .analytics: "Analytics"
        case .resourceSharing: "Resource Sharing"
        case .electronicResources: "Electronic Resources"
        case .primo: "Primo"
        case .researchers: "Esploro Researchers"
        case .assets: "Esploro Assets"
        }
    }
}

/// A product with its own daily threshold and its own name in maintenance messages.
public enum Product: String, Sendable, Hashable, CaseIterable, Codable {
    case alma
    case primo
    case esploro

    /// The product's display name (`No response from Alma: …`).
    public var title: String {
        switch self {
        case .alma: "Alma"
        case .primo: "Primo"
        case .esploro: "Esploro"
        }
    }
}
