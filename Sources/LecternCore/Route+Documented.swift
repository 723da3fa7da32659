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
    /// The answer is an object in XML or JSON unless `answer` says otherwise.
    public func documented(
        _ summary: String,
        path: [RouteParameter] = [],
        query: [RouteParameter] = [],
        headers: [RouteParameter] = [],
        body: [BodyFormat] = [],
        answer: RouteAnswer = .object([.xml, .json])
    ) -> Route {
        var route = self
        route.documentation = RouteDocumentation(summary: summary, path: path, query: query, headers: headers, body: body, answer: answer)
        return route
    }
}
