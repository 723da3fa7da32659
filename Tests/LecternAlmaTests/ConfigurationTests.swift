import Foundation
import HTTPTypes
import LecternTesting
import Testing

/// The read side of `/almaws/v1/conf` that clients use to find codes.
struct ConfigurationTests {
    @Test func librariesLocationsAndDesksAreListedLikeTheRecordings() async throws {
        let lectern = try await TestLectern.make()
        let recordedLibrary = Set(
            try #require((try Recorded.json("php-alma-client/libraries_response.json")["library"] as? [[String: Any]])?.first).keys
        )
        let recordedLocation = Set(
            try #require((try Recorded.json("php-alma-client/locations_response.json")["location"] as? [[String: Any]])?.first).keys
        )
        try await lectern.withClient { client in
            let libraries = try Wire.json(try await client.send(.get, "/almaws/v1/conf/libraries?format=json", key: lectern.sandboxKey).body)
            let list = try #require(libraries["library"] as? [[String: Any]])
            #expect(list.count >= 2)
            #expect(recordedLibrary.subtracting(list[0].keys).isEmpty)
            let code = try #require(list.first?["code"] as? String)
            let locations = try Wire.json(
                try await client.send(.get, "/almaws/v1/conf/libraries/\(code)/locations?format=json", key: lectern.sandboxKey).body
            )
            let locationList = try #require(locations["location"] as? [[String: Any]])
            #expect(locations["total_record_count"] as? Int == locationList.count)
            #expect(recordedLocation.subtracting(locationList[0].keys).subtracting(["accession_placement"]).isEmpty)
            let locationCode = try #require(locationList.first?["code"] as? String)
            let answer1 = try await client.send(.get, "/almaws/v1/conf/libraries/\(code)/locations/\(locationCode)", key: lectern.sandboxKey)
            #expect(answer1.status == 200)
            let desks = try Wire.xml(try await client.send(.get, "/almaws/v1/conf/libraries/\(code)/circ-desks", key: lectern.sandboxKey).body)
            #expect(desks.root == "circ_desks")
            #expect((desks.texts["code"] ?? []).contains("DEFAULT_CIRC_DESK"))
            let withSlash = try await client.send(.get, "/almaws/v1/conf/libraries/\(code)/circ-desks/", key: lectern.sandboxKey)
            #expect(withSlash.status == 200)
            let library = try Wire.xml(try await client.send(.get, "/almaws/v1/conf/libraries/\(code)", key: lectern.sandboxKey).body)
            #expect(library.root == "library")
        }
    }

    @Test func departmentsAndCodeTables() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let departments = try Wire.json(try await client.send(.get, "/almaws/v1/conf/departments?format=json", key: lectern.sandboxKey).body)
            #expect((departments["department"] as? [Any])?.count == departments["total_record_count"] as? Int)
            let groups = try Wire.json(
                try await client.send(.get, "/almaws/v1/conf/code-tables/UserGroups?format=json", key: lectern.sandboxKey).body
            )
            let rows = try #require(groups["row"] as? [[String: Any]])
            #expect(rows.contains { $0["code"] as? String == "FACULTY" && $0["enabled"] as? Bool == true })
            let unknown = try await client.send(.get, "/almaws/v1/conf/code-tables/NoSuchTable?format=json", key: lectern.sandboxKey)
            #expect(unknown.status == 400)
            let badLibrary = try await client.send(.get, "/almaws/v1/conf/libraries/NOPE/locations?format=json", key: lectern.sandboxKey)
            #expect(try Wire.jsonErrorCodes(badLibrary.body) == ["402211"])
            let answer2 = try await client.send(.get, "/almaws/v1/conf/test", key: lectern.sandboxKey)
            #expect(answer2.status == 200)
        }
    }

    @Test func anotherInstitutionHasItsOwnConfiguration() async throws {
        let lectern = try await TestLectern.make()
        try await lectern.withClient { client in
            let libraries = try Wire.json(try await client.send(.get, "/almaws/v1/conf/libraries?format=json", key: lectern.otherKey).body)
            #expect(libraries["library"] == nil || (libraries["library"] as? [Any])?.isEmpty == true)
            let groups = try await client.send(.get, "/almaws/v1/conf/code-tables/UserGroups?format=json", key: lectern.otherKey)
            #expect(groups.status == 200)
        }
    }
}
