/// An API area's name: the unit of a key's permissions (as on the Developer Network's key page)
/// and of the usage counts. Each area's plug-in declares its own, beside its ``AreaDescriptor``:
///
/// ```swift
/// extension Area {
///     public static let users = Area("users")
/// }
/// ```
public struct Area: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The name as keys, usage counts and the OpenAPI documents' URLs carry it (`users`, `acq`).
    public let rawValue: String

    /// The area named `rawValue`.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The area named `name`.
    public init(_ name: String) {
        self.rawValue = name
    }

    public var description: String { rawValue }
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
