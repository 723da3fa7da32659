import LecternRepresentation

extension AreaDescriptor {
    /// `GET` and `POST` on each of ``testPaths``: the answer proves the key works
    /// (`<test>GET request succeeded</test>`; `{"result": "GET request succeeded"}` in an area
    /// that speaks JSON only).
    public var testRoutes: [Route] {
        let query: [RouteParameter] = isJSONOnly ? [.jsonOnlyFormat(area.rawValue), .lang] : [.format, .lang]
        let answer: RouteAnswer = .object(formats)
        let jsonOnly = isJSONOnly
        return testPaths.flatMap { path in
            [Method.get, Method.post].map { method in
                Route(method, path) { call in Self.testReply(call.method, jsonOnly: jsonOnly) }
                    .documented("Test the API key (\(method.rawValue))", query: query, answer: answer)
            }
        }
    }

    private static func testReply(_ method: Method, jsonOnly: Bool) -> Reply {
        let text = "\(method.rawValue) request succeeded"
        return jsonOnly ? .object(Node("test", children: [Node("result", text: text)]), .object([.text("result")])) : Call.testReply(method)
    }
}
