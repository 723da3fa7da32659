/// How one population of the people Alma and Esploro share differs from another: where its
/// routes are, what its members are called, who belongs to it and what deleting one does.
///
/// Alma's users (`/almaws/v1/users`: everyone) and Esploro's researchers
/// (`/esploro/v1/researchers`: the users with a researcher section) are the two; each family
/// declares its own and builds its route table on ``PeopleAPI``.
public struct Population: Sendable {
    /// What deleting a member does.
    public enum Deletion: Sendable {
        /// The user is deleted.
        case deletesUser
        /// The researcher role ends (`is_researcher` false, the `researcher` section gone); the
        /// person stays a user.
        case endsResearcherRole
    }

    /// The path the population's routes start with, and its members' `link`s (`/almaws/v1/users`).
    public var base: String
    /// One member, as the route documentation names them (`user`).
    public var person: String
    /// Members, as the route documentation names them (`users`).
    public var people: String
    /// Whether only researchers belong: a list holds the users with `is_researcher`, a user
    /// written here becomes one, and a user who is not one is not found here, except by a PUT,
    /// which makes them one (the CSV Researcher Loader's way).
    public var researchersOnly: Bool
    /// What `DELETE {base}/{user_id}` does.
    public var deletion: Deletion

    /// Creates a population.
    public init(base: String, person: String, people: String, researchersOnly: Bool, deletion: Deletion) {
        self.base = base
        self.person = person
        self.people = people
        self.researchersOnly = researchersOnly
        self.deletion = deletion
    }
}
