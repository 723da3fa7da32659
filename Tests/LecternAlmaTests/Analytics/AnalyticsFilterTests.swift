import Foundation
import LecternTesting
import Testing

/// The `filter` parameter: each OBIEE operator gives the rows the same condition picks from the
/// unfiltered report; what it cannot read is refused, never answered with other rows.
struct AnalyticsFilterTests {
    static let report = "Research/Research assets"
    static let namespaces =
        #"xmlns:saw="com.siebel.analytics.web/report/v1.1" xmlns:sawx="com.siebel.analytics.web/expression/v1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema""#

    static func column(_ heading: String) -> String {
        #"<sawx:expr xsi:type="sawx:sqlExpression">"Asset Details"."\#(heading)"</sawx:expr>"#
    }

    static func value(_ text: String, type: String = "xsd:string") -> String {
        #"<sawx:expr xsi:type="\#(type)">\#(text)</sawx:expr>"#
    }

    static func expression(_ type: String, _ op: String, _ operands: String, root: Bool = false) -> String {
        #"<sawx:expr xsi:type="sawx:\#(type)" op="\#(op)"\#(root ? " " + namespaces : "")>\#(operands)</sawx:expr>"#
    }

    /// The report's rows (Title, Asset Type, Publication Year, DOI, Publisher) under `filter`.
    static func rows(_ client: LecternClient, key: String, filter: String?) async throws -> [[String?]] {
        let pages = try await Analytics.allPages(
            client,
            key: key,
            report: report,
            limit: 1_000,
            extra: filter.map { [("filter", $0)] } ?? []
        )
        return pages.flatMap { $0.values(columns: 5) }
    }

