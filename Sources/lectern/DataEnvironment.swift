import ArgumentParser
import LecternCore

/// `--environment` of the commands that read or write an institution's records: the
/// environments that have records of their own (the Guest Sandbox reads the sandbox's).
enum DataEnvironment: String, CaseIterable, ExpressibleByArgument {
    case sandbox
    case production

    /// The environment itself.
    var environment: Environment {
        switch self {
        case .sandbox: .sandbox
        case .production: .production
        }
    }
}
