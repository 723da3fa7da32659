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
    var routes: [Route] {
        let base = Population.researchers.base
        let userID = people.userID
        return [
            Route(.get, base, people.list).documented("Retrieve researchers", query: people.listParameters),
            Route(.post, base, people.create).documented("Create a researcher", query: [.format, .lang], body: [.xml, .json]),
            Route(.get, base + "/{user_id}", people.get).documented("Retrieve a researcher", path: [userID], query: PeopleAPI.getParameters),
            Route(.put, base + "/{user_id}", people.update).documented(
                "Update a researcher (swap all)",
                path: [userID],
                query: PeopleAPI.updateParameters,
                body: [.xml, .json]
            ),
            Route(.delete, base + "/{user_id}", people.delete).documented(
                "End a researcher role (the user stays)",
                path: [userID],
                query: PeopleAPI.deleteParameters,
                answer: .noContent
            ),
        ]
    }
}
