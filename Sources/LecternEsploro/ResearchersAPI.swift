import LecternCore
import LecternPeople
import LecternStore

extension Population {
    /// The users who are researchers, under `/esploro/v1/researchers`.
    static let researchers = Population(
        base: "/esploro/v1/researchers",
        person: "researcher",
        people: "researchers",
        researchersOnly: true,
        deletion: .endsResearcherRole
    )
}

/// `/esploro/v1/researchers` (ESPLORO.md section 2): the institution's users with a researcher
/// section, on the handlers Esploro shares with Alma's users (``LecternPeople/PeopleAPI``), so
/// that a researcher is one person in both APIs.
struct ResearchersAPI {
    let people: PeopleAPI

    /// Creates the area over `store`.
    init(store: any Store, passwords: any PasswordHasher) {
        people = PeopleAPI(store: store, passwords: passwords, population: .researchers)
    }

    /// The route table.
    var routes: [Route] { people.routes }
}
