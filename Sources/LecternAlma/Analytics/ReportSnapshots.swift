import Foundation
import LecternCore
import LecternRepresentation
import LecternStore

extension Kind {
    /// A report's rows kept for paging by resumption token (`analytics_result`, id the token).
    static let analyticsResult = Kind(rawValue: "analytics_result")
    /// One page of a kept report, child of its result, deleted once fetched.
    static let analyticsPage = Kind(rawValue: "analytics_page")
}

/// A report's rows beyond its first page, kept in the store when the first page is asked for,
/// so that paging by token is stable while the data changes, works on every node that shares
/// the database, and never loses or repeats a row: each fetch takes the next page in one
/// transaction.
enum ReportSnapshots {
    /// How long a token stays valid after its last use.
    static let lifetime: TimeInterval = 3_600

    /// One page fetched by token.
    struct Fetched: Sendable {
        var rows: [Node]
        var finished: Bool
    }

    /// Keeps `pages` (the pages after the first) under a new token, and returns the token;
    /// drops the kept results of `tenant` unused for ``lifetime``.
    static func keep(_ pages: [[Node]], path: String, now: Date, in tx: any StoreWriter) async throws -> String {
        try await dropExpired(before: now.addingTimeInterval(-lifetime), tx)
        let token = newToken()
        var documents = [result(token: token, path: path, next: 0, pages: pages.count, touched: now)]
        for (index, rows) in pages.enumerated() {
            documents.append(Document(kind: .analyticsPage, id: "\(token)/\(index)", parent: token, body: Node("rows", children: rows)))
        }
        try await tx.put(documents)
        return token
    }

    /// The next page of `token`.
    ///
    /// - throws: 402119 for a token this tenant does not have (another institution's, or
    ///   expired); 420033 once every page was fetched.
    static func next(_ token: String, now: Date, in tx: any StoreWriter) async throws -> Fetched {
        guard let stored = try await tx.document(.analyticsResult, id: token),
            let touched = stored.fields["touched"].flatMap(Double.init), now.timeIntervalSince1970 - touched < lifetime
        else {
            throw APIError.analyticsGeneralError("The resumption token is not valid or has expired.")
        }
        let next = Int(stored.body.value("next_page") ?? "") ?? 0
        let pages = Int(stored.body.value("pages") ?? "") ?? 0
        guard next < pages, let page = try await tx.document(.analyticsPage, id: "\(token)/\(next)") else { throw APIError.noMoreRows }
        try await tx.delete(.analyticsPage, id: page.id)
        try await tx.put(result(token: token, path: stored.body.value("path") ?? "", next: next + 1, pages: pages, touched: now))
        return Fetched(rows: page.body.children, finished: next + 1 == pages)
    }

    private static func result(token: String, path: String, next: Int, pages: Int, touched: Date) -> Document {
        let body = Node(
            "analytics_result",
            children: [Node("path", text: path), Node("next_page", text: String(next)), Node("pages", text: String(pages))]
        )
        return Document(kind: .analyticsResult, id: token, body: body, fields: ["touched": String(Int(touched.timeIntervalSince1970))])
    }

    private static func dropExpired(before cutoff: Date, _ tx: any StoreWriter) async throws {
        var query = DocumentQuery(kind: .analyticsResult)
        query.atMost = ["touched": String(Int(cutoff.timeIntervalSince1970))]
        for expired in try await tx.find(query).items {
            let next = Int(expired.body.value("next_page") ?? "") ?? 0
            let pages = Int(expired.body.value("pages") ?? "") ?? 0
            for index in next..<max(next, pages) { try await tx.delete(.analyticsPage, id: "\(expired.id)/\(index)") }
            try await tx.delete(.analyticsResult, id: expired.id)
        }
    }

    /// 128 upper-case hexadecimal digits, like the tokens Alma gives.
    private static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<8).map { _ in String(format: "%016llX", generator.next() as UInt64) }.joined()
    }
}
