import ArgumentParser
import Foundation
import LecternApplication
import LecternSQLite

/// `--database`, shared by every command.
struct DatabaseOptions: ParsableArguments {
    @Option(
        help:
            "Database URL: sqlite:PATH or postgres://user:pass@host:port/db (default: $LECTERN_DATABASE_URL, then sqlite:lectern-data/lectern.sqlite)."
    )
    var database: String?

    /// The URL in force: the option, then the environment, then the embedded default.
    var url: String {
        database ?? ProcessInfo.processInfo.environment["LECTERN_DATABASE_URL"] ?? "sqlite:lectern-data/lectern.sqlite"
    }

    /// Opens the store the URL names.
    func open() throws -> SQLiteStore {
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            throw CommandFailure("PostgreSQL is not available in this build yet; use sqlite:PATH")
        }
        return try SQLiteStore.open(url: url, sortIndexes: LecternAreas.sortIndexes) { migrations in
            let steps = migrations.joined(separator: ", ")
            FileHandle.standardError.write(Data("Upgrading the database (\(steps)): with a large catalogue this takes minutes\n".utf8))
        }
    }
}

/// A failure reported as one line on standard error, with exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
