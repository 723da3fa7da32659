import HTTPTypes
import LecternAlma
import LecternCore
import LecternEsploro
import LecternGateway
import LecternPrimo
import LecternSQLite
import LecternStore
import LecternTesting
import Synchronization
import Testing

/// Faults injected into a sandbox key's calls are the real refusals, counted like them.
struct FaultInjectionTests {
    static let test = "/almaws/v1/users/operation/test"

    /// A Lectern that really refuses the sandbox key's calls with `kind`.
    static func realRefusal(_ kind: FaultPlan.Kind) async throws -> Answer {
        let lectern: TestLectern
        switch kind {
        case .perSecondThreshold:
            lectern = try await TestLectern.make(perSecondLimit: 0)
        case .dailyThreshold:
            lectern = try await TestLectern.make(namedUsers: 0)
        case .routingError:
            lectern = try await TestLectern.make()
            try await lectern.store.setMaintenance(.alma, on: true)
            try await lectern.gateway.refresh()
        }
        let answer = Mutex<Answer?>(nil)
        try await lectern.withClient { client in
            let refusal = try await client.send(.get, Self.test, key: lectern.sandboxKey)
            answer.withLock { $0 = refusal }
        }
        return try #require(answer.withLock { $0 })
    }

    @Test(arguments: FaultPlan.Kind.allCases)
    func nextTwoCallsGetTheRealRefusalThenCallsAreNormal(kind: FaultPlan.Kind) async throws {
        let real = try await Self.realRefusal(kind)
        #expect([429, 503].contains(real.status))
        let lectern = try await TestLectern.make()
        let id = try await lectern.keyID(of: lectern.sandboxKey)
        try await lectern.gateway.faults.set(keyID: id, FaultPlan(kind: kind, nextCalls: 2))
        try await lectern.withClient { client in
            let first = try await client.send(.get, Self.test, key: lectern.sandboxKey)
            #expect(lectern.gateway.faults.plan(keyID: id) == FaultPlan(kind: kind, nextCalls: 1))
            let second = try await client.send(.get, Self.test, key: lectern.sandboxKey)
            #expect(RefusalShape(first) == RefusalShape(real))
            #expect(RefusalShape(second) == RefusalShape(real))
            #expect(lectern.gateway.faults.plan(keyID: id) == nil)
            let third = try await client.send(.get, Self.test, key: lectern.sandboxKey)
            #expect(third.status == 200)
        }
        let code = kind == .routingError ? "ROUTING_ERROR" : kind == .perSecondThreshold ? "PER_SECOND_THRESHOLD" : "DAILY_THRESHOLD"
        let log = try await lectern.gateway.requestLog(keyID: id)
        #expect(log.map(\.status) == [200, real.status, real.status])
        #expect(log.map(\.errorCode) == ["", code, code])
        let usage = try await lectern.gateway.usage(institution: "DEMO", keyIDs: [id], fromDay: "2000-01-01", toDay: "2999-12-31")
        #expect(usage.filter { $0.errorCode == code }.map(\.count) == [2])
    }

    @Test func percent100RefusesEveryCallOfThatKeyUntilClearedAndPercent0None() async throws {
        let lectern = try await TestLectern.make()
        let id = try await lectern.keyID(of: lectern.sandboxKey)
        try await lectern.gateway.faults.set(keyID: id, FaultPlan(kind: .dailyThreshold, percent: 100))
        try await lectern.withClient { client in
            for _ in 0..<5 {
                try GatewayRefusalTests.expectRefusal(
                    try await client.send(.get, Self.test, key: lectern.sandboxKey),
                    status: 429,
                    code: "DAILY_THRESHOLD"
                )
            }
            let otherKey = try await client.send(.get, Self.test, key: lectern.readOnlyKey)
            #expect(otherKey.status == 200)
            #expect(lectern.gateway.faults.plan(keyID: id) == FaultPlan(kind: .dailyThreshold, percent: 100))
            lectern.gateway.faults.clear(keyID: id)
            let cleared = try await client.send(.get, Self.test, key: lectern.sandboxKey)
            #expect(cleared.status == 200)

            try await lectern.gateway.faults.set(keyID: id, FaultPlan(kind: .routingError, percent: 0))
            for _ in 0..<5 {
                let status = try await client.send(.get, Self.test, key: lectern.sandboxKey).status
                #expect(status == 200)
            }
        }
    }

    @Test func onlySandboxAndGuestKeysGetFaults() async throws {
        let lectern = try await TestLectern.make()
        let production = try await lectern.keyID(of: try await lectern.key(environment: .production, permissions: [.users: .readWrite]))
        await #expect(throws: FaultInjectionError.productionKey(production)) {
            try await lectern.gateway.faults.set(keyID: production, FaultPlan(kind: .routingError, nextCalls: 1))
        }
        #expect(lectern.gateway.faults.plan(keyID: production) == nil)
        let guest = try await lectern.keyID(of: lectern.guestKey)
        try await lectern.gateway.faults.set(keyID: guest, FaultPlan(kind: .routingError, nextCalls: 1))
        #expect(lectern.gateway.faults.plan(keyID: guest) != nil)
        let sandbox = try await lectern.keyID(of: lectern.sandboxKey)
        for plan in [FaultPlan(kind: .routingError, nextCalls: 0), FaultPlan(kind: .routingError, percent: 101)] {
            await #expect(throws: FaultInjectionError.invalidPlan(plan.schedule)) { try await lectern.gateway.faults.set(keyID: sandbox, plan) }
        }
        await #expect(throws: FaultInjectionError.unknownKey(999_999)) {
            try await lectern.gateway.faults.set(keyID: 999_999, FaultPlan(kind: .routingError, nextCalls: 1))
        }
    }
}
