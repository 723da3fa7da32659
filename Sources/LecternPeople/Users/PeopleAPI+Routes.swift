public import LecternCore

extension PeopleAPI {
    /// The routes every population has: list and create under its base path; get, update and
    /// delete by `{user_id}`; documented in the population's words.
    public var routes: [Route] {
        let base = population.base
        let person = population.person
        let deleteSummary =
            switch population.deletion {
            case .deletesUser: "Delete a \(person)"
            case .endsResearcherRole: "End a researcher role (the user stays)"
            }
        return [
            Route(.get, base, list).documented("Retrieve \(population.people)", query: listParameters),
            Route(.post, base, create).documented("Create a \(person)", query: [.format, .lang], body: [.xml, .json]),
            Route(.get, base + "/{user_id}", get).documented("Retrieve a \(person)", path: [userID], query: Self.getParameters),
            Route(.put, base + "/{user_id}", update).documented(
                "Update a \(person) (swap all)",
                path: [userID],
                query: Self.updateParameters,
                body: [.xml, .json]
            ),
            Route(.delete, base + "/{user_id}", delete).documented(deleteSummary, path: [userID], query: Self.deleteParameters, answer: .noContent),
        ]
    }
}
