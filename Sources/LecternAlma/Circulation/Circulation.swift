import Foundation
import LecternCore
import LecternRepresentation
import LecternStore

/// The way into circulation for handlers: the tenant's clock, and one transaction per call.
struct Circulation: Sendable {
    let store: any Store

    /// Runs `body` with the tenant's desk, in one write transaction, at the tenant's time.
    func desk<T: Sendable>(_ call: Call, _ body: @escaping @Sendable (CirculationDesk) async throws -> T) async throws -> T {
        let now = try await store.now(for: call.tenant)
        let tenant = call.tenant
        let setup = try await store.read(in: tenant) { try await CirculationDesk.Setup.load(from: $0) }
        return try await store.write(in: tenant) { tx in
            let desk = try await CirculationDesk.open(tx, tenant: tenant, now: now, setup: setup)
            let result = try await body(desk)
            try await desk.refreshActivity()
            return result
        }
    }

    /// The place in its title's queue of each open hold among `requests`.
    static func places(_ requests: [Document], desk: CirculationDesk) async throws -> [String: Int] {
        var places: [String: Int] = [:]
        for mmsID in Set(requests.compactMap { $0.body.value("mms_id") }) {
            let holds = try await desk.openRequests(ofBib: mmsID).filter { $0.fields["type"] == "HOLD" }
            for (index, hold) in holds.enumerated() { places[hold.id] = index + 1 }
        }
        return places
    }
}
