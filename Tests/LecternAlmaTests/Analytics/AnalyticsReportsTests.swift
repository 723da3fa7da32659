import Foundation
import HTTPTypes
import LecternAlma
import LecternCore
import LecternPeople
import LecternRepresentation
import LecternSQLite
import LecternStore
import LecternTesting
import Testing

/// Report folders, and reports whose numbers are the institution's own data.
struct AnalyticsReportsTests {
    static let demo = Tenant(institution: "DEMO", environment: .sandbox)

    @Test func theRootHoldsTheSharedFolderAndFoldersListTheirReports() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let root = try Wire.xml(try await client.send(.get, "/almaws/v1/analytics/paths", key: lectern.sandboxKey).body)
            #expect(root.root == "AnalyticsPathsResult")
            #expect(root.attributes["path"] == [["name": "shared", "path": "/shared", "type": "Folder"]])

            let reports = Analytics.encoded(Analytics.path("Fulfillment"))
            let folder = try await client.send(.get, "/almaws/v1/analytics/paths/\(reports)?format=json", key: lectern.sandboxKey)
            #expect(folder.status == 200)
            let paths = try #require(try Wire.json(folder.body)["path"] as? [[String: String]])
            #expect(paths.map { $0["name"] } == ["Fines and fees by status", "Loan history", "Loans by library and month", "Overdue loans"])
            #expect(paths.allSatisfy { $0["type"] == "Report" && $0["path"] == Analytics.path("Fulfillment/\($0["name"] ?? "")") })

            let byQuery = try Wire.xml(
                try await client.send(
                    .get,
                    "/almaws/v1/analytics/paths?path=\(Analytics.encoded("/shared/\(Analytics.institution)/Reports"))",
                    key: lectern.sandboxKey
                ).body
            )
            #expect(byQuery.attributes["path"]?.compactMap { $0["name"] } == ["Fulfillment", "Physical Items", "Research", "Titles", "Users"])

