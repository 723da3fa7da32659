import LecternAlma
import LecternCore
import LecternStore

/// `/esploro/v1/researchconf`: the code tables researchers and assets use, the same tables as
/// Alma's configuration (one institution, one set of codes).
struct ResearchConfigurationAPI {
    let store: any Store

    var routes: [Route] {
        let negotiated: [RouteParameter] = [.format, .lang]
        return [
            Route(.get, "/esploro/v1/researchconf/test") { call in Call.testReply(call.method) }.documented(
                "Test the API key (GET)",
                query: negotiated
            ),
            Route(.post, "/esploro/v1/researchconf/test") { call in Call.testReply(call.method) }.documented(
                "Test the API key (POST)",
                query: negotiated
            ),
            Route(.get, "/esploro/v1/researchconf/code-tables/{codeTableName}", ConfigurationAPI(store: store).codeTable).documented(
                "Retrieve a code table",
                path: [ConfigurationAPI.codeTableName],
                query: negotiated
            ),
        ]
    }
}
