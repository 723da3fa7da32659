import Foundation
import HTTPTypes
import LecternGateway
import LecternSQLite
import LecternStore
import LecternTesting
import Testing

extension TestLectern {
    /// The row id of `key`.
    func keyID(of key: String) async throws -> Int64 {
        let record = try await store.key(hash: APIKey.hash(key))
        return try #require(record).id
    }
}

/// An answer without what differs between two identical refusals: the tracking id, which is
/// random, and the `Content-Length`, which follows the tracking id's length.
struct RefusalShape: Equatable, CustomStringConvertible {
    var status: Int
    var headers: [String]
    var body: String

    init(_ answer: Answer) {
        status = answer.status
        headers = answer.headers.filter { $0.name != .contentLength }.map { "\($0.name): \($0.value)" }.sorted()
        body = answer.text.replacingOccurrences(of: "<trackingId>[^<]*</trackingId>", with: "<trackingId/>", options: .regularExpression)
    }

    var description: String { "\(status) \(headers) \(body)" }
}

extension HTTPField.Name {
    /// The developer portal's API console token.
    static let consoleToken = Self("X-Lectern-Console-Token")!
}
