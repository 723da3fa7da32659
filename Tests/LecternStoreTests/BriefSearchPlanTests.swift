import GRDB
import LecternCore
import LecternStore
import Testing

@testable import LecternSQLite

/// The brief search's SQL lets the full-text match drive: its cost follows the matches, not the
/// number of the tenant's documents of the kind (issue: 674 ms for a search over 20,320 users).
struct BriefSearchPlanTests {
    @Test func theFullTextMatchIsTheOuterLoop() async throws {
        let store = try StoreContractTests.store()
        let (sql, arguments) = DocumentSQL.subquery(.words(field: "name", ["smi*"]), tenant: "A/sandbox", kind: StoreContractTests.kind)
        let plan = try await store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(sql)", arguments: arguments).map { $0["detail"] as String }
        }
        #expect(plan.first?.hasPrefix("SCAN t VIRTUAL TABLE") == true, "\(plan)")
        #expect(plan.dropFirst().allSatisfy { $0.contains("INTEGER PRIMARY KEY") }, "\(plan)")
    }
}
