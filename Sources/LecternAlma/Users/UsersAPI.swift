import LecternCore
import LecternPeople
import LecternStore

extension Population {
    /// Every user, under `/almaws/v1/users`.
    static let users = Population(base: "/almaws/v1/users", person: "user", people: "users", researchersOnly: false, deletion: .deletesUser)
}

/// `/almaws/v1/users`: the Users area (users OpenAPI document), on the handlers Alma shares
/// with Esploro's researchers (``LecternPeople/PeopleAPI``).
struct UsersAPI {
    let people: PeopleAPI

    /// Creates the area over `store`.
    init(store: any Store, passwords: any PasswordHasher) {
        people = PeopleAPI(store: store, passwords: passwords, population: .users, activity: CirculationActivity(store: store))
        circulation = CirculationRoutes.users(store: store)
    }

    /// Loans, requests and fees under `/almaws/v1/users/{user_id}`.
    let circulation: [Route]

    /// The route table: the routes every population has, and authentication.
    var routes: [Route] {
        people.routes + circulation + [
            Route(.post, Population.users.base + "/{user_id}", people.authenticate).documented(
                "Authenticate a user",
                path: [people.userID],
                query: PeopleAPI.authenticateParameters,
                headers: PeopleAPI.authenticateHeaders,
                answer: .noContent,
                errors: PeopleAPI.authenticateErrors
            )
        ]
    }
}
