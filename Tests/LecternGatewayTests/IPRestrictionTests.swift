import HTTPTypes
import LecternAlma
import LecternCore
import LecternEsploro
import LecternGateway
import LecternPrimo
import LecternTesting
import Testing

/// IP restriction profiles, over a real socket (the peer address matters), and the CIDR rule itself.
struct IPRestrictionTests {
    @Test func keyOutsideItsProfileIsForbidden() async throws {
        let lectern = try await TestLectern.make()
        let restricted = try await lectern.key(permissions: [.users: .readWrite], networks: ["10.0.0.0/8"])
        let local = try await lectern.key(permissions: [.users: .readWrite], networks: ["127.0.0.0/8", "::1/128"])
        try await lectern.withLiveClient { client in
            let answer = try await client.send(.get, "/almaws/v1/users/operation/test", key: restricted)
            try GatewayRefusalTests.expectRefusal(answer, status: 403, code: "FORBIDDEN")
            #expect(try Wire.xml(answer.body).text("errorMessage")?.hasPrefix("HTTP requests from IP address 127.0.0.1") == true)
            let status942 = try await client.send(.get, "/almaws/v1/users/operation/test", key: local).status
            #expect(status942 == 200)
        }
    }

    @Test(arguments: [
        ("10.0.0.0/8", "10.200.3.4", true), ("10.0.0.0/8", "11.0.0.1", false), ("192.168.1.0/24", "192.168.1.255", true),
        ("192.168.1.0/24", "192.168.2.0", false), ("127.0.0.1", "127.0.0.1", true), ("0.0.0.0/0", "8.8.8.8", true),
        ("2001:db8::/32", "2001:db8::1", true), ("2001:db8::/32", "2001:db9::1", false), ("10.0.0.0/8", "::ffff:10.1.2.3", true),
        ("10.0.0.0/8", "garbage", false),
    ])
    func networkRuleMatches(rule: String, address: String, expected: Bool) throws {
        let parsed = try #require(NetworkRule(rule))
        #expect(parsed.contains(address) == expected)
    }

    @Test(arguments: ["", "10.0.0.0/33", "300.1.1.1", "1.2.3", "::1/129", "a::b::c", "10.0.0.0/x"])
    func malformedRulesAreRejected(rule: String) {
        #expect(NetworkRule(rule) == nil)
    }
}
