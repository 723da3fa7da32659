import Foundation
import LecternTesting
import Testing

/// Lectern's report pages beside the recorded ones (`bibsys-example` first page with headings,
/// `php-alma-client` pages with `col_names=false`, a later page, the end, an unknown path): the
/// same elements, order, namespaces, schema attributes and types; the data differs.
struct AnalyticsShapeTests {
    static func recorded(_ path: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Recorded/\(path)")
        return Array(try Data(contentsOf: url))
    }

    /// The element paths with the column numbers blanked (`…/Row/Column`), each once, in order.
    static func structure(_ bytes: [UInt8]) throws -> [String] {
        var seen = Set<String>()
        return try Wire.xml(bytes).paths.map { $0.replacingOccurrences(of: #"Column\d+"#, with: "Column", options: .regularExpression) }
            .filter { seen.insert($0).inserted }
    }

    static let typePairs = try! Set(
        RowsetPage(recorded("php-alma-client/analytics_response_part1.xml")).columns.map { "\($0["saw-sql:type"] ?? "") \($0["type"] ?? "")" }
    )

    @Test func theFirstPageIsShapedAsRecorded() async throws {
        let recorded = try RowsetPage(Self.recorded("bibsys-example/analytics_response_valid_first_page.xml"))
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let answer = try await Analytics.report(
                client,
                key: lectern.sandboxKey,
                [("path", Analytics.path("Research/Research assets")), ("limit", "1000")]
            )
            #expect(answer.text.hasPrefix(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><report><QueryResult>"#))
            let page = try RowsetPage(answer.body)
            #expect(page.root == recorded.root)
            #expect(page.queryResultChildren == recorded.queryResultChildren)
            #expect(page.queryResultChildren == ["ResumptionToken", "IsFinished", "ResultXml"])
            #expect(page.rowsetNamespace == recorded.rowsetNamespace)
            #expect(try Self.structure(answer.body) == (try Self.structure(Self.recorded("bibsys-example/analytics_response_valid_first_page.xml"))))
            #expect(page.columns.first == recorded.columns.first)
            for column in page.columns {
                #expect(Set(column.keys) == Set(recorded.columns[1].keys))
                #expect(Self.typePairs.contains("\(column["saw-sql:type"] ?? "") \(column["type"] ?? "")"))
            }
            #expect(page.columns.map { $0["name"] } == (0..<page.columns.count).map { "Column\($0)" })
            #expect(page.columns.map { $0["saw-sql:displayFormula"] } == (0..<page.columns.count).map { "saw_\($0)" })
            #expect(page.rows.allSatisfy { $0["Column0"] == "0" })
            // The schema's namespace declarations, as recorded.
            #expect(
                answer.text.contains(
                    #"<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:saw-sql="urn:saw-sql" targetNamespace="urn:schemas-microsoft-com:xml-analysis:rowset">"#
                )
            )
        }
    }

    @Test func withoutHeadingsTheSchemaIsShapedAsRecorded() async throws {
        let recorded = try RowsetPage(Self.recorded("php-alma-client/analytics_response_part1.xml"))
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let page = try await Analytics.firstPage(client, key: lectern.sandboxKey, report: "Research/Research assets", [("col_names", "false")])
            for (ours, theirs) in zip(page.columns, recorded.columns) {
                #expect(Set(ours.keys) == Set(theirs.keys))
                #expect(ours["saw-sql:displayFormula"] == theirs["saw-sql:displayFormula"])
                #expect(ours["name"] == theirs["name"])
            }
            #expect(page.columns.first == recorded.columns.first)
        }
    }

    @Test func laterPagesAndTheEndAreShapedAsRecorded() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let first = try await Analytics.firstPage(client, key: lectern.sandboxKey, report: "Research/Research assets")
            let token = try #require(first.token)
            let second = try await Analytics.report(client, key: lectern.sandboxKey, [("token", token)])
            let recordedLater = try Self.recorded("php-alma-client/analytics_response_part2.xml")
            #expect(try Self.structure(second.body) == (try Self.structure(recordedLater)))
            #expect(try RowsetPage(second.body).queryResultChildren == (try RowsetPage(recordedLater).queryResultChildren))

            let end = try await Analytics.report(client, key: lectern.sandboxKey, [("token", token)])
            let recordedEnd = try Self.recorded("php-alma-client/analytics_response_part4.xml")
            #expect(end.status == 400)
            #expect(try Self.structure(end.body) == (try Self.structure(recordedEnd)))
            #expect(try Wire.xml(end.body).text("errorCode") == (try Wire.xml(recordedEnd).text("errorCode")))
            #expect(try Wire.xml(end.body).text("errorMessage") == (try Wire.xml(recordedEnd).text("errorMessage")))

            let recordedMissing = try Wire.xml(Self.recorded("php-alma-client/report_not_found_response.xml"))
            let missing = try Wire.xml(try await Analytics.report(client, key: lectern.sandboxKey, [("path", "/test/path")]).body)
            #expect(missing.paths == recordedMissing.paths)
            #expect(missing.text("errorCode") == recordedMissing.text("errorCode"))
            #expect(missing.text("errorMessage") == recordedMissing.text("errorMessage"))
        }
    }
}
