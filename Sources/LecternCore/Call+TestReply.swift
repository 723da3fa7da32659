import LecternRepresentation

extension Call {
    /// The `/test` answer every area has: a `GET` or `POST` that only proves the key works.
    public static func testReply(_ method: Method) -> Reply {
        .object(Node("test", text: "\(method.rawValue) request succeeded"), .text)
    }
}