            let missing = try await client.send(.get, "/almaws/v1/analytics/paths/\(Analytics.encoded("/shared/Nowhere"))", key: lectern.sandboxKey)
            #expect(missing.status == 400)
            #expect(try Wire.xml(missing.body).text("errorCode") == "90109")
        }
    }

    @Test func anotherInstitutionHasItsOwnFolderAndNumbers() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let root = try Wire.xml(
                try await client.send(.get, "/almaws/v1/analytics/paths?path=/shared", key: lectern.otherKey).body
            )
            #expect(root.attributes["path"]?.compactMap { $0["path"] } == ["/shared/Other University"])
            let ours = try await Analytics.report(client, key: lectern.otherKey, [("path", Analytics.path("Fulfillment/Loan history"))])
            #expect(try Wire.xml(ours.body).text("errorCode") == "INTERNAL_SERVER_ERROR")
            let theirs = try await Analytics.report(
                client,
                key: lectern.otherKey,
                [("path", "/shared/Other University/Reports/Fulfillment/Loan history")]
            )
            let page = try RowsetPage(theirs.body)
            #expect(page.finished == "true" && page.rows.isEmpty && page.columns.count == 10)
        }
    }

    @Test func loansByLibraryAndMonthCountEveryLoan() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let pages = try await Analytics.allPages(
                client,
                key: lectern.sandboxKey,
                report: "Fulfillment/Loans by library and month",
                limit: 1_000
            )
            let rows = pages.flatMap { $0.values(columns: 3) }
            let loans = try await lectern.store.read(in: Self.demo) { try await $0.find(DocumentQuery(kind: .loan)).items }
            var expected: [String: Int] = [:]
            for loan in loans {
                let library = loan.body.descendant("library")?.attribute("desc") ?? ""
                expected["\(library)|\(String((loan.body.value("loan_date") ?? "").prefix(7)))", default: 0] += 1
            }
            let served = Dictionary(uniqueKeysWithValues: rows.map { ("\($0[0] ?? "")|\($0[1] ?? "")", Int($0[2] ?? "") ?? -1) })
            #expect(!loans.isEmpty)
            #expect(served == expected)
            #expect(rows.map { "\($0[0] ?? "")|\($0[1] ?? "")" } == served.keys.sorted())
        }
    }

    @Test func feesByStatusSumTheirAmountsExactly() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let pages = try await Analytics.allPages(client, key: lectern.sandboxKey, report: "Fulfillment/Fines and fees by status", limit: 25)
            let rows = pages.flatMap { $0.values(columns: 5) }
            let fees = try await lectern.store.read(in: Self.demo) { try await $0.find(DocumentQuery(kind: .fee)).items }
            var count: [String: Int] = [:]
            var balance: [String: Decimal] = [:]
            for fee in fees {
                let key = "\(fee.body.descendant("type")?.attribute("desc") ?? "")|\(fee.body.descendant("status")?.attribute("desc") ?? "")"
                count[key, default: 0] += 1
                balance[key, default: 0] += Decimal(string: fee.body.value("balance") ?? "") ?? 0
            }
            #expect(rows.count == count.count)
            for row in rows {
                let key = "\(row[0] ?? "")|\(row[1] ?? "")"
                #expect(Int(row[2] ?? "") == count[key])
                #expect(Decimal(string: row[4] ?? "") == balance[key])
            }
        }
    }

    @Test func overdueLoansAreTheActiveLoansPastTheirDueDateWithTheirBorrowers() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let pages = try await Analytics.allPages(client, key: lectern.sandboxKey, report: "Fulfillment/Overdue loans", limit: 1_000)
            let rows = pages.flatMap { $0.values(columns: 8) }
            let now = ISO8601DateFormatter().string(from: Date())
            let (loans, users) = try await lectern.store.read(in: Self.demo) { reader in
                var active = DocumentQuery(kind: .loan)
                active.equals = ["status": "ACTIVE"]
                return (try await reader.find(active).items, try await reader.find(DocumentQuery(kind: .user)).items)
            }
            let overdue = loans.filter { ($0.body.value("due_date") ?? "") < now }
            #expect(!overdue.isEmpty)
            #expect(rows.map { $0[5] ?? "" }.sorted() == overdue.map { $0.body.value("item_barcode") ?? "" }.sorted())
            let names = Dictionary(uniqueKeysWithValues: users.map { ($0.id, $0.body.value("last_name")) })
            for row in rows { #expect(row[2] == names[row[0] ?? ""] ?? nil) }
        }
    }

    @Test func theJSONFormCarriesTheSameRowsetInAnies() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let parameters = [("path", Analytics.path("Users/Users by group and expiry")), ("limit", "25")]
            let xml = try RowsetPage(try await Analytics.report(client, key: lectern.sandboxKey, parameters).body)
            let answer = try await Analytics.report(client, key: lectern.sandboxKey, parameters + [("format", "json")])
            #expect(answer.headers[.contentType]?.hasPrefix("application/json") == true)
            let json = try Wire.json(answer.body)
            #expect(Array(json.keys) == ["anies"])
            let anies = try #require(json["anies"] as? [String])
            #expect(anies.count == 1)
            let text = try #require(anies.first)
            #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<QueryResult>"))
            let embedded = try RowsetPage(Array(text.replacingOccurrences(of: "encoding=\"UTF-16\"", with: "encoding=\"UTF-8\"").utf8))
            #expect(embedded.root == "QueryResult")
            #expect(embedded.columns == xml.columns)
            #expect(embedded.rows == xml.rows)
            #expect(embedded.finished == xml.finished)
            #expect(embedded.token != nil && xml.token != nil)
        }
    }

    @Test func badParametersAreRefusedWithTheDocumentedErrors() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let key = lectern.sandboxKey
            let report = Analytics.path("Users/Users by group and expiry")
            for limit in ["10", "1001", "0", "-25", "abc", "99999999999999999999"] {
                let answer = try await Analytics.report(client, key: key, [("path", report), ("limit", limit)])
                #expect(answer.status == 400, "limit=\(limit)")
                #expect(try Wire.xml(answer.body).text("errorCode") == "402119", "limit=\(limit)")
            }
            let colNames = try await Analytics.report(client, key: key, [("path", report), ("col_names", "maybe")])
            #expect(try Wire.xml(colNames.body).text("errorCode") == "402119")
            let nothing = try await Analytics.report(client, key: key, [])
            #expect(try Wire.xml(nothing.body).text("errorCode") == "402119")
            let unknown = try await Analytics.report(client, key: key, [("path", "/shared/Lectern Demo University/Reports/Nope")])
            #expect(unknown.status == 400)
            #expect(try Wire.xml(unknown.body).text("errorCode") == "INTERNAL_SERVER_ERROR")
            #expect(try Wire.xml(unknown.body).text("errorMessage") == "Path not found (/shared/Lectern Demo University/Reports/Nope)")
            let folder = try await Analytics.report(client, key: key, [("path", "/shared/Lectern Demo University/Reports/Users")])
            #expect(try Wire.xml(folder.body).text("errorCode") == "INTERNAL_SERVER_ERROR")
        }
    }

    @Test func withoutColumnNamesTheSchemaHasNoHeadings() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let report = Analytics.path("Users/Users by group and expiry")
            let page = try RowsetPage(
                try await Analytics.report(client, key: lectern.sandboxKey, [("path", report), ("col_names", "false")]).body
            )
            #expect(page.columns.count == 4)
            for (index, column) in page.columns.enumerated() {
                #expect(column["saw-sql:columnHeading"] == nil && column["saw-sql:tableHeading"] == nil)
                #expect(column["saw-sql:displayFormula"] == "s_\(index)")
                #expect(column["name"] == "Column\(index)")
            }
            let headed = try RowsetPage(try await Analytics.report(client, key: lectern.sandboxKey, [("path", report)]).body)
            #expect(headed.columns.map { $0["saw-sql:columnHeading"] } == ["0", "User Group", "Expiry Year", "Number of Users"])
            #expect(headed.rows == page.rows)
        }
    }
}
