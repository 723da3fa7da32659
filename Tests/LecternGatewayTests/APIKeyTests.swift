import LecternAlma
import LecternCore
import LecternEsploro
import LecternGateway
import LecternPrimo
import LecternSQLite
import LecternStore
import LecternTesting
import Testing

struct APIKeyTests {
    @Test func generatedKeysAreWellFormedUniqueAndStoredOnlyAsHashes() async throws {
        let keys = (0..<200).map { _ in APIKey.generate() }
        #expect(Set(keys).count == 200)
        for key in keys {
            #expect(key.hasPrefix("l7xx") && key.count == 36)
            #expect(APIKey.isWellFormed(key))
            #expect(APIKey.hash(key).count == 64)
            #expect(!APIKey.hash(key).contains(key.dropFirst(4)))
        }
    }

    @Test func storedKeysAreNotInTheDatabaseInClear() async throws {
        let lectern = try await TestLectern.make()
        let stored = try await lectern.store.keys(institution: "DEMO")
        #expect(stored.count >= 4)
        for record in stored {
            #expect(record.hash != lectern.sandboxKey)
            #expect(!record.hash.contains(lectern.sandboxKey.dropFirst(8)))
        }
        #expect(stored.contains { ConstantTime.equals($0.hash, APIKey.hash(lectern.sandboxKey)) })
    }

    @Test func aKeyFoundOnceIsAnsweredFromTheCache() async throws {
        let lectern = try await TestLectern.make()
        let key = lectern.sandboxKey[...]
        #expect(try lectern.gateway.keys.cachedCaller(for: key) == nil)
        let caller = try await lectern.gateway.keys.caller(for: key)
        #expect(try lectern.gateway.keys.cachedCaller(for: key) == caller)
        #expect(try lectern.gateway.keys.cachedCaller(for: "l7xx00000000000000000000000000000000") == nil)
        #expect(throws: GatewayError.malformedKey) { try lectern.gateway.keys.cachedCaller(for: "not a key") }
    }
}
