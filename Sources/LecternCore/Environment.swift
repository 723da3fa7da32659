/// The environment a key is bound to, which decides its plan.
public enum Environment: String, Sendable, Hashable, CaseIterable, Codable {
    /// The public demo server: GET only, whatever the key's permissions say.
    case guest
    case sandbox
    case production

    /// The data the environment reads and writes: the Guest Sandbox reads the sandbox's data.
    public var dataEnvironment: Environment { self == .guest ? .sandbox : self }

    /// The plan's name as gateway messages show it.
    public var planName: String {
        switch self {
        case .guest: "Guest Sandbox"
        case .sandbox: "Sandbox"
        case .production: "Production"
        }
    }
}

/// Whether a key may write in an area.
public enum Access: String, Sendable, Hashable, Codable {
    case readOnly = "ro"
    case readWrite = "rw"
}
