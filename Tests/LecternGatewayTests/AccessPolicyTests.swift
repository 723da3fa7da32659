import LecternCore
import LecternGateway
import Testing

/// The plan, method and area rules, without HTTP.
struct AccessPolicyTests {
    @Test(arguments: [
        ("/almaws/v1/users", Area?.some(.users)), ("/almaws/v1/users/abc/loans", .users), ("//almaws//v1//users", .users),
        ("/almaws/v1/bibs/99/holdings", .bibs), ("/almaws/v1/items", .bibs), ("/almaws/v1/acq/vendors", .acquisitions),
        ("/almaws/v1/conf/libraries", .configuration), ("/almaws/v1/courses", .courses), ("/almaws/v1/analytics/reports", .analytics),
        ("/almaws/v1/partners", .resourceSharing), ("/almaws/v1/task-lists/rs/lending-requests", .resourceSharing),
        ("/almaws/v1/electronic/e-collections", .electronicResources), ("/primo/v1/search", .primo), ("/primo/v1", .primo),
        ("/esploro/v1/researchers/1", .researchers), ("/esploro/v1/assets", .assets), ("/esploro/v1/organizations/internal", .researchers),
        ("/almaws/v1", nil), ("/almaws/v2/users", nil), ("/almaws/v1/nothing", nil), ("/", nil), ("", nil), ("/portal", nil),
        ("/esploro/v1", nil), ("/almaws/v1/USERS", nil),
    ])
    func pathsBelongToTheirArea(path: String, area: Area?) {
        #expect(AccessPolicy.area(forPath: path) == area)
    }

    @Test func writesNeedReadWriteAndANonGuestPlan() throws {
        let readWrite = Caller(keyID: 1, institution: "I", environment: .sandbox, permissions: [.users: .readWrite])
        let readOnly = Caller(keyID: 2, institution: "I", environment: .production, permissions: [.users: .readOnly])
        let guest = Caller(keyID: 3, institution: "I", environment: .guest, permissions: [.users: .readWrite])
        try AccessPolicy.check(readWrite, method: .put, area: .users)
        try AccessPolicy.check(readOnly, method: .get, area: .users)
        try AccessPolicy.check(guest, method: .get, area: .users)
        #expect(throws: GatewayError.readOnlyPlan(plan: "Production Users Read-only")) {
            try AccessPolicy.check(readOnly, method: .post, area: .users)
        }
        #expect(throws: GatewayError.guestSandboxWrite) { try AccessPolicy.check(guest, method: .delete, area: .users) }
        #expect(throws: GatewayError.unauthorized) { try AccessPolicy.check(readWrite, method: .get, area: .bibs) }
    }
}
