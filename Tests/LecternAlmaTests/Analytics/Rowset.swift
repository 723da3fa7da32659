import Foundation
import HTTPTypes
import LecternCore
import LecternTesting

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One page of a report as a client reads it, with Foundation's XML parser (never Lectern's).
struct RowsetPage {
    var root = ""
    var token: String?
    var finished: String?
    /// The `xsd:element` attributes of the schema, in order (first page only).
    var columns: [[String: String]] = []
    /// Each row's `ColumnN` texts by element name.
    var rows: [[String: String]] = []
    /// The namespace of the rowset element.
    var rowsetNamespace: String?
    /// The names of `QueryResult`'s children, in order.
    var queryResultChildren: [String] = []

    init(_ bytes: [UInt8]) throws {
        let document = try XMLDocument(data: Data(bytes))
        guard let root = document.rootElement() else { throw RowsetError("no root") }
        self.root = root.name ?? ""
        let queryResult = root.name == "QueryResult" ? root : Self.child(root, "QueryResult")
        guard let queryResult else { return }
        queryResultChildren = (queryResult.children ?? []).compactMap { ($0 as? XMLElement)?.name }
        token = Self.child(queryResult, "ResumptionToken")?.stringValue
        finished = Self.child(queryResult, "IsFinished")?.stringValue
        guard let rowset = Self.child(queryResult, "ResultXml").flatMap({ Self.child($0, "rowset") }) else { return }
        rowsetNamespace = rowset.attribute(forName: "xmlns")?.stringValue ?? rowset.uri
        if let sequence = Self.child(rowset, "xsd:schema").flatMap({ Self.child($0, "xsd:complexType") }).flatMap({ Self.child($0, "xsd:sequence") })
        {
            columns = Self.elements(sequence).map { element in
                Dictionary(uniqueKeysWithValues: (element.attributes ?? []).map { ($0.name ?? "", $0.stringValue ?? "") })
            }
        }
        rows = Self.elements(rowset).filter { $0.name == "Row" }.map { row in
            Dictionary(uniqueKeysWithValues: Self.elements(row).map { ($0.name ?? "", $0.stringValue ?? "") })
        }
    }

    /// The rows as values by column number (`Column0` is 0), absent values `nil`.
    func values(columns count: Int) -> [[String?]] {
        rows.map { row in (1...count).map { row["Column\($0)"] } }
    }

    private static func elements(_ node: XMLElement) -> [XMLElement] {
        (node.children ?? []).compactMap { $0 as? XMLElement }
    }

    private static func child(_ node: XMLElement, _ name: String) -> XMLElement? {
        elements(node).first { $0.name == name }
    }
}

/// Calls the analytics API of the demo institution.
enum Analytics {
    static let institution = "Lectern Demo University"

    static func path(_ report: String) -> String {
        "/shared/\(institution)/Reports/\(report)"
    }

    static func encoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// `GET /analytics/reports` with these query parameters.
    static func report(_ client: LecternClient, key: String, _ parameters: [(String, String)]) async throws -> Answer {
        let query = parameters.map { "\($0.0)=\(encoded($0.1))" }.joined(separator: "&")
        return try await client.send(.get, "/almaws/v1/analytics/reports?\(query)", key: key)
    }

    /// The first page of `report`, read as a client reads it.
    static func firstPage(
        _ client: LecternClient,
        key: String,
        report: String,
        _ parameters: [(String, String)] = [("limit", "1000")]
    ) async throws -> RowsetPage {
        try RowsetPage(try await Self.report(client, key: key, [("path", path(report))] + parameters).body)
    }

    /// Every page of `report`, following its token until `IsFinished` is true.
    static func allPages(
        _ client: LecternClient,
        key: String,
        report: String,
        limit: Int,
        extra: [(String, String)] = []
    ) async throws -> [RowsetPage] {
        let first = try await Self.report(client, key: key, [("path", path(report)), ("limit", String(limit))] + extra)
        guard first.status == 200 else { throw RowsetError("first page: \(first.status) \(first.text)") }
        var pages = [try RowsetPage(first.body)]
        while pages.last?.finished == "false", pages.count < 500, let token = pages[0].token {
            let next = try await Self.report(client, key: key, [("token", token), ("limit", String(limit))])
            guard next.status == 200 else { throw RowsetError("page \(pages.count + 1): \(next.status) \(next.text)") }
            pages.append(try RowsetPage(next.body))
        }
        return pages
    }
}

struct RowsetError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
