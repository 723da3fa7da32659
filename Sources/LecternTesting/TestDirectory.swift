public import Foundation

/// Scratch directories for tests, all under one directory per test process that is removed when
/// the process exits: a test run leaves no databases behind.
public enum TestDirectory {
    /// A new empty directory whose name starts with `prefix`.
    public static func make(_ prefix: String) throws -> URL {
        _ = cleanup
        let directory = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// This process's directory.
    public static var root: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("lectern-tests-\(getpid())")
    }

    private static let cleanup: Void = {
        atexit { try? FileManager.default.removeItem(at: TestDirectory.root) }
    }()
}
