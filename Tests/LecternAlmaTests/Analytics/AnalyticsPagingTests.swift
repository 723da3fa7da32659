import Foundation
import LecternAlma
import LecternCore
import LecternRepresentation
import LecternSQLite
import LecternStore
import LecternTesting
import Testing

/// A report read in pages by resumption token, as every client library pages it.
struct AnalyticsPagingTests {
    static let demo = Tenant(institution: "DEMO", environment: .sandbox)

    /// The demo's loans topped up to exactly 2,500, so that the loan history has 2,500 rows.
    static func lecternWith2500Loans() async throws -> TestLectern {
        let lectern = try await TestLectern.make()
        let existing = try await lectern.store.read(in: demo) { try await $0.count(.loan) }
        _ = try await CirculationHistory.write(count: 2_500 - existing, into: lectern.store, tenant: demo)
        #expect(try await lectern.store.read(in: demo) { try await $0.count(.loan) } == 2_500)
        return lectern
    }

    @Test func aReportOf2500RowsComesInThreePagesWithTheTokenOnTheFirstOnly() async throws {
        let lectern = try await Self.lecternWith2500Loans()
        try await lectern.withClient { client in
            let pages = try await Analytics.allPages(client, key: lectern.sandboxKey, report: "Fulfillment/Loan history", limit: 1_000)
            #expect(pages.count == 3)
            #expect(pages.map(\.finished) == ["false", "false", "true"])
            #expect(pages.map(\.rows.count) == [1_000, 1_000, 500])
            let token = try #require(pages[0].token)
            #expect(token.count == 128 && token.allSatisfy { $0.isHexDigit && !$0.isLowercase })
            #expect(pages[1].token == nil && pages[2].token == nil)
            #expect(pages[0].columns.count == 10 && pages[1].columns.isEmpty && pages[2].columns.isEmpty)

            // The rows are the loans, each once, in the report's order (by loan id), as read
            // from the store directly.
            let loans = try await lectern.store.read(in: Self.demo) { reader in
                try await reader.find(DocumentQuery(kind: .loan)).items
            }
            let expected = loans.map { $0.body.value("loan_id") ?? "" }.sorted()
            let served = pages.flatMap(\.rows).map { $0["Column1"] ?? "" }
            #expect(served == expected)
            #expect(Set(served).count == 2_500)
            let byID = Dictionary(uniqueKeysWithValues: loans.map { ($0.body.value("loan_id") ?? "", $0.body) })
            for row in pages.flatMap(\.rows) {
                let loan = try #require(byID[row["Column1"] ?? ""])
                #expect(row["Column0"] == "0")
                #expect(row["Column5"] == loan.value("loan_status"))
                #expect(row["Column7"] == loan.value("item_barcode"))
                #expect(row["Column9"] == loan.value("user_id"))
                #expect(row["Column2"] == loan.value("loan_date").map { String($0.prefix(19)) })
            }

            // Past the end: the recorded 420033.
            let after = try await Analytics.report(client, key: lectern.sandboxKey, [("token", token)])
            #expect(after.status == 400)
            #expect(try Wire.xml(after.body).text("errorCode") == "420033")
            #expect(try Wire.xml(after.body).text("errorMessage") == "No more rows to fetch")
        }
    }

    @Test func pagingIsStableWhileTheDataChanges() async throws {
        let lectern = try await Self.lecternWith2500Loans()
        try await lectern.withClient { client in
            let first = try await Analytics.firstPage(client, key: lectern.sandboxKey, report: "Fulfillment/Loan history")
            _ = try await CirculationHistory.write(count: 300, into: lectern.store, tenant: Self.demo, seed: 7)
            let token = try #require(first.token)
            var rows = first.rows
            for _ in 0..<2 {
                rows += try RowsetPage(try await Analytics.report(client, key: lectern.sandboxKey, [("token", token)]).body).rows
            }
            #expect(rows.count == 2_500)
            let fresh = try await Analytics.allPages(client, key: lectern.sandboxKey, report: "Fulfillment/Loan history", limit: 1_000)
            #expect(fresh.flatMap(\.rows).count == 2_800)
        }
    }

    @Test func anotherInstitutionsTokenIsRefused() async throws {
        let lectern = try await Self.lecternWith2500Loans()
        try await lectern.withClient { client in
            let first = try await Analytics.firstPage(client, key: lectern.sandboxKey, report: "Fulfillment/Loan history")
            let token = try #require(first.token)
            let stolen = try await Analytics.report(client, key: lectern.otherKey, [("token", token)])
            #expect(stolen.status == 400)
            #expect(try Wire.xml(stolen.body).text("errorCode") == "402119")
            let unknown = try await Analytics.report(client, key: lectern.sandboxKey, [("token", String(repeating: "A", count: 128))])
            #expect(try Wire.xml(unknown.body).text("errorCode") == "402119")
            // The refusals took nothing: the owner still gets the second page.
            let second = try RowsetPage(try await Analytics.report(client, key: lectern.sandboxKey, [("token", token)]).body)
            #expect(second.rows.count == 1_000 && second.finished == "false")
        }
    }

    @Test func aReportThatFitsOnePageHasNoToken() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let pages = try await Analytics.allPages(
                client,
                key: lectern.sandboxKey,
                report: "Fulfillment/Fines and fees by status",
                limit: 1_000
            )
            #expect(pages.count == 1)
            #expect(pages[0].token == nil && pages[0].finished == "true")
            #expect(pages[0].queryResultChildren == ["IsFinished", "ResultXml"])
        }
    }
}