    @Test func eachOperatorPicksWhatTheConditionPicksFromTheWholeReport() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let key = lectern.sandboxKey
            let all = try await Self.rows(client, key: key, filter: nil)
            #expect(all.count > 1_000)
            let year = Self.column("Publication Year")
            let type = Self.column("Asset Type")
            let cases: [(String, String, ([String?]) -> Bool)] = [
                (
                    "equal", Self.expression("comparison", "equal", type + Self.value("publication.journalArticle"), root: true),
                    { $0[1] == "publication.journalArticle" }
                ),
                (
                    "notEqual", Self.expression("comparison", "notEqual", type + Self.value("publication.journalArticle"), root: true),
                    { $0[1] != "publication.journalArticle" }
                ),
                ("greater", Self.expression("comparison", "greater", year + Self.value("2020"), root: true), { ($0[2] ?? "") > "2020" }),
                (
                    "greaterOrEqual", Self.expression("comparison", "greaterOrEqual", year + Self.value("2020"), root: true),
                    { ($0[2] ?? "") >= "2020" }
                ),
                ("less", Self.expression("comparison", "less", year + Self.value("2012"), root: true), { $0[2] != nil && $0[2]! < "2012" }),
                (
                    "lessOrEqual", Self.expression("comparison", "lessOrEqual", year + Self.value("2012"), root: true),
                    { $0[2] != nil && $0[2]! <= "2012" }
                ),
                (
                    "between", Self.expression("comparison", "between", year + Self.value("2015") + Self.value("2017"), root: true),
                    { ($0[2] ?? "") >= "2015" && ($0[2] ?? "") <= "2017" }
                ),
                (
                    "in", Self.expression("list", "in", type + Self.value("etd.doctoral") + Self.value("conference.poster"), root: true),
                    { ["etd.doctoral", "conference.poster"].contains($0[1] ?? "") }
                ),
                (
                    "notIn", Self.expression("list", "notIn", type + Self.value("etd.doctoral") + Self.value("conference.poster"), root: true),
                    { !["etd.doctoral", "conference.poster"].contains($0[1] ?? "") }
                ),
                (
                    "and",
                    Self.expression(
                        "logical",
                        "and",
                        Self.expression("comparison", "equal", type + Self.value("publication.journalArticle"))
                            + Self.expression("comparison", "greaterOrEqual", year + Self.value("2018")),
                        root: true
                    ),
                    { $0[1] == "publication.journalArticle" && ($0[2] ?? "") >= "2018" }
                ),
                (
                    "or",
                    Self.expression(
                        "logical",
                        "or",
                        Self.expression("comparison", "equal", type + Self.value("etd.doctoral"))
                            + Self.expression("comparison", "less", year + Self.value("2010")),
                        root: true
                    ),
                    { $0[1] == "etd.doctoral" || ($0[2] != nil && $0[2]! < "2010") }
                ),
                (
                    "not", Self.expression("logical", "not", Self.expression("comparison", "equal", type + Self.value("etd.doctoral")), root: true),
                    { $0[1] != "etd.doctoral" }
                ),
            ]
            for (name, filter, condition) in cases {
                let filtered = try await Self.rows(client, key: key, filter: filter)
                let expected = all.filter(condition)
                #expect(filtered == expected, "\(name)")
                #expect(!expected.isEmpty && expected.count < all.count, "\(name) should pick some rows, not all")
            }
        }
    }

    @Test func aNumericColumnComparesAsNumbers() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let report = Analytics.path("Physical Items/Items by location and status")
            let whole = try RowsetPage(try await Analytics.report(client, key: lectern.sandboxKey, [("path", report), ("limit", "1000")]).body)
            let count = #"<sawx:expr xsi:type="sawx:sqlExpression">"Physical Item Details"."Num of Items"</sawx:expr>"#
            let filter = Self.expression("comparison", "greater", count + Self.value("9", type: "xsd:decimal"), root: true)
            let page = try RowsetPage(
                try await Analytics.report(client, key: lectern.sandboxKey, [("path", report), ("limit", "1000"), ("filter", filter)]).body
            )
            let expected = whole.values(columns: 4).filter { Int($0[3] ?? "") ?? 0 > 9 }
            #expect(page.values(columns: 4) == expected)
            #expect(expected.contains { ($0[3] ?? "").count >= 3 } && expected.count < whole.rows.count)
        }
    }

    @Test func whatTheFilterCannotReadIsRefused() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let year = Self.column("Publication Year")
            let deep =
                String(repeating: #"<sawx:expr xsi:type="sawx:logical" op="not">"#, count: 300)
                + Self.expression("comparison", "equal", year + Self.value("2020")) + String(repeating: "</sawx:expr>", count: 300)
            let refused: [(String, String)] = [
                ("not XML", "year > 2000"),
                ("truncated", Self.expression("comparison", "equal", year, root: true).dropLast(5).description),
                ("unknown operator", Self.expression("comparison", "like", year + Self.value("20%"), root: true)),
                ("unknown type", Self.expression("function", "equal", year + Self.value("2020"), root: true)),
                ("unknown column", Self.expression("comparison", "equal", Self.column("Color") + Self.value("red"), root: true)),
                (
                    "column without table",
                    Self.expression(
                        "comparison",
                        "equal",
                        #"<sawx:expr xsi:type="sawx:sqlExpression">Title</sawx:expr>"# + Self.value("x"),
                        root: true
                    )
                ),
                ("value first", Self.expression("comparison", "equal", Self.value("2020") + year, root: true)),
                ("missing value", Self.expression("comparison", "equal", year, root: true)),
                ("between with one bound", Self.expression("comparison", "between", year + Self.value("2015"), root: true)),
                ("empty and", Self.expression("logical", "and", "", root: true)),
                ("untyped value", Self.expression("comparison", "equal", year + "<sawx:expr>2020</sawx:expr>", root: true)),
                ("a DOCTYPE", #"<!DOCTYPE x [<!ENTITY e "e">]><sawx:expr xsi:type="sawx:comparison" op="equal">&e;</sawx:expr>"#),
                ("300 levels deep", deep),
                ("201 values", Self.expression("list", "in", year + String(repeating: Self.value("1"), count: 201), root: true)),
                (
                    "5,000 values",
                    Self.expression("list", "in", year + String(repeating: Self.value("2020"), count: 5_000), root: true)
                ),
                ("NUL", Self.expression("comparison", "equal", year + Self.value("20\u{0}20"), root: true)),
            ]
            for (name, filter) in refused {
                let answer = try await Analytics.report(
                    client,
                    key: lectern.sandboxKey,
                    [("path", Analytics.path(Self.report)), ("filter", filter)]
                )
                #expect(answer.status == 400, "\(name)")
                #expect(
                    try Wire.xml(answer.body).text("errorCode") == (["NUL", "5,000 values", "300 levels deep"].contains(name) ? "401666" : "402119"),
                    "\(name)"
                )
            }
            // 150 levels of `not` within the length a query value may have: read, with a bounded
            // cost, and the same as the comparison they wrap.
            let wrapped = Self.expression("comparison", "less", year + Self.value("2012"), root: true)
            let nested =
                #"<sawx:expr xsi:type="sawx:logical" op="not" \#(Self.namespaces)>"#
                + String(repeating: #"<sawx:expr xsi:type="sawx:logical" op="not">"#, count: 149) + wrapped
                + String(repeating: "</sawx:expr>", count: 150)
            let deepRows = try await Self.rows(client, key: lectern.sandboxKey, filter: nested)
            #expect(deepRows == (try await Self.rows(client, key: lectern.sandboxKey, filter: wrapped)))
            #expect(!deepRows.isEmpty)
        }
    }
}
