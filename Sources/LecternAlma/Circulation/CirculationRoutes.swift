import LecternCore
import LecternStore

/// Circulation's routes, split by the API area whose key permission they need, as in Alma:
/// under `/almaws/v1/users` the Users area, under `/almaws/v1/bibs` the Bibs area.
enum CirculationRoutes {
    static func all(store: any Store) -> [Route] {
        let circulation = Circulation(store: store)
        return LoansAPI(circulation: circulation).routes + RequestsAPI(circulation: circulation).routes + FeesAPI(circulation: circulation).routes
    }

    /// The routes of `/almaws/v1/users/{user_id}/…`.
    static func users(store: any Store) -> [Route] {
        all(store: store).filter { $0.path.hasPrefix(UsersArea.descriptor.pathPrefixes[0]) }
    }

    /// The routes of `/almaws/v1/bibs/{mms_id}/…`.
    static func bibs(store: any Store) -> [Route] {
        all(store: store).filter { !$0.path.hasPrefix(UsersArea.descriptor.pathPrefixes[0]) }
    }
}
