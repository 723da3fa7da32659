import Foundation
import LecternGateway
import LecternPortal
import LecternTesting
import Testing

/// Failed log-ins lock one account-and-address pair, with a growing lock, kept in the store.
struct LoginLockoutTests {
    static func attempt(_ portal: Portal, _ password: String, from client: String) async -> PortalError? {
        do {
            _ = try await portal.logIn(email: "target@example.org", password: password, client: client)
            return nil
        } catch let error as PortalError {
            return error
        } catch {
            return PortalError("\(error)")
        }
    }

    @Test func fiveFailuresLockOnlyThatPairAndTheLockGrowsAndOutlivesARestart() async throws {
        let clock = Clock(Date())
        let lectern = try await TestLectern.make(clock: { clock.now })
        try await lectern.withClient { client in
            try await PortalSession.developer(lectern, PortalBrowser(client), email: "target@example.org")
        }
        let portal = lectern.portal
        for _ in 0..<5 {
            #expect(await Self.attempt(portal, "wrong guess", from: "203.0.113.9")?.kind == .invalid)
        }
        #expect(await Self.attempt(portal, "correct horse", from: "203.0.113.9")?.kind == .throttled)
        // The owner, elsewhere, is not locked out; nor is the attacker's address for other accounts.
        #expect(await Self.attempt(portal, "correct horse", from: "198.51.100.7") == nil)

        // A new portal over the same store (a restart) still knows the lock.
        let restarted = Portal(
            store: lectern.store,
            gateway: lectern.gateway,
            mailer: try OutboxMailer(directory: lectern.outbox, logger: TestLectern.quietLogger),
            guestInstitution: "DEMO",
            sandboxReset: { _ in },
            passwords: PortalPasswords(cost: 4),
            clock: { clock.now }
        )
        #expect(await Self.attempt(restarted, "correct horse", from: "203.0.113.9")?.kind == .throttled)

        // After a minute the pair may try again; one more failure locks it for two.
        clock.now += 61
        #expect(await Self.attempt(restarted, "wrong again", from: "203.0.113.9")?.kind == .invalid)
        clock.now += 61
        #expect(await Self.attempt(restarted, "correct horse", from: "203.0.113.9")?.kind == .throttled)
        clock.now += 60
        #expect(await Self.attempt(restarted, "correct horse", from: "203.0.113.9") == nil)
        // A success forgets the failures.
        #expect(await Self.attempt(restarted, "wrong once", from: "203.0.113.9")?.kind == .invalid)
        #expect(await Self.attempt(restarted, "correct horse", from: "203.0.113.9") == nil)
    }

    @Test func behindATrustedProxyTheForwardedClientCounts() throws {
        let proxy = try #require(NetworkRule("10.0.0.0/8"))
        let address = ClientAddress(trustedProxies: [proxy])
        #expect(address.client(peer: "10.1.2.3", forwardedFor: "203.0.113.9") == "203.0.113.9")
        #expect(address.client(peer: "10.1.2.3", forwardedFor: "198.51.100.1, 203.0.113.9, 10.4.4.4") == "203.0.113.9")
        #expect(address.client(peer: "192.0.2.1", forwardedFor: "203.0.113.9") == "192.0.2.1")
        #expect(address.client(peer: "10.1.2.3", forwardedFor: nil) == "10.1.2.3")
    }
}
