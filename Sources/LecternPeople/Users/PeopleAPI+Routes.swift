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
        let one = DocumentedObject("user", "A \(person): the user record", shape: PeopleShapes.user, exampleKind: "user")
        let page = DocumentedObject.list("users", of: one, shape: PeopleShapes.users)
        let notFound: [APIError] = [.userNotFound("{user_id}"), .userNotFound("{user_id}", type: "{user_id_type}")]
        let refused: [APIError] = [
            .mandatoryFieldMissing("{field}"), .userExists("{value}", type: "{type}"), .illegalUserGroup, .illegalAccountType,
            .externalIDForInternal, .externalIDMissing, .invalidType("{field}", "{value}"),
        ]
        return [
            Route(.get, base, list).documented(
                "Retrieve \(population.people)",
                query: listParameters,
                response: page,
                errors: [.invalidQuery("{reason}"), .invalidParameter(Self.modifyDateFrom.name, "{value}")]
            ),
            Route(.post, base, create).documented(
                "Create a \(person)",
                query: [.format, .lang],
                body: [.xml, .json],
                request: one,
                response: one,
                errors: refused
            ),
            Route(.get, base + "/{user_id}", get).documented(
                "Retrieve a \(person)",
                path: [userID],
                query: Self.getParameters,
                response: one,
                errors: notFound
            ),
            Route(.put, base + "/{user_id}", update).documented(
                "Update a \(person) (swap all)",
                path: [userID],
                query: Self.updateParameters,
                body: [.xml, .json],
                request: one,
                response: one,
                errors: notFound + refused + [.externalIDChanged]
            ),
            Route(.delete, base + "/{user_id}", delete).documented(
                deleteSummary,
                path: [userID],
                query: Self.deleteParameters,
                answer: .noContent,
                errors: notFound
            ),
        ]
    }
}
