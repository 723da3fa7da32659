extension Route {
    /// The route with its documentation, written next to it in the route table:
    ///
    /// ```swift
    /// Route(.get, base, list).documented(
    ///     "Retrieve users",
    ///     query: [.limit(default: 10, maximum: 100), .offset, .init("q", "Brief search: field~value, joined by AND or OR"), .format, .lang]
    /// )
    /// ```
    ///
    /// The answer is an object in XML or JSON unless `answer` says otherwise. `request` and
    /// `response` name the objects it takes and answers, `errors` the logical errors its handler
    /// answers: the OpenAPI documents and the portal's documentation pages show them.
    public func documented(
        _ summary: String,
        path: [RouteParameter] = [],
        query: [RouteParameter] = [],
        headers: [RouteParameter] = [],
        body: [BodyFormat] = [],
        answer: RouteAnswer = .object([.xml, .json]),
        request: DocumentedObject? = nil,
        response: DocumentedObject? = nil,
        errors: [APIError] = []
    ) -> Route {
        var route = self
        route.documentation = RouteDocumentation(
            summary: summary,
            path: path,
            query: query,
            headers: headers,
            body: body,
            answer: answer,
            request: request,
            response: response,
            errors: errors.map(DocumentedError.init)
        )
        return route
    }
}
