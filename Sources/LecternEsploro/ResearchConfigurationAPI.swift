import LecternCore
import LecternPeople
import LecternStore

/// `/esploro/v1/researchconf`: the code tables researchers and assets use, the same tables as
/// Alma's configuration (one institution, one set of codes).
struct ResearchConfigurationAPI {
    let store: any Store

    var routes: [Route] {
        let negotiated: [RouteParameter] = [.format, .lang]
        return [
            Route(.get, "/esploro/v1/researchconf/code-tables/{codeTableName}", CodeTableAPI(store: store).codeTable).documented(
                "Retrieve a code table",
                path: [CodeTableAPI.codeTableName],
                query: negotiated,
                response: CodeTableAPI.object,
                errors: CodeTableAPI.errors
            )
        ]
    }
}
