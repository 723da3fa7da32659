import LecternApplication
import LecternCore
import LecternOpenAPI
import LecternTesting

/// The areas `lectern serve` serves, over a test Lectern, and their catalog.
struct ServedAPI {
    let areas: [APIArea]
    let catalog: APICatalog

    /// Every route of every area.
    var routes: [Route] { areas.flatMap(\.routes) }

    init(_ lectern: TestLectern) {
        areas = LecternAreas.areas(store: lectern.store, passwords: TestLectern.passwords)
        catalog = APICatalog(areas: areas)
    }

    static func make() async throws -> ServedAPI {
        ServedAPI(try await TestLectern.make())
    }
}
