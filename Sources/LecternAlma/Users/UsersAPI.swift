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
        people = PeopleAPI(store: store, passwords: passwords, population: .users)
    }

    /// The route table.
    var routes: [Route] {
        let base = Population.users.base
        let userID = people.userID
        return [
            Route(.get, base, people.list).documented("Retrieve users", query: people.listParameters),
            Route(.post, base, people.create).documented("Create a user", query: [.format, .lang], body: [.xml, .json]),
            Route(.get, base + "/{user_id}", people.get).documented("Retrieve a user", path: [userID], query: PeopleAPI.getParameters),
            Route(.put, base + "/{user_id}", people.update).documented(
                "Update a user (swap all)",
                path: [userID],
                query: PeopleAPI.updateParameters,
                body: [.xml, .json]
            ),
            Route(.delete, base + "/{user_id}", people.delete).documented(
                "Delete a user",
                path: [userID],
                query: PeopleAPI.deleteParameters,
                answer: .noContent
            ),
            Route(.post, base + "/{user_id}", people.authenticate).documented(
                "Authenticate a user",
                path: [userID],
                query: PeopleAPI.authenticateParameters,
                headers: PeopleAPI.authenticateHeaders,
                answer: .noContent
            ),
        ]
    }
}
