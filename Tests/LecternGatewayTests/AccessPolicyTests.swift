import LecternAlma
import LecternApplication
import LecternCore
import LecternEsploro
import LecternGateway
import LecternPrimo
import LecternTesting
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
        #expect(AreaDirectory(LecternAreas.descriptors).descriptor(forPath: path)?.area == area)
    }

    /// The prefixes that place a call no route matched agree with the routes: every route's path
    /// belongs to the area that serves it.
    @Test func everyRouteIsInTheAreaItsPathBelongsTo() async throws {
        let lectern = try await TestLectern.make()
        let directory = AreaDirectory(LecternAreas.descriptors)
        for area in LecternAreas.areas(store: lectern.store, passwords: TestLectern.passwords) {
            for route in area.routes {
                #expect(directory.descriptor(forPath: route.path)?.area == area.descriptor.area, "\(route.path)")
            }
        }
    }

    @Test func writesNeedReadWriteAndANonGuestPlan() throws {
        let readWrite = Caller(keyID: 1, institution: "I", environment: .sandbox, permissions: [.users: .readWrite])
        let readOnly = Caller(keyID: 2, institution: "I", environment: .production, permissions: [.users: .readOnly])
        let guest = Caller(keyID: 3, institution: "I", environment: .guest, permissions: [.users: .readWrite])
        try AccessPolicy.check(readWrite, method: .put, area: UsersArea.descriptor)
        try AccessPolicy.check(readOnly, method: .get, area: UsersArea.descriptor)
        try AccessPolicy.check(guest, method: .get, area: UsersArea.descriptor)
        #expect(throws: GatewayError.readOnlyPlan(plan: "Production Users Read-only")) {
            try AccessPolicy.check(readOnly, method: .post, area: UsersArea.descriptor)
        }
        #expect(throws: GatewayError.guestSandboxWrite) { try AccessPolicy.check(guest, method: .delete, area: UsersArea.descriptor) }
        #expect(throws: GatewayError.unauthorized) { try AccessPolicy.check(readWrite, method: .get, area: BibsArea.descriptor) }
    }
}
